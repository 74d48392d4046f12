package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.text.Genre;
import dev.docannotator.analysis.text.Span;
import java.util.regex.Pattern;

/**
 * Whether a sentence commits someone to something a reader will hold them to: a promise or plan, an estimate, an
 * obligation, an instruction or a limit. There a hedge, an approximate figure or an unstated condition leaves the
 * reader unable to check what was promised or allowed ("we expect to cut load times approximately in half", "the
 * description must be sufficiently detailed", "the limit is approximately 25 MB"); in a sentence that describes what
 * is or what a program does ("is quite different from", "completions for a number of commands") it does not.
 */
final class Commitments {
    /** Limits, a kind of firm commitment: a bound the reader must keep to. */
    private static final String LIMIT_WORDS =
            "limits?|limited|maximum|minimum|quotas?|thresholds?|at\\s+(?:most|least)|no\\s+(?:more|less)\\s+than";
    private static final String LIMIT_CHINESE = "上限|下限|不超过|不少于|最多|至少|限额|阈值";
    /**
     * Firm commitments, in any kind of document: obligations, estimates, limits and the author's own promises ("we
     * will", 我们将). What someone will be held to.
     */
    private static final String FIRM_WORDS =
            "must|shall|required|expects?|expected|expecting|estimates?|estimated|planned"
                    + "|planning|forecasts?|anticipated?|anticipates|aims?|targets?|intends?|intended|projected"
                    + "|going\\s+to|deadlines?|budgets?|" + LIMIT_WORDS
                    // a payment or a delivery that falls due: "is (approximately) due within 30 days", not "due to"
                    + "|(?:is|are|be|becomes?|falls?)\\s+(?:\\w+ly\\s+)?due\\b(?!\\s+to\\b)"
                    + "|due\\s+(?:by|on|within|before|date)"
                    // the author's own future and plans: "we will", "we'll", "we plan to"
                    + "|(?:we|i)\\s*(?:will|['’]ll)|(?:we|i)\\s+plan(?:s|ned)?"
                    // a future that measures or delivers: "will take", "will cost", "will be ready"
                    + "|(?:will|['’]ll)\\s+(?:\\w+ly\\s+)?(?:take|cost|need|require|last|reach|grow|increase|decrease"
                    + "|drop|rise|save|reduce|cut|double|halve|be\\s+(?:ready|done|finished|complete|delivered|released"
                    + "|available|launched))";
    private static final String FIRM_CHINESE = "必须|务必|应当|到期|预计|预期|估计|计划|打算|争取|力争|有望|目标|" + LIMIT_CHINESE
            + "|截止|期限|预算|我们?(?:将|会|要)|[将会](?:需要|花费|耗时|持续|达到|增加|减少|降低|缩短|节省|完成|发布|上线|交付)";
    /**
     * Advice and requests: "you should", "please", a plan as a noun ("no plans of vanishing"), 应该, 请. They commit
     * the reader more than the author, and whether they are firm depends on the ask (see {@link #firmAround}).
     */
    private static final String ADVICE_WORDS = "should|please|plans?";
    private static final String ADVICE_CHINESE = "应该|(?<![申邀])请(?!求)";
    /** Promises, plans, estimates, obligations, instructions and limits, in any kind of document. */
    private static final Pattern ALWAYS = Pattern.compile(
            "\\b(?:" + FIRM_WORDS + "|" + ADVICE_WORDS + ")\\b|" + FIRM_CHINESE + "|" + ADVICE_CHINESE,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FIRM = Pattern.compile(
            "\\b(?:" + FIRM_WORDS + ")\\b|" + FIRM_CHINESE, Pattern.CASE_INSENSITIVE);
    /**
     * A bare future ("the portal will be …", 新平台将…): a promise in a proposal or a report, but in a manual page or
     * a README it says what the program does ("tar will …", "configure will detect", 将被解释为), a description.
     */
    private static final Pattern FUTURE = Pattern.compile("\\b(?:will|['’]ll)\\b|[将会]", Pattern.CASE_INSENSITIVE);

    private Commitments() {
    }

    /** Whether the sentence of {@code text} around {@code [start, end)} commits someone, in a document of {@code genre}. */
    static boolean around(String text, int start, int end, Genre genre) {
        Span sentence = sentence(text, start, end);
        return ALWAYS.matcher(text).region(sentence.start(), sentence.end()).find()
                || !genre.isDocumentation() && FUTURE.matcher(text).region(sentence.start(), sentence.end()).find();
    }

    /**
     * Whether the sentence around {@code [start, end)} binds someone firmly: an obligation, an estimate, a limit or the
     * author's own promise, not advice ("you should have no plans of vanishing in the near future"), a request (请尽早关注)
     * or a bare future that reports ("more details will be announced soon").
     */
    static boolean firmAround(String text, int start, int end) {
        Span sentence = sentence(text, start, end);
        return FIRM.matcher(text).region(sentence.start(), sentence.end()).find();
    }

    /**
     * Whether the sentence around {@code [start, end)} states a limit ("the upload limit is approximately 25 MB", 上限约为):
     * a bound the reader must keep to, which an approximation leaves unknown, unlike an estimate ("within approximately
     * 1 business day").
     */
    static boolean limitAround(String text, int start, int end) {
        Span sentence = sentence(text, start, end);
        return LIMIT.matcher(text).region(sentence.start(), sentence.end()).find();
    }

    private static final Pattern LIMIT = Pattern.compile(
            "\\b(?:" + LIMIT_WORDS + ")\\b|" + LIMIT_CHINESE, Pattern.CASE_INSENSITIVE);

    private static Span sentence(String text, int start, int end) {
        int from = start;
        while (from > 0 && !endsSentence(text, from - 1)) {
            from--;
        }
        int to = end;
        while (to < text.length() && !endsSentence(text, to)) {
            to++;
        }
        return new Span(from, to);
    }

    /** A full stop, question or exclamation mark before a space (not the point of 1.5), or a Chinese one. */
    private static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        return "。！？；".indexOf(c) >= 0
                || ".!?;".indexOf(c) >= 0 && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
    }
}
