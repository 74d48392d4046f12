package dev.docannotator.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormulasTest {

    @Test
    void aConditionWrittenInsideASentenceCountsAsOneWord() {
        String condition = "Since 𝑉𝑢𝑙,2, 𝑉𝑢ℎ,2 is greater than the release voltages of C1, … , CM , (𝑉𝑢𝑙,2 > 𝑉𝑢𝑙,1 , "
                + "𝑉𝑢𝑙,2 >𝑉𝑢ℎ,1 ), i ∈ ZM where ZM = {1,…, M}, we can only release the arms of C1 after D2.";

        // Since [F] is greater than the release voltages of [F] where [F], we can only release the arms of [C1] after [D2]
        assertThat(Formulas.countWords(condition)).isEqualTo(1 + 1 + 7 + 1 + 1 + 1 + 7 + 1 + 1 + 1);
        assertThat(Words.countWords(condition)).isEqualTo(38); // each subscript and index a word
    }

    @Test
    void proseWithCapitalsShortWordsAndNumbersCountsAsBefore() {
        String licence = "IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR ANY DAMAGES - A BBC report, versions 0.9.0 and 1.0.2, "
                + "a VC++ build and MP3 files; I said so.";

        // a version or a decimal is one word to a reader ("0.9.0"), three to the plain word pattern
        assertThat(Formulas.countWords(licence)).isEqualTo(27);
        assertThat(Words.countWords(licence)).isEqualTo(31);
    }

    @Test
    void anEmojisShortcodeIsNoWord() {
        // the Pydantic V2 plan: 40 words and an emoji; a time and a label with colons are still words
        String plan = "Delete all stale PRs which didn't make it into V1.10, apologise profusely to their authors who put "
                + "their valuable time into pydantic only to have their PRs closed :pray: (and explain when and how "
                + "they can rebase and recreate the PR)";
        assertThat(Formulas.countWords(plan)).isEqualTo(40);
        assertThat(Formulas.countWords("We (mostly Sebastián :wink:) meet at 14:30. Note: fine."))
                .isEqualTo(Formulas.countWords("We (mostly Sebastián) meet at 14:30. Note: fine."));
    }

    @Test
    void aNumberWithItsPointsIsOneWord() {
        // PEP 602: 39 words as an editor counts them, 42 when "3.9", "3.20" and "3.23" were two words each
        String sentence = "Adopting an annual release calendar allows for natural switching to calendar versioning, for "
                + "example by calling Python 3.9 \"Python 3.20\" since it's released in October '20 and so on "
                + "(\"Python 3.23\" would be the one released in October '23).";

        assertThat(Formulas.countWords(sentence)).isEqualTo(39);
        assertThat(Formulas.countWords("It costs 1,000 dollars, or 2.5 times more.")).isEqualTo(8);
    }

    @Test
    void aDottedNameIsOneWord() {
        // Rust RFC 1824's summary: 40 words as an editor counts them, 41 when "Crates.io" was two
        String sentence = "Crates.io has many useful libraries for a variety of purposes, but it's difficult to find "
                + "which crates are meant for a particular purpose and then to decide among the available crates "
                + "which one is most suitable in a particular context.";

        assertThat(Formulas.countWords(sentence)).isEqualTo(40);
        assertThat(Formulas.countWords("Node.js and Python, e.g. for scripts.")).isEqualTo(6);
        assertThat(Formulas.countWords("...Node.js runs")).isEqualTo(2);
    }

    @Test
    void wordsJoinedByASlashCountAsOneAsAWordProcessorCountsThem() {
        // OpenSSL's README-ENGINES: 40 words as an editor counts them, 41 if "user/admin" were two
        String sentence = "These allow an application to expose to the user/admin the set of commands and parameter "
                + "types a given ENGINE implementation supports, and for an application to directly feed string based "
                + "input to those ENGINEs, in the form of name-value pairs.";

        assertThat(Formulas.countWords(sentence)).isEqualTo(40);
        assertThat(Formulas.countWords("read and/or write, TCP/IP or a / alone")).isEqualTo(7);
    }

    @Test
    void aSignWithoutLettersNeverStartsAFormula() {
        // "&" and a dash have no letter or digit; between capitals and short words they are prose, not maths
        String prose = "AT & T and R & D agreed. THE AUTHOR IS NOT LIABLE - IN NO EVENT SHALL ANY DAMAGES ARISE.";

        assertThat(Formulas.countWords(prose)).isEqualTo(Words.countWords(prose));
    }

    @Test
    void aSignLinksMathsOnBothSidesOnly() {
        // "…" between two indexed variables is inside the formula; a dash after it, before prose, ends it
        assertThat(Formulas.countWords("the arms C1 , … , C9 - then release them")).isEqualTo(1 + 1 + 1 + 3);
    }

    @Test
    void aLongRunOfVariablesGrowsFromEitherEnd() {
        // growth is one pass each way: a run of bare variables is one formula whichever end touches maths
        String left = "x = " + "Q ".repeat(5000) + "end";
        String right = "begin " + "Q ".repeat(5000) + "= y";

        assertThat(Formulas.countWords(left)).isEqualTo(2);
        assertThat(Formulas.countWords(right)).isEqualTo(2);
    }

    @Test
    void aFootnotesMarkIsNoWordOfTheSentence() {
        // the kernel's management-style essay (reStructuredText): 39 words, one of them censored, and a mark pointing
        // to a note
        String sentence = "The problem with #1 is that it's very easy to do, since you can say \"you're a d*ckhead\" in "
                + "millions of different ways [#f2]_, sometimes without even realizing it, and almost always with a "
                + "white-hot conviction that you are right.";
        assertThat(Formulas.countWords(sentence)).isEqualTo(39);
        assertThat(Formulas.countWords("As noted [1]_ and [^2] and ^[3], the [sic] stays")).isEqualTo(7);
        // a Rust blog post: a mark right after a word is no word of its own either
        assertThat(Formulas.countWords("with a bunch of Rust fanatics.[^shocking]")).isEqualTo(6);
    }
}
