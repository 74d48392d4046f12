package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.CheckSettings;
import dev.docannotator.analysis.text.Formulas;
import dev.docannotator.analysis.text.ProseMask;
import dev.docannotator.analysis.text.Scripts;
import dev.docannotator.analysis.text.Sentences;
import dev.docannotator.analysis.text.Span;
import dev.docannotator.document.TextBlock;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags sentences that are hard to read: English over 40 words (an inline formula counts as one, {@link Formulas}, and
 * so does a hidden option, path or code span; a sentence mostly of hidden spans is a synopsis, not prose), Chinese over
 * 80 characters, or the limits the
 * requirement set ("longer than 25 words", 超过50字).
 */
public final class LongSentenceCheck implements BlockCheck {
    /** An item that opens with a name and a version ("Version 1.7 ratified …", "and Debian 2.2 released …"). */
    private static final Pattern VERSION_ITEM = Pattern.compile("^\\s*(?:and\\s+|or\\s+)?(\\p{Lu}\\p{L}+)\\s+\\d");
    /** Commas, and the "and" before a list's last item. */
    private static final Pattern LIST_SEPARATOR = Pattern.compile(",|\\band\\b");
    /**
     * A person's name as a list item: up to five words, each capitalised, an initial ("Terry J. Reedy") or a
     * particle of a surname ("Martin von Löwis"), the list's final full stop allowed.
     */
    private static final Pattern PERSON_NAME = Pattern.compile(
            "\\s*(?:(?:\\p{Lu}[\\p{L}'’-]*\\.?|von|van|de|der|da|du|di|le|la)\\s+){0,4}\\p{Lu}[\\p{L}'’-]*\\.?\\s*");
    private final int maxEnglishWords;
    private final int maxChineseChars;

    public LongSentenceCheck() {
        this(CheckSettings.DEFAULT_MAX_WORDS, CheckSettings.DEFAULT_MAX_CHINESE_CHARS);
    }

    public LongSentenceCheck(int maxEnglishWords, int maxChineseChars) {
        this.maxEnglishWords = maxEnglishWords;
        this.maxChineseChars = maxChineseChars;
    }

    @Override
    public Check check() {
        return Check.LONG_SENTENCE;
    }

    @Override
    public void inspect(TextBlock block, String text, Findings out) {
        for (Span sentence : Sentences.split(text)) {
            String s = sentence.of(text);
            if (Scripts.mainlyChinese(s)) {
                int chars = chineseLength(s);
                if (chars > maxChineseChars) {
                    out.add(block, sentence.start(), sentence.end(), Check.LONG_SENTENCE, Severity.INFO,
                            out.message("long_sentence.zh", chars, maxChineseChars), null, "long_sentence/zh");
                }
            } else {
                int words = Formulas.countWords(s);
                if (words > maxEnglishWords && !isMostlyHidden(s, words) && !isRunInListOfVersions(s)
                        && !isListOfNamesAfterColon(s, maxEnglishWords)) {
                    out.add(block, sentence.start(), sentence.end(), Check.LONG_SENTENCE, Severity.INFO,
                            out.message("long_sentence.en", words, maxEnglishWords), null, "long_sentence/en");
                }
            }
        }
    }

    /**
     * A run of hidden spans more than half the sentence's words: a synopsis ({@code ssh [-46Aa…] [-B bind_interface]
     * [-b bind_address] …}) or a list of options, not running prose, though each hidden span counts as a word.
     */
    private static boolean isMostlyHidden(String sentence, int words) {
        return ProseMask.hiddenRuns(sentence) * 2 > words;
    }

    /**
     * A list of versions or releases run in as one "sentence": four or more of its comma-separated items open with the
     * same name and a number, and they are most of its items ("Supersedes Version 1.8 ratified on January 28th, 2022,
     * Version 1.7 ratified on August 14th, 2016, …, and Version 1.0 ratified on December 2nd, 1998"). A reader scans
     * it as a list, not as prose.
     */
    static boolean isRunInListOfVersions(String sentence) {
        Map<String, Integer> openers = new HashMap<>();
        int items = 0;
        for (String item : sentence.split(",")) {
            Matcher m = VERSION_ITEM.matcher(item);
            if (m.find()) {
                openers.merge(m.group(1), 1, Integer::sum);
            }
            if (item.chars().anyMatch(Character::isLetter)) {
                items++;
            }
        }
        int most = openers.values().stream().max(Integer::compare).orElse(0);
        return most >= 4 && most * 2 > items;
    }

    /**
     * Thanks or credits: a short lead-in, a colon, then a list of five or more people's names, most of what follows
     * ("Thanks to the following people who have noted errors …: Éric Araujo, Nicholas Bastin, Nick Coghlan, …").
     * A reader scans the names as a list; the lead-in alone is within the limit.
     */
    static boolean isListOfNamesAfterColon(String sentence, int maxWords) {
        int colon = sentence.lastIndexOf(':');
        if (colon < 0 || Formulas.countWords(sentence.substring(0, colon)) > maxWords) {
            return false;
        }
        String[] items = LIST_SEPARATOR.split(sentence.substring(colon + 1));
        int names = 0;
        int nonEmpty = 0;
        for (String item : items) {
            if (item.isBlank()) {
                continue;
            }
            nonEmpty++;
            if (PERSON_NAME.matcher(item).matches()) {
                names++;
            }
        }
        return names >= 5 && names * 5 >= nonEmpty * 4;
    }

    /**
     * The reading length of a Chinese sentence: one per Chinese character, and one per word, number or hidden span
     * (an e-mail address, a path, an option) written in another script inside it. Counted by letters, the English
     * glosses and names of a technical text ("小节名称通常包括 NAME, 概述(SYNOPSIS), 配置(CONFIGURATION)…") and the
     * e-mail addresses of a history entry made short sentences "long".
     */
    static int chineseLength(String s) {
        int length = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean wordChar = Character.isLetterOrDigit(cp) && !Scripts.isHan(cp) || cp == ProseMask.MASK
                    || inWord && (cp == '\'' || cp == '-' || cp == '.' || cp == '_') && i < s.length()
                    && Character.isLetterOrDigit(s.codePointAt(i));
            if (wordChar) {
                length += inWord ? 0 : 1;
                inWord = true;
                continue;
            }
            inWord = false;
            if (!Character.isWhitespace(cp) && !isPunctuation(cp)) {
                length++;
            }
        }
        return length;
    }

    private static boolean isPunctuation(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }
}
