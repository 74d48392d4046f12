package dev.docannotator.analysis.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of writing a document is, as far as style advice goes. In a licence, contract or regulation the passive
 * voice, long sentences and hedges are the genre's own conventions ("shall be deemed", "to the extent permitted"), so
 * the style checks say less there. A manual page describes what a program does: its "will" and 将/会 are the program's
 * behaviour, not a promise, and its passives ("is ignored", "are printed") are its register.
 */
public enum Genre {
    /** A licence, contract or regulation, recognised by its vocabulary. */
    LEGAL,
    /** A manual page, recognised by the section headings man-pages(7) prescribes (NAME, SYNOPSIS …; 名称, 概述 …). */
    MANUAL,
    /** Anything else: a README, a report, a proposal. */
    GENERAL;

    /**
     * The section headings of a manual page, each on a line of its own: man-pages(7)'s NAME, SYNOPSIS, DESCRIPTION,
     * OPTIONS, and the zh_CN translations' 名称, 概述 / 大纲 / 总览, 描述, 选项.
     */
    private static final Pattern MANUAL_NAME = Pattern.compile("(?m)^[ \t]*(?:NAME|名称|名字)[ \t]*$");
    private static final Pattern MANUAL_SECTION = Pattern.compile(
            "(?m)^[ \t]*(?:SYNOPSIS|DESCRIPTION|OPTIONS|概述|大纲|总览|描述|说明|选项)[ \t]*$");

    private static final Pattern LEGAL_MARKERS = Pattern.compile(
            "(?i)\\b(?:shall|hereby|herein|hereof|hereunder|thereof|therein|thereunder|whereas|pursuant|notwithstanding"
                    + "|licensee|licensor|licen[cs]e[ds]?|warrant(?:y|ies)|liabilit(?:y|ies)|indemnif\\w*|jurisdiction"
                    + "|statute|statutory|regulations?|section\\s+\\d+|§)\\b|§"
                    + "|本(?:法|条例|规定|协议|合同|许可)|第[一二三四五六七八九十百零\\d]+条|应当|甲方|乙方|违约");
    /** Legal markers per thousand words from which a text reads as legal: GPL-3 has ~30, a README under 3. */
    private static final double LEGAL_PER_THOUSAND = 12;

    /** Judges the whole text of a document (legal vocabulary needs 50 words to be judged). */
    public static Genre of(String text) {
        int words = Words.countWords(text) + Scripts.hanCount(text) / 2;
        if (words >= 50 && countMarkers(text) * 1000.0 / words >= LEGAL_PER_THOUSAND) {
            return LEGAL;
        }
        return isManual(text) ? MANUAL : GENERAL;
    }

    /** NAME and one more of the standard sections, each a line of its own, in the first part of the text. */
    private static boolean isManual(String text) {
        String head = text.substring(0, Math.min(text.length(), 4000));
        Matcher name = MANUAL_NAME.matcher(head);
        return name.find() && MANUAL_SECTION.matcher(head).region(name.end(), head.length()).find();
    }

    /**
     * How many legal markers {@code text} holds: what counting {@code LEGAL_MARKERS.find()} gives, but the pattern is
     * tried only where a marker can start (a word start, § or the first character of a Chinese marker) instead of at
     * every character, which took ~0.3 µs a character in every ranked check.
     */
    static int countMarkers(String text) {
        Matcher m = LEGAL_MARKERS.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int markers = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (!canStart(text, i)) {
                continue;
            }
            m.region(i, n);
            if (m.lookingAt()) {
                markers++;
                i = m.end() - 1;
            }
        }
        return markers;
    }

    /** Counted with find(), for the test that compares it with {@link #countMarkers}. */
    static int countMarkersByFind(String text) {
        Matcher m = LEGAL_MARKERS.matcher(text);
        int markers = 0;
        while (m.find()) {
            markers++;
        }
        return markers;
    }

    private static boolean canStart(String text, int i) {
        char c = text.charAt(i);
        if (c == '§' || "本第应甲乙违".indexOf(c) >= 0) {
            return true;
        }
        return c < 128 && Character.isLetter(c) && (i == 0 || !isWordChar(text.charAt(i - 1)));
    }

    /** A word character as {@code \\b} sees it. */
    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
