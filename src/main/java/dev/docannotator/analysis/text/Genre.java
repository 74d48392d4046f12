package dev.docannotator.analysis.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of writing a document is, as far as style advice goes. In a licence, contract or regulation the passive
 * voice, long sentences and hedges are the genre's own conventions ("shall be deemed", "to the extent permitted"), so
 * the style checks say less there. A manual page describes what a program does: its "will" and 将/会 are the program's
 * behaviour, not a promise, and its passives ("is ignored", "are printed") are its register. Technical documentation
 * (a README, an install guide, a FAQ about a program) is the same register in prose: it explains what software does
 * and how to use it, and makes no promise a reader will hold its author to.
 */
public enum Genre {
    /** A licence, contract or regulation, recognised by its vocabulary. */
    LEGAL,
    /** A manual page, recognised by the section headings man-pages(7) prescribes (NAME, SYNOPSIS …; 名称, 概述 …). */
    MANUAL,
    /**
     * Documentation of software that is not a manual page: a README, an install guide, a FAQ. Recognised by the
     * vocabulary of software (install, compile, command, option, file, directory, library …; 安装, 编译, 命令, 选项 …),
     * command-line options and paths, and by not being a plan (a proposal about software says "we will", "budget").
     */
    TECHNICAL,
    /** Anything else: a report, a proposal, a plan, a letter. */
    GENERAL;

    /** Whether the document documents software (a manual page, a README): its reader is technical. */
    public boolean isDocumentation() {
        return this == MANUAL || this == TECHNICAL;
    }

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
    /**
     * A licence's title as the document's first line: "GNU GENERAL PUBLIC LICENSE", "Mozilla Public License Version
     * 2.0", The "Artistic License", 木兰宽松许可证: a few words ending in licence (a version after it), nothing else. A
     * licence written in plain words (the Artistic License has ~9 legal markers per thousand) says what it is there.
     */
    private static final Pattern LICENCE_TITLE = Pattern.compile(
            "(?i)(?:[\\p{L}\\p{N}.+-]+[ \\t]+){0,6}licen[cs]e(?:,?[ \\t]+version[ \\t]+[\\d.]+)?|\\S{0,20}(?:许可证|许可协议)");
    /** The legal markers per thousand words a text with a licence's title needs as well: half the usual density. */
    private static final double LEGAL_PER_THOUSAND_TITLED = LEGAL_PER_THOUSAND / 2;

    /**
     * A plan's own voice: the author commits to work, money or dates ("we will", "we propose", "budget", 我们计划,
     * 预算), or states requirements (a specification: "Requirement 10: the limit is approximately 25 MB", 需求). A
     * proposal or specification about software is a plan, not its documentation.
     */
    private static final Pattern PLAN_MARKERS = Pattern.compile(
            "(?i)\\b(?:we\\s*(?:will|['’]ll|plan|propose|expect|intend|aim)|proposals?|milestones?|deliverables?"
                    + "|budgets?|deadlines?|schedule[ds]?|requirements?)\\b|我们(?:将|会|计划|预计|打算)|计划|预算|方案|里程碑|截止|需求");
    /**
     * {@link SoftwareVocabulary} marks per thousand words from which prose documents software: READMEs have 40–120,
     * proposals under 5.
     */
    private static final double SOFTWARE_PER_THOUSAND = 20;
    /** Plan markers per thousand from which a text is a plan: proposals have over 10, READMEs under 1. */
    private static final double PLAN_PER_THOUSAND = 3;

    /** Judges the whole text of a document (legal vocabulary needs 50 words to be judged). */
    public static Genre of(String text) {
        int words = Words.countWords(text) + Scripts.hanCount(text) / 2;
        double legal = words >= 50 ? countMarkers(text) * 1000.0 / words : 0;
        if (legal >= LEGAL_PER_THOUSAND || legal >= LEGAL_PER_THOUSAND_TITLED && hasLicenceTitle(text)) {
            return LEGAL;
        }
        if (isManual(text)) {
            return MANUAL;
        }
        return words >= 50 && isTechnical(text, words) ? TECHNICAL : GENERAL;
    }

    /** Dense in the words of software (five at least, so that a short note is not judged by two) and not a plan. */
    private static boolean isTechnical(String text, int words) {
        int software = SoftwareVocabulary.count(text);
        return software >= 5 && software * 1000.0 / words >= SOFTWARE_PER_THOUSAND
                && count(PLAN_MARKERS, text, PLAN_START) * 1000.0 / words < PLAN_PER_THOUSAND;
    }

    /** Where a plan marker can start: a word or the first character of a Chinese marker. */
    private static final StartScan.StartTest PLAN_START = anyOf(
            StartScan.wordStart(StartScan::isAsciiLetter), StartScan.oneOf("我计预方里截需"));

    private static StartScan.StartTest anyOf(StartScan.StartTest a, StartScan.StartTest b) {
        return (text, i) -> a.test(text, i) || b.test(text, i);
    }

    /** Matches of {@code pattern}, tried only where {@code canStart} (a whole-text find() costs ~0.3 µs a character). */
    private static int count(Pattern pattern, String text, StartScan.StartTest canStart) {
        StartScan scan = new StartScan(pattern, text, canStart);
        int n = 0;
        while (scan.find()) {
            n++;
        }
        return n;
    }

    /**
     * Whether the first line with words, its quotation marks, a Markdown heading's marks and surrounding spaces left
     * out, is a licence's title.
     */
    static boolean hasLicenceTitle(String text) {
        for (String line : text.lines().limit(20).toList()) {
            String title = line.replaceAll("[\"“”'‘’«»「」《》]", "").replaceFirst("^\\s*#+", "").strip();
            if (title.codePoints().anyMatch(Character::isLetter)) { // not a rule of "=====" above the title
                return LICENCE_TITLE.matcher(title).matches();
            }
        }
        return false;
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
