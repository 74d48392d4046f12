package dev.docannotator.analysis.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of writing a document is, as far as style advice goes. In a licence, contract or regulation the passive
 * voice, long sentences and hedges are the genre's own conventions ("shall be deemed", "to the extent permitted"), so
 * the style checks say less there.
 */
public enum Genre {
    LEGAL, GENERAL;

    private static final Pattern LEGAL_MARKERS = Pattern.compile(
            "(?i)\\b(?:shall|hereby|herein|hereof|hereunder|thereof|therein|thereunder|whereas|pursuant|notwithstanding"
                    + "|licensee|licensor|licen[cs]e[ds]?|warrant(?:y|ies)|liabilit(?:y|ies)|indemnif\\w*|jurisdiction"
                    + "|statute|statutory|regulations?|section\\s+\\d+|§)\\b|§"
                    + "|本(?:法|条例|规定|协议|合同|许可)|第[一二三四五六七八九十百零\\d]+条|应当|甲方|乙方|违约");
    /** Legal markers per thousand words from which a text reads as legal: GPL-3 has ~30, a README under 3. */
    private static final double LEGAL_PER_THOUSAND = 12;

    /** Judges the whole text of a document. */
    public static Genre of(String text) {
        int words = Words.countWords(text) + Scripts.hanCount(text) / 2;
        if (words < 50) {
            return GENERAL;
        }
        Matcher m = LEGAL_MARKERS.matcher(text);
        int markers = 0;
        while (m.find()) {
            markers++;
        }
        return markers * 1000.0 / words >= LEGAL_PER_THOUSAND ? LEGAL : GENERAL;
    }
}
