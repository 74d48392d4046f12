package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.text.Words;
import dev.docannotator.document.TextBlock;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags passive constructions. English: a form of "be" (optionally with one adverb between) followed by a past
 * participle, regular (-ed) or from a list of irregular ones. Chinese: the 被 construction, but not words such
 * as 被子 or 被告 that merely contain the character.
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
    private static final Pattern CHINESE = Pattern.compile("被(?![子告褥单面称动迫])");

    @Override
    public Check check() {
        return Check.PASSIVE_VOICE;
    }

    @Override
    public void inspect(TextBlock block, String text, Findings out) {
        Matcher m = ENGLISH.matcher(text);
        while (m.find()) {
            String word = m.group(1).toLowerCase(Locale.ROOT);
            if (isParticiple(word)) {
                out.add(block, m.start(), m.end(), Check.PASSIVE_VOICE, Severity.INFO,
                        out.message("passive_voice.en"), null,
                        "passive_voice/en");
            }
        }
        Matcher zh = CHINESE.matcher(text);
        while (zh.find()) {
            int end = zh.end();
            // The agent or verb follows within a clause; flag 被 plus what follows up to the next punctuation (max 8).
            int limit = Math.min(text.length(), end + 8);
            while (end < limit && Character.isLetter(text.charAt(end))) {
                end++;
            }
            if (end > zh.end()) {
                out.add(block, zh.start(), end, Check.PASSIVE_VOICE, Severity.INFO,
                        out.message("passive_voice.zh"), null,
                        "passive_voice/zh");
            }
        }
    }

    static boolean isParticiple(String word) {
        if (NOT_PARTICIPLES.contains(word)) {
            return false;
        }
        return IRREGULAR.contains(word) || word.length() > 4 && word.endsWith("ed");
    }
}
