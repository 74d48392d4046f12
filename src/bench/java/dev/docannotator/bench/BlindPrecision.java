package dev.docannotator.bench;

import dev.docannotator.analysis.text.Genre;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.languagetool.JLanguageTool;
import org.languagetool.Languages;
import org.languagetool.rules.Rule;

/**
 * Blind precision of grammar and passive voice: the labels of the sets that were judged on first exposure, before any
 * fix was made from them (held-out 1–13 and the formats set), per LanguageTool category, per rule and per genre of
 * the document ({@link Genre#of} on its extracted text). The tuned set ({@code real/}) is shown apart: its figures
 * are after the fixes made from it.
 */
final class BlindPrecision {
    /** The sets labelled on first exposure. */
    static final List<String> BLIND_SETS = List.of("heldout", "heldout2", "heldout3", "heldout4", "heldout5",
            "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16",
            "heldout17", "heldout18",
            "formats");
    private static final List<String> SETS = Stream.concat(Stream.of("real"), BLIND_SETS.stream()).toList();

    private record Label(String doc, String set, String rule, boolean tp) {
    }

    /** tp / labelled, per column. */
    private static final class Row {
        final Map<String, int[]> cells = new HashMap<>();

        void add(String column, boolean tp) {
            int[] c = cells.computeIfAbsent(column, k -> new int[2]);
            c[0] += tp ? 1 : 0;
            c[1]++;
        }

        String cell(String column) {
            int[] c = cells.get(column);
            if (c == null) {
                return "–";
            }
            return c[0] + "/" + c[1] + (c[1] >= 5 ? String.format(Locale.ROOT, " (%.0f %%)", 100.0 * c[0] / c[1]) : "");
        }
    }

    private BlindPrecision() {
    }

    /**
     * The table, in Markdown. {@code texts}: each document's extracted text, by file name (the quality benchmark read
     * them all; formats are binary, so their genre is judged on what the reader extracted).
     */
    static String table(Map<String, String> texts) throws IOException {
        Map<String, String> setOf = new HashMap<>();
        for (String set : SETS) {
            try (Stream<Path> files = Files.list(QualityBenchmark.CORPUS.resolve(set))) {
                files.forEach(f -> setOf.put(f.getFileName().toString(), set));
            }
        }
        Map<String, Genre> genres = new TreeMap<>();
        setOf.forEach((doc, set) -> {
            if (texts.containsKey(doc)) {
                genres.put(doc, Genre.of(texts.get(doc)));
            }
        });
        JLanguageTool tool = new JLanguageTool(Languages.getLanguageForShortCode("en-US"));
        Map<String, String> categoryOf = new HashMap<>();
        for (Rule rule : tool.getAllRules()) {
            categoryOf.putIfAbsent(rule.getId(), rule.getCategory().getId().toString());
        }
        Map<String, Row> byCategory = new TreeMap<>();
        Map<String, Row> byRule = new TreeMap<>();
        Map<String, Row> passive = new TreeMap<>();
        for (String line : Files.readAllLines(QualityBenchmark.CORPUS.resolve("labels.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String set = setOf.get(f[0]);
            if (set == null || !genres.containsKey(f[0])) {
                continue; // the generated apache-2.0.pdf, or a set not read here
            }
            Label label = new Label(f[0], set, f[1], f[3].trim().equals("tp"));
            String genre = genres.get(label.doc()).name();
            boolean blind = BLIND_SETS.contains(set);
            if (label.rule().startsWith("grammar/")) {
                String rule = label.rule().substring("grammar/".length());
                String category = categoryOf.getOrDefault(rule, "?");
                for (Row row : List.of(byCategory.computeIfAbsent(category, k -> new Row()),
                        byCategory.computeIfAbsent("(all grammar)", k -> new Row()),
                        byRule.computeIfAbsent(category + "\t" + rule, k -> new Row()))) {
                    row.add(blind ? genre : "tuned", label.tp());
                    if (blind) {
                        row.add("blind", label.tp());
                    }
                }
            } else if (label.rule().startsWith("passive_voice/")) {
                for (Row row : List.of(passive.computeIfAbsent(label.rule(), k -> new Row()),
                        passive.computeIfAbsent("(all passive)", k -> new Row()))) {
                    row.add(blind ? genre : "tuned", label.tp());
                    if (blind) {
                        row.add("blind", label.tp());
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder("### Blind precision of grammar and passive voice (labels on first exposure)\n\n"
                + "Labels of held-out 1–7 and formats, judged before any fix was made from them, by LanguageTool category, "
                + "rule and the document's genre (`Genre.of`); `tuned` is the tuned set, after its fixes. Cells: true / "
                + "labelled (precision from 5 labels).\n\nGenres: ");
        Map<Genre, List<String>> docsByGenre = new TreeMap<>();
        genres.forEach((doc, g) -> {
            if (BLIND_SETS.contains(setOf.get(doc))) {
                docsByGenre.computeIfAbsent(g, k -> new java.util.ArrayList<>()).add(doc);
            }
        });
        docsByGenre.forEach((g, docs) -> sb.append(g).append(" ").append(docs).append("; "));
        sb.append("\n\n");
        String header = "| blind | LEGAL | MANUAL | TECHNICAL | GENERAL | tuned |\n|---|---|---|---|---|---|---|\n";
        sb.append("| grammar, LanguageTool category ").append(header);
        byCategory.forEach((k, row) -> sb.append(line(k, row)));
        sb.append("\n| grammar, category / rule ").append(header);
        byRule.forEach((k, row) -> sb.append(line(k.replace('\t', ' ').replaceFirst(" ", " / "), row)));
        sb.append("\n| passive voice ").append(header);
        passive.forEach((k, row) -> sb.append(line(k, row)));
        return sb.append('\n').toString();
    }

    /**
     * Blind precision of undefined acronyms, by the document's genre and by rule, in two parts: every label of the
     * check (findings of earlier versions included, many since removed by fixes) and the labels of the findings this
     * run still reports ({@code reported}: the keys of the run's findings, {@link QualityBenchmark.Finding#key()}),
     * which is what the broad ask costs or saves today. Its own method, apart from grammar's, so that the two change
     * independently.
     */
    static String acronymsTable(Map<String, String> texts, java.util.Set<String> reported) throws IOException {
        Map<String, String> setOf = new HashMap<>();
        for (String set : SETS) {
            try (Stream<Path> files = Files.list(QualityBenchmark.CORPUS.resolve(set))) {
                files.forEach(f -> setOf.put(f.getFileName().toString(), set));
            }
        }
        Map<String, Row> every = new TreeMap<>();
        Map<String, Row> now = new TreeMap<>();
        Map<String, Row> bySet = new TreeMap<>();
        for (String line : Files.readAllLines(QualityBenchmark.CORPUS.resolve("labels.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String set = setOf.get(f[0]);
            if (set == null || !texts.containsKey(f[0]) || !f[1].startsWith("undefined_acronyms/")) {
                continue;
            }
            boolean tp = f[3].trim().equals("tp");
            boolean blind = BLIND_SETS.contains(set);
            String column = blind ? Genre.of(texts.get(f[0])).name() : "tuned";
            boolean stillReported = reported.contains(f[0] + "\t" + f[1] + "\t" + QualityBenchmark.normalise(f[2]));
            for (Map<String, Row> table : stillReported ? List.of(every, now) : List.of(every)) {
                for (String rule : List.of("(all acronyms)", f[1].substring("undefined_acronyms/".length()))) {
                    Row row = table.computeIfAbsent(rule, k -> new Row());
                    row.add(column, tp);
                    if (blind) {
                        row.add("blind", tp);
                    }
                }
            }
            if (stillReported) {
                Row row = bySet.computeIfAbsent(set, k -> new Row());
                row.add(column, tp);
                if (blind) {
                    row.add("blind", tp);
                }
            }
        }
        StringBuilder sb = new StringBuilder("### Blind precision of undefined acronyms (labels on first exposure)\n\n"
                + "The same sets and columns as above. \"every label\": all labels of the check on the set, findings of "
                + "earlier versions included; \"reported by this run\": the labels of the findings this run reports under "
                + "the broad ask.\n\n");
        String header = "| blind | LEGAL | MANUAL | TECHNICAL | GENERAL | tuned |\n|---|---|---|---|---|---|---|\n";
        sb.append("| undefined acronyms, every label ").append(header);
        every.forEach((k, row) -> sb.append(line(k, row)));
        sb.append("\n| undefined acronyms, reported by this run ").append(header);
        now.forEach((k, row) -> sb.append(line(k, row)));
        sb.append("\n| reported by this run, per set ").append(header);
        bySet.forEach((k, row) -> sb.append(line(k, row)));
        return sb.append('\n').toString();
    }

    private static String line(String name, Row row) {
        return "| " + name + " | " + row.cell("blind") + " | " + row.cell("LEGAL") + " | " + row.cell("MANUAL") + " | "
                + row.cell("TECHNICAL") + " | " + row.cell("GENERAL") + " | " + row.cell("tuned") + " |\n";
    }
}
