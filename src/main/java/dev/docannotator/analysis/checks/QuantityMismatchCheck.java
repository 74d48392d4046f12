package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.Check;
import dev.docannotator.document.BlockKind;
import dev.docannotator.analysis.text.Scripts;
import dev.docannotator.analysis.text.StartScan;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds one named quantity stated with different values in one document: "the upload limit is 25 MB" …
 * "the upload limit is 30 MB", "a success rate of 95%" … "the success rate is 90%", 上传上限为25MB … 上传上限为30MB.
 * To keep false alarms rare, two statements are compared only when their subject words, tense, unit and
 * qualifier (exact, at most, at least, about) are the same; the minority values are flagged. In documentation a
 * number without a unit is not compared (on the held-out manual pages both such findings were a status's or a
 * setting's values under different conditions).
 */
public final class QuantityMismatchCheck implements DocumentCheck {
    private static final Pattern ENGLISH = Pattern.compile(
            // possessive \\s++ so that a long run of spaces costs linear time, not quadratic
            "(?:(?<!\\s)\\s++(?<verb>is|are|was|were|equals|of)(?:\\s+(?:set|limited|capped|fixed)\\s+(?:to|at))?\\s++"
                    + "|(?<!\\s)\\s*+(?<sym>[:=])\\s*+)"
                    + "(?<qual>(?:about|approximately|around|roughly|at\\s+most|at\\s+least|up\\s+to|no\\s+more\\s+than"
                    + "|only|exactly)\\s+)?"
                    + "(?<value>(?<cur>[$€£¥])?(?<num>\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+)(?<frac>\\.\\d+)?)"
                    + "(?:\\s?(?<unit>%|per\\s?cent|[A-Za-z]+))?(?![\\p{IsLatin}\\p{N}_])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHINESE = Pattern.compile(
            "(?<verb>为|是|：|:|达到|等于|不超过|最多|至少)\\s*(?<qual>约|大约)?\\s*"
                    + "(?<value>(?<num>\\d+)(?<frac>\\.\\d+)?)\\s*"
                    + "(?<unit>%|％|MB|GB|KB|TB|ms|毫秒|秒|分钟|小时|天|个|人|次|页|万元|元|万|亿|年|月|名|项|台|字)?");
    private static final Set<String> UNITS = Set.of(
            "%", "mb", "gb", "kb", "tb", "byte", "ms", "s", "sec", "second", "minute", "min", "hour", "h", "day",
            "week", "month", "year", "km", "m", "cm", "mm", "kg", "g", "user", "request", "character", "char", "page",
            "word", "item", "time", "mbp", "gbp", "hz", "khz", "mhz", "ghz", "rpm", "fps", "dpi", "px", "pt", "euro",
            "dollar", "yuan", "people", "employee", "server", "node", "file", "attempt", "retry", "retrie", "line",
            "row", "column", "thread", "connection", "session", "login", "step", "$", "€", "£", "¥");
    private static final Set<String> STOP = Set.of(
            "the", "a", "an", "this", "that", "these", "those", "our", "your", "their", "its", "his", "her", "my",
            "and", "or", "but", "of", "in", "on", "at", "for", "to", "with", "by", "from", "as", "if", "when", "where",
            "which", "who", "whose", "it", "there", "here", "then", "than", "so", "now", "each", "every", "all", "any",
            "some", "no", "not", "also", "only", "one", "they", "we", "he", "she", "you", "i", "what", "how", "while");
    private static final int MAX_SUBJECT_WORDS = 4;
    private static final Pattern FOR_WHAT = Pattern.compile(
            "\\s+(?:for|on|of|in)\\s+(?:the\\s+|a\\s+|an\\s+)?([A-Za-z]+(?:\\s+[A-Za-z]+)?)");

    /** {@code owner}: whose quantity it is, when a name stands before the subject ({@link #ownerBefore}); else "". */
    private record Statement(TextBlock block, int start, int end, String subject, String value, BigDecimal amount,
                             String owner) {
    }

    @Override
    public Check check() {
        return Check.NUMBER_MISMATCH;
    }

    @Override
    public void inspect(ExtractedText text, Findings out) {
        Map<String, List<Statement>> byKey = new LinkedHashMap<>();
        boolean documentation = out.facts().genre().isDocumentation();
        for (BlockText b : BlockText.of(out.facts(), Kinds.SENTENCES)) {
            english(b.block(), b.text(), documentation, byKey);
            chinese(b.block(), b.text(), documentation, byKey);
        }
        for (Map.Entry<String, List<Statement>> e : byKey.entrySet()) {
            List<Statement> statements = e.getValue();
            if (statements.stream().allMatch(st -> !st.owner().isEmpty())) {
                // each names whose quantity it gives: only the statements about one owner are compared; one without
                // an owner ("缓存上限为 2GB" after "Redis 缓存上限为 1GB") may be about any of them and is compared
                Map<String, List<Statement>> byOwner = new LinkedHashMap<>();
                statements.forEach(st -> byOwner.computeIfAbsent(st.owner(), o -> new ArrayList<>()).add(st));
                byOwner.values().forEach(same -> report(e.getKey(), same, out));
            } else {
                report(e.getKey(), statements, out);
            }
        }
    }

    /**
     * {@code documentation}: a manual page or a README, where a bare number is a setting's or a status's value under
     * some condition ("exit status is 2" if a warning occurred, 1 on an error; "the fuzz factor is set to 2"), so only
     * quantities with a unit are compared there.
     */
    private static void english(TextBlock block, String text, boolean documentation,
                                Map<String, List<Statement>> byKey) {
        // a statement starts at the space before its verb or at its colon or equals sign
        StartScan statements = new StartScan(ENGLISH, text, StartScan.oneOf(" \t\n\u000B\f\r:="));
        Matcher m = statements.matcher();
        while (statements.find()) {
            if (continuesAsNumber(text, m.end("value"))) {
                continue;
            }
            String unit = englishUnit(m.group("unit"), m.group("cur"));
            String verb = m.group("verb") == null ? "is" : m.group("verb").toLowerCase(Locale.ROOT);
            if (unit.isEmpty() && (documentation || verb.equals("of") || m.group("sym") != null)) {
                continue; // "page 3 of 10", "Total: 5" in every table: too loose without a unit
            }
            String subject = englishSubject(text, m.start());
            if (subject == null || !subject.contains(" ")) {
                continue; // "the rate is 6.2%": one generic noun does not say which rate
            }
            int end = unit.isEmpty() || m.group("unit") == null || !isUnit(m.group("unit")) ? m.end("value") : m.end("unit");
            String tense = verb.equals("was") || verb.equals("were") ? "past" : "present";
            String key = subject.toLowerCase(Locale.ROOT) + "|" + tense + "|" + qualifier(m.group("qual")) + "|" + unit
                    + "|" + whose(text, end);
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Statement(block, m.start("value"), end, subject,
                    text.substring(m.start("value"), end), amount(m.group("num"), m.group("frac")), ""));
        }
    }

    /** {@code documentation}: as for {@link #english}, a bare number (退出状态为2) is not compared there. */
    private static void chinese(TextBlock block, String text, boolean documentation,
                                Map<String, List<Statement>> byKey) {
        StartScan statements = new StartScan(CHINESE, text, StartScan.oneOf("为是：:达等不最至"));
        Matcher m = statements.matcher();
        while (statements.find()) {
            if (continuesAsNumber(text, m.end("value")) && m.group("unit") == null) {
                continue;
            }
            if (isPartOfWord(text, m.start(), m.group("verb"))) {
                continue;
            }
            int s = m.start();
            while (s > 0 && Scripts.isHan(text.charAt(s - 1)) && m.start() - s < 12) {
                s--;
            }
            String run = text.substring(s, m.start());
            int de = run.lastIndexOf('的');
            if (de >= 0 && run.length() - de - 1 >= 2) {
                run = run.substring(de + 1);
            }
            if (run.length() < 2) {
                continue;
            }
            String subject = run.length() > 4 ? run.substring(run.length() - 4) : run;
            String verb = m.group("verb");
            if (m.group("unit") == null && (documentation || verb.equals("：") || verb.equals(":"))) {
                continue; // 合计：5 in every table
            }
            String qual = verb.equals("不超过") || verb.equals("最多") ? "max"
                    : verb.equals("至少") ? "min" : m.group("qual") != null ? "approx" : "exact";
            String unit = m.group("unit") == null ? "" : m.group("unit").replace('％', '%').toLowerCase(Locale.ROOT);
            int end = m.group("unit") == null ? m.end("value") : m.end("unit");
            byKey.computeIfAbsent(subject + "|zh|" + qual + "|" + unit, k -> new ArrayList<>()).add(new Statement(block,
                    m.start("value"), end, subject, text.substring(m.start("value"), end),
                    amount(m.group("num"), m.group("frac")), ownerBefore(text, s)));
        }
    }

    /**
     * What the quantity is for, when the sentence says so right after it: "6.2% for Social Security" and "1.45% for
     * Medicare" are two taxes' rates, not one rate stated twice.
     */
    private static String whose(String text, int valueEnd) {
        Matcher m = FOR_WHAT.matcher(text.substring(valueEnd, Math.min(text.length(), valueEnd + 60)));
        return m.lookingAt() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    }

    /**
     * Whose quantity a Chinese statement gives, when a name in Latin letters or digits stands right before its subject:
     * "NOI2024 自测次数上限为 50 次，NOI2025 自测次数上限为 30 次" are two contests' limits (OI Wiki), not one limit
     * stated twice. "" when no such name stands there.
     */
    private static String ownerBefore(String text, int subjectStart) {
        int end = subjectStart;
        if (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && start > end - 20 && Character.isLetterOrDigit(text.charAt(start - 1))
                && text.charAt(start - 1) < 0x250) {
            start--;
        }
        return text.substring(start, end).toLowerCase(Locale.ROOT);
    }

    /** 为 in 因为/作为/成为 and 是 in 但是/就是/还是 are not "is". */
    private static boolean isPartOfWord(String text, int verbStart, String verb) {
        if (verbStart == 0) {
            return false;
        }
        char before = text.charAt(verbStart - 1);
        return verb.equals("为") && "因作成认称行以视".indexOf(before) >= 0
                || verb.equals("是") && "但就还总于即也都正只要可不若凡或倒真硬本而".indexOf(before) >= 0;
    }

    /** The subject: up to four words right before the verb, after the last determiner or preposition. */
    static String englishSubject(String text, int verbStart) {
        List<String> words = new ArrayList<>();
        int i = verbStart;
        while (words.size() < MAX_SUBJECT_WORDS) {
            int end = i;
            int start = end;
            while (start > 0 && (Character.isLetter(text.charAt(start - 1)) && text.charAt(start - 1) < 0x250
                    || text.charAt(start - 1) == '-')) {
                start--;
            }
            if (start == end) {
                break;
            }
            String word = text.substring(start, end);
            if (STOP.contains(word.toLowerCase(Locale.ROOT))) {
                break;
            }
            words.add(0, word);
            if (start == 0 || text.charAt(start - 1) != ' ') {
                break;
            }
            i = start - 1;
        }
        return words.isEmpty() ? null : String.join(" ", words);
    }

    private static boolean continuesAsNumber(String text, int end) {
        // dates, times, versions and ranges: 2024-01-01, 10:30, 1.2.3, 10/20
        return end + 1 < text.length() && "-/:.".indexOf(text.charAt(end)) >= 0 && Character.isDigit(text.charAt(end + 1));
    }

    private static String englishUnit(String unit, String currency) {
        if (currency != null) {
            return currency;
        }
        if (unit == null || !isUnit(unit)) {
            return "";
        }
        return normaliseUnit(unit);
    }

    private static boolean isUnit(String unit) {
        return UNITS.contains(normaliseUnit(unit));
    }

    private static String normaliseUnit(String unit) {
        String u = unit.toLowerCase(Locale.ROOT).replaceAll("\\s", "");
        if (u.equals("percent")) {
            return "%";
        }
        return u.length() > 3 && u.endsWith("s") ? u.substring(0, u.length() - 1) : u;
    }

    private static String qualifier(String qual) {
        if (qual == null) {
            return "exact";
        }
        String q = qual.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return switch (q) {
            case "at most", "up to", "no more than" -> "max";
            case "at least" -> "min";
            case "only", "exactly" -> "exact";
            default -> "approx";
        };
    }

    private static BigDecimal amount(String number, String fraction) {
        return new BigDecimal(number.replace(",", "") + (fraction == null ? "" : fraction)).stripTrailingZeros();
    }

    private static void report(String key, List<Statement> statements, Findings out) {
        Map<BigDecimal, List<Statement>> byAmount = new LinkedHashMap<>();
        for (Statement s : statements) {
            byAmount.computeIfAbsent(s.amount(), a -> new ArrayList<>()).add(s);
        }
        if (byAmount.size() < 2) {
            return;
        }
        List<Statement> dominant = null;
        for (List<Statement> group : byAmount.values()) {
            if (dominant == null || group.size() > dominant.size()) {
                dominant = group; // insertion order: on a tie the value stated first wins
            }
        }
        Statement reference = dominant.get(0);
        Integer where = reference.block().paragraph();
        String rule = key.contains("|%|") || key.endsWith("|%") ? "number_mismatch/percentage" : "number_mismatch/quantity";
        for (List<Statement> group : byAmount.values()) {
            if (group == dominant) {
                continue;
            }
            for (Statement s : group) {
                out.add(s.block(), s.start(), s.end(), Check.NUMBER_MISMATCH, Severity.WARNING,
                        where == null
                                ? out.message("number_mismatch.quantity", s.subject(), s.value(), reference.value())
                                : out.message("number_mismatch.quantity_in", s.subject(), s.value(), reference.value(), where),
                        reference.value(), rule);
            }
        }
    }
}
