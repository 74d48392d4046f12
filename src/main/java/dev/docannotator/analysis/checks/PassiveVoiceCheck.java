package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Check;
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
 */
public final class PassiveVoiceCheck implements BlockCheck {
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

    @Override
    public Check check() {
        return Check.PASSIVE_VOICE;
    }

    @Override
    public void inspect(TextBlock block, String text, Findings out) {
        StartScan forms = new StartScan(ENGLISH, text, StartScan.wordStart(c -> "aiwbAIWB".indexOf(c) >= 0));
        Matcher m = forms.matcher();
        while (forms.find()) {
            String word = m.group(1).toLowerCase(Locale.ROOT);
            if (isParticiple(word)) {
                out.add(block, m.start(), m.end(), Check.PASSIVE_VOICE, Severity.INFO,
                        out.message("passive_voice.en"), null,
                        "passive_voice/en");
            }
        }
        StartScan gets = new StartScan(GET, text, StartScan.wordStart(c -> c == 'g' || c == 'G'));
        Matcher get = gets.matcher();
        while (gets.find()) {
            String word = get.group(1).toLowerCase(Locale.ROOT);
            if (isParticiple(word) && !GET_IDIOMS.contains(word)) {
                out.add(block, get.start(), get.end(), Check.PASSIVE_VOICE, Severity.INFO,
                        out.message("passive_voice.got"), null,
                        "passive_voice/got");
            }
        }
        Matcher zh = CHINESE.matcher(text);
        while (zh.find()) {
            int end = clauseEnd(text, zh.end());
            if (end > zh.end()) {
                out.add(block, zh.start(), end, Check.PASSIVE_VOICE, Severity.INFO,
                        zh.group().equals("被") ? out.message("passive_voice.zh")
                                : out.message("passive_voice.zh_marker", zh.group()), null, "passive_voice/zh");
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
