package dev.docannotator.analysis.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteAnchorTest {
    private static final String TEXT = "Intro line.\nThe  supplier shall deliver the goods \u201cpromptly\u201d after payment.\n"
            + "Payment is due within thirty days of the invoice date.";
    private final QuoteAnchor anchor = new QuoteAnchor();

    @Test
    void anExactQuoteIsAnchoredWhereItIs() {
        QuoteAnchor.Match m = anchor.anchor(TEXT, 0, TEXT.length(), "within thirty days").orElseThrow();
        assertThat(TEXT.substring(m.start(), m.end())).isEqualTo("within thirty days");
        assertThat(m.method()).isEqualTo(QuoteAnchor.Method.EXACT);
    }

    @Test
    void whitespaceCaseAndQuoteMarksDoNotMatter() {
        QuoteAnchor.Match m = anchor.anchor(TEXT, 0, TEXT.length(), "the supplier shall deliver the goods \"promptly\"")
                .orElseThrow();
        assertThat(TEXT.substring(m.start(), m.end())).isEqualTo("The  supplier shall deliver the goods \u201cpromptly\u201d");
        assertThat(m.method()).isEqualTo(QuoteAnchor.Method.NORMALISED);
    }

    @Test
    void aSlightlyMiscopiedQuoteIsAnchoredFuzzilyOnTheTextItDescribes() {
        QuoteAnchor.Match m = anchor.anchor(TEXT, 0, TEXT.length(), "Payment is due within thirty day of the invoice")
                .orElseThrow();
        assertThat(m.method()).isEqualTo(QuoteAnchor.Method.FUZZY);
        assertThat(TEXT.substring(m.start(), m.end())).isEqualTo("Payment is due within thirty days of the invoice");
    }

    @Test
    void aQuoteThatIsNotInTheTextIsNotAnchored() {
        assertThat(anchor.anchor(TEXT, 0, TEXT.length(), "The buyer may terminate at any time")).isEmpty();
        assertThat(anchor.anchor(TEXT, 0, TEXT.length(), "thirty dayz")).isEmpty(); // short: no fuzzy guess
        assertThat(anchor.anchor(TEXT, 0, TEXT.length(), "  ")).isEmpty();
    }

    @Test
    void onlyTheWindowIsSearched() {
        int second = TEXT.indexOf("Payment is due");
        assertThat(anchor.anchor(TEXT, second, TEXT.length(), "supplier shall deliver")).isEmpty();
        QuoteAnchor.Match m = anchor.anchor(TEXT, second, TEXT.length(), "invoice date").orElseThrow();
        assertThat(m.start()).isGreaterThan(second);
    }

    @Test
    void chineseQuotesAnchorToo() {
        String zh = "合同约定，付款期限为三十天。若逾期，买方应支付违约金。";
        QuoteAnchor.Match m = anchor.anchor(zh, 0, zh.length(), "若逾期，买方应支付违约金").orElseThrow();
        assertThat(zh.substring(m.start(), m.end())).isEqualTo("若逾期，买方应支付违约金");
    }
}
