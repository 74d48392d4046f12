package dev.docannotator.bench;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.pipeline.Engine;
import dev.docannotator.pipeline.Engines;
import dev.docannotator.pipeline.PipelineInput;
import dev.docannotator.pipeline.PipelineRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Findings quality: runs the real engine over the labelled corpus in {@code src/bench/resources/quality} and reports,
 * per category and language, findings per 1,000 words, precision against the judged labels, recall on the planted
 * problems, and whether a hard-wrapped copy of a text gives the same findings as the unwrapped one.
 */
final class QualityBenchmark {
    static final Path CORPUS = Path.of("src", "bench", "resources", "quality");
    /**
     * The broad requirement, in both languages: every check runs (grammar included), none of them named. A requirement
     * that names grammar or passives asks for all of them, which is a different ask ({@code GrammarScope},
     * {@code PassiveScope}).
     */
    private static final String EVERYTHING_EN = "Check everything";
    /** The numbered held-out sets' ordinals, heldout2 … heldout18: a new set adds its ordinal here. */
    private static final List<String> ORDINALS = List.of("second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
            "seventeenth", "eighteenth");
    private static final String EVERYTHING_ZH = "全部检查";

    private final Engine engine = Engines.createDefault(DocumentLimits.defaults());
    /** Each document's extracted text: planted quotes are looked up there, since offsets index it. */
    private final Map<String, String> texts = new HashMap<>();

    /** One finding as the benchmark compares them: where, which category and rule, and the words it is on. */
    record Finding(String doc, String language, String category, String rule, String severity, String quote,
                   int start, String context) {
        String key() {
            return doc + "\t" + rule + "\t" + normalise(quote);
        }
    }

    record Planted(String doc, List<String> categories, String quote, boolean hard) {
    }

    /** Judged labels: (doc, rule, quote) → true when an editor would want the finding. */
    static Map<String, Boolean> labels() throws IOException {
        Map<String, Boolean> labels = new HashMap<>();
        Path file = CORPUS.resolve("labels.tsv");
        if (!Files.exists(file)) {
            return labels;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            labels.put(f[0] + "\t" + f[1] + "\t" + normalise(f[2]), f[3].trim().equals("tp"));
        }
        return labels;
    }

    static List<Planted> planted() throws IOException {
        List<Planted> planted = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("planted.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            planted.add(new Planted(f[0], List.of(f[1].split("\\|")), f[2], f[3].trim().equals("yes")));
        }
        return planted;
    }

    String run(Path work) throws IOException {
        StringBuilder report = new StringBuilder();
        List<Finding> real = new ArrayList<>();
        Map<String, Integer> words = new TreeMap<>();
        try (Stream<Path> files = Files.list(CORPUS.resolve("real"))) {
            for (Path file : files.sorted().toList()) {
                String doc = file.getFileName().toString();
                String language = doc.startsWith("zh-") ? "zh" : "en";
                words.merge(language, wordCount(Files.readString(file)), Integer::sum);
                real.addAll(findings(file, doc, language));
            }
        }
        Path pdf = work.resolve("apache-2.0.pdf");
        TextPdf.write(Files.readString(CORPUS.resolve("real").resolve("apache-2.0.txt")), pdf, "Apache License 2.0");
        real.addAll(findings(pdf, "apache-2.0.pdf", "en"));
        words.merge("en-pdf", wordCount(Files.readString(CORPUS.resolve("real").resolve("apache-2.0.txt"))), Integer::sum);

        report.append(precisionTable("Precision on real documents (the tuned set)", real, words, labels()));

        // documents no fix was made from: precision there shows whether the fixes generalise
        List<Finding> heldOut = heldOut("heldout", "Precision on held-out real documents", report);
        // held-out sets 2 to 16, each added by a session before changes made from it and judged on first exposure
        // (SOURCES.md says what each holds and when it came; BENCHMARKS.md how each was judged)
        Map<String, List<Finding>> numberedSets = new LinkedHashMap<>();
        for (int i = 0; i < ORDINALS.size(); i++) {
            String folder = "heldout" + (i + 2);
            numberedSets.put(folder, heldOut(folder, "Precision on the " + ORDINALS.get(i) + " held-out set", report));
        }
        // real PDF and Word files nobody here wrote: page furniture, hyphenation, columns, notes, tables, Word styles
        List<Finding> formats = formats(report);
        // long manual pages dense with options and metavariables, read while tuning (session 14): a development set
        List<Finding> dev14 = heldOut("dev14", "Precision on option-heavy manual pages (dev14, development set)", report);
        writeUnlabelled(dev14, labels(), Path.of("target", "benchmarks", "quality-dev14-unlabelled.tsv"));
        writeUnlabelled(dev14, Map.of(), Path.of("target", "benchmarks", "quality-dev14-all.tsv"));
        writeUnlabelled(formats, labels(), Path.of("target", "benchmarks", "quality-formats-unlabelled.tsv"));
        // every formats finding, so that a reader change can be compared finding by finding with the judged list
        writeUnlabelled(formats, Map.of(), Path.of("target", "benchmarks", "quality-formats-all.tsv"));
        List<Finding> everything = new ArrayList<>(real);
        everything.addAll(heldOut);
        writeUnlabelled(everything, labels(), Path.of("target", "benchmarks", "quality-unlabelled.tsv"));
        writeUnlabelled(everything, Map.of(), Path.of("target", "benchmarks", "quality-all.tsv"));
        // kept apart so that nobody tuning the checks reads them by accident; each set's every finding, labelled or
        // not, too: what a change removed or added is read from them
        for (Map.Entry<String, List<Finding>> set : numberedSets.entrySet()) {
            writeUnlabelled(set.getValue(), labels(),
                    Path.of("target", "benchmarks", "quality-" + set.getKey() + "-unlabelled.tsv"));
            writeUnlabelled(set.getValue(), Map.of(), Path.of("target", "benchmarks", "quality-" + set.getKey() + "-all.tsv"));
        }

        List<Finding> plantedFindings = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS.resolve("planted"))) {
            for (Path file : files.sorted().toList()) {
                String doc = file.getFileName().toString();
                plantedFindings.addAll(findings(file, doc, doc.startsWith("zh-") ? "zh" : "en"));
            }
        }
        report.append(recallTable(plantedFindings, planted()));
        report.append(BlindPrecision.table(texts));
        List<Finding> labelledSets = new ArrayList<>(everything);
        numberedSets.values().forEach(labelledSets::addAll);
        labelledSets.addAll(formats);
        report.append(BlindPrecision.acronymsTable(texts,
                labelledSets.stream().map(Finding::key).collect(java.util.stream.Collectors.toSet())));
        report.append(wrapTable(work));
        return report.toString();
    }

    private List<Finding> heldOut(String folder, String title, StringBuilder report) throws IOException {
        List<Finding> found = new ArrayList<>();
        Map<String, Integer> words = new TreeMap<>();
        try (Stream<Path> files = Files.list(CORPUS.resolve(folder))) {
            for (Path file : files.sorted().toList()) {
                String doc = file.getFileName().toString();
                String language = doc.startsWith("zh-") ? "zh" : "en";
                words.merge(language, wordCount(Files.readString(file)), Integer::sum);
                found.addAll(findings(file, doc, language));
            }
        }
        report.append(precisionTable(title, found, words, labels()));
        return found;
    }

    /**
     * The {@code formats} set: binary documents, so words are counted in the text the reader extracted; reported per
     * format ({@code en-pdf}, {@code en-docx}).
     */
    private List<Finding> formats(StringBuilder report) throws IOException {
        List<Finding> found = new ArrayList<>();
        Map<String, Integer> words = new TreeMap<>();
        try (Stream<Path> files = Files.list(CORPUS.resolve("formats"))) {
            for (Path file : files.filter(f -> !f.getFileName().toString().endsWith(".md")).sorted().toList()) {
                String doc = file.getFileName().toString();
                found.addAll(findings(file, doc, "en"));
                words.merge(formatLanguage(doc, "en"), wordCount(texts.get(doc)), Integer::sum);
            }
        }
        report.append(precisionTable("Precision on real PDF and Word files (formats, development set)", found, words,
                labels()));
        return found;
    }

    /** The row a finding is reported under: its language, with the format for PDF and Word files. */
    static String formatLanguage(String doc, String language) {
        if (doc.endsWith(".pdf")) {
            return language + "-pdf";
        }
        return doc.endsWith(".docx") ? language + "-docx" : language;
    }

    List<Finding> findings(Path file, String doc, String language) {
        String requirement = language.equals("zh") ? EVERYTHING_ZH : EVERYTHING_EN;
        DocumentFormat format = engine.admit(file, doc);
        Path out = file.resolveSibling(doc + ".annotated." + format.name().toLowerCase(Locale.ROOT));
        if (out.startsWith(CORPUS.toAbsolutePath()) || out.startsWith(CORPUS)) {
            out = Path.of("target", "benchmarks", "quality-out", doc + ".annotated");
        }
        try {
            Files.createDirectories(out.getParent());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Finding> found = new ArrayList<>();
        Locale locale = language.equals("zh") ? Locale.CHINESE : Locale.ENGLISH;
        try (PipelineRun run = engine.start(new PipelineInput(file, format, requirement, out), null, locale)) {
            while (run.hasNext()) {
                run.next();
            }
            String text = run.text().text();
            texts.put(doc, text);
            for (Annotation a : run.annotations()) {
                int from = Math.max(0, a.start() - 40);
                int to = Math.min(text.length(), a.end() + 40);
                // never cut a surrogate pair (a Gothic or emoji character): the lone half cannot be written as UTF-8
                from -= from > 0 && Character.isLowSurrogate(text.charAt(from)) ? 1 : 0;
                to += to < text.length() && Character.isLowSurrogate(text.charAt(to)) ? 1 : 0;
                found.add(new Finding(doc, language, a.category(), a.rule(), a.severity(), a.quote(), a.start(),
                        text.substring(from, to).replaceAll("\\s+", " ")));
            }
        }
        return found;
    }

    static String precisionTable(String title, List<Finding> findings, Map<String, Integer> words, Map<String, Boolean> labels) {
        record Cell(int n, int labelled, int tp, int errors, int errorsTp) {
        }
        Map<String, Cell> cells = new TreeMap<>();
        for (Finding f : findings) {
            String lang = formatLanguage(f.doc(), f.language());
            for (String key : List.of(lang + "\t" + f.category(), lang + "\tALL", "all\tALL")) {
                Boolean label = labels.get(f.key());
                Cell c = cells.getOrDefault(key, new Cell(0, 0, 0, 0, 0));
                boolean error = "error".equals(f.severity());
                cells.put(key, new Cell(c.n() + 1, c.labelled() + (label == null ? 0 : 1),
                        c.tp() + (Boolean.TRUE.equals(label) ? 1 : 0), c.errors() + (error ? 1 : 0),
                        c.errorsTp() + (error && Boolean.TRUE.equals(label) ? 1 : 0)));
            }
        }
        int totalWords = words.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder sb = new StringBuilder("### " + title
                + " (requirement: \"" + EVERYTHING_EN + "\" / " + EVERYTHING_ZH + ", every check, none named)\n\n"
                + "| language | category | findings | per 1,000 words | labelled (sample) | true | precision | of them `error` (true) |\n"
                + "|---|---|---:|---:|---:|---:|---:|---|\n");
        cells.forEach((key, c) -> {
            String[] k = key.split("\t");
            int w = k[0].equals("all") ? totalWords : words.getOrDefault(k[0], 1);
            String precision;
            if (k[1].equals("ALL")) {
                // the sample is stratified by category: weigh each category's precision by its number of findings
                double weighted = 0;
                int weight = 0;
                for (Map.Entry<String, Cell> e : cells.entrySet()) {
                    String[] ek = e.getKey().split("\t");
                    boolean mine = k[0].equals("all") ? !ek[0].equals("all") : ek[0].equals(k[0]);
                    if (mine && !ek[1].equals("ALL") && e.getValue().labelled() > 0) {
                        weighted += e.getValue().n() * (double) e.getValue().tp() / e.getValue().labelled();
                        weight += e.getValue().n();
                    }
                }
                precision = weight == 0 ? "–" : String.format(Locale.ROOT, "%.0f %% (weighted)", 100.0 * weighted / weight);
            } else {
                precision = c.labelled() == 0 ? "–" : String.format(Locale.ROOT, "%.0f %%", 100.0 * c.tp() / c.labelled());
            }
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %d | %d | %s | %d (%d) |%n", k[0], k[1],
                    c.n(), 1000.0 * c.n() / w, c.labelled(), c.tp(), precision, c.errors(), c.errorsTp()));
        });
        sb.append("\nWords: ").append(words).append(" (a Chinese character counts as one word). Precision is measured on the "
                + "labelled sample (`labels.tsv`: a fixed-seed random sample of at most 20 distinct findings per category "
                + "and language, all of them when fewer; a label covers every finding with the same document, rule and "
                + "quote); the ALL rows weigh each category's precision by its number of findings.\n\n");
        return sb.toString();
    }

    String recallTable(List<Finding> findings, List<Planted> planted) {
        Map<String, int[]> byCategory = new TreeMap<>();
        List<String> missed = new ArrayList<>();
        for (Planted p : planted) {
            String text = texts.get(p.doc());
            if (!occurrences(text, p.quote()).findAny().isPresent()) {
                throw new IllegalStateException("planted quote not in " + p.doc() + ": " + p.quote());
            }
            boolean hit = findings.stream().anyMatch(f -> f.doc().equals(p.doc()) && p.categories().contains(f.category())
                    && overlapsAnOccurrence(text, p.quote(), f));
            String lang = p.doc().startsWith("zh-") ? "zh" : "en";
            for (String key : List.of(lang + "\t" + (p.hard() ? "hard" : "normal"), "all\t" + (p.hard() ? "hard" : "normal"))) {
                int[] c = byCategory.computeIfAbsent(key, k -> new int[2]);
                c[0]++;
                c[1] += hit ? 1 : 0;
            }
            if (!hit) {
                missed.add(p.doc() + ": " + String.join("|", p.categories()) + " `" + p.quote() + "`");
            }
        }
        StringBuilder sb = new StringBuilder("### Recall on planted problems\n\n| language | cases | planted | found | recall |\n|---|---|---:|---:|---:|\n");
        byCategory.forEach((key, c) -> {
            String[] k = key.split("\t");
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.0f %% |%n", k[0], k[1], c[0], c[1], 100.0 * c[1] / c[0]));
        });
        sb.append("\nMissed: ").append(missed.isEmpty() ? "none" : String.join("; ", missed)).append("\n\n");
        long plantedDocsFindings = findings.size();
        sb.append("All findings on the planted documents: ").append(plantedDocsFindings).append("\n\n");
        return sb.toString();
    }

    private static boolean overlapsAnOccurrence(String text, String quote, Finding f) {
        return occurrences(text, quote).anyMatch(m -> f.start() < m.end() && f.start() + f.quote().length() > m.start());
    }

    /** Where the quote occurs in the extracted text, whatever whitespace (a line break, a joined line) is between its words. */
    private static Stream<java.util.regex.MatchResult> occurrences(String text, String quote) {
        String pattern = java.util.Arrays.stream(quote.split("\\s+")).map(java.util.regex.Pattern::quote)
                .collect(java.util.stream.Collectors.joining("\\s+"));
        return java.util.regex.Pattern.compile(pattern).matcher(text).results();
    }

    /** The same text unwrapped (one line per paragraph) and hard-wrapped at 60 columns must give the same findings. */
    String wrapTable(Path work) throws IOException {
        StringBuilder sb = new StringBuilder("### Hard-wrapped vs unwrapped\n\n| document | findings unwrapped | findings wrapped at 60 | only in one |\n|---|---:|---:|---:|\n");
        for (String name : List.of("planted/en-proposal.txt", "planted/zh-proposal.txt", "real/gpl-3.txt", "real/apache-2.0.txt")) {
            String text = Files.readString(CORPUS.resolve(name));
            String language = name.contains("zh-") ? "zh" : "en";
            Path flat = work.resolve("flat-" + Path.of(name).getFileName());
            Path wrapped = work.resolve("wrapped-" + Path.of(name).getFileName());
            List<String> paragraphs = Wrapping.paragraphs(text);
            Files.writeString(flat, String.join("\n\n", paragraphs) + "\n");
            Files.writeString(wrapped, String.join("\n\n", paragraphs.stream()
                    .map(p -> Wrapping.wrap(p, 60, language.equals("zh"))).toList()) + "\n");
            Map<String, Integer> a = counts(findings(flat, "flat", language));
            Map<String, Integer> b = counts(findings(wrapped, "wrapped", language));
            int diff = 0;
            for (String k : union(a, b)) {
                diff += Math.abs(a.getOrDefault(k, 0) - b.getOrDefault(k, 0));
            }
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d |%n", name,
                    a.values().stream().mapToInt(Integer::intValue).sum(),
                    b.values().stream().mapToInt(Integer::intValue).sum(), diff));
        }
        return sb.append('\n').toString();
    }

    private static Map<String, Integer> counts(List<Finding> findings) {
        Map<String, Integer> counts = new HashMap<>();
        for (Finding f : findings) {
            counts.merge(f.category() + "\t" + normalise(f.quote()), 1, Integer::sum);
        }
        return counts;
    }

    private static List<String> union(Map<String, Integer> a, Map<String, Integer> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
        return keys;
    }

    static void writeUnlabelled(List<Finding> findings, Map<String, Boolean> labels, Path out) throws IOException {
        Files.createDirectories(out.getParent());
        StringBuilder sb = new StringBuilder();
        findings.stream().filter(f -> !labels.containsKey(f.key()))
                .sorted(Comparator.comparing(Finding::doc).thenComparing(Finding::start))
                .map(f -> f.doc() + "\t" + f.rule() + "\t" + f.quote().replaceAll("\\s+", " ") + "\t?\t" + f.severity()
                        + "\t" + f.context() + "\n")
                .distinct().forEach(sb::append);
        Files.writeString(out, sb.toString());
    }

    static String normalise(String quote) {
        return quote.replaceAll("[\\s\\u00AD-]+", "").toLowerCase(Locale.ROOT);
    }

    static int wordCount(String text) {
        int cjk = (int) text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        String latin = text.replaceAll("\\p{IsHan}", " ").trim();
        return cjk + (latin.isEmpty() ? 0 : latin.split("\\s+").length);
    }
}
