package dev.docannotator.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Plain-text documents the browser tests upload, generated on the spot. */
final class TestDocuments {

    /** The requirement every test sends: TODO markers are found by the default analysis too. */
    static final String REQUIREMENT = "Flag TODO markers and vague words such as \"some\".";

    private TestDocuments() {
    }

    /** A short report with a few findings. */
    static Path shortReport(Path dir) throws IOException {
        return Files.writeString(dir.resolve("report.txt"), """
                Quarterly report

                TODO: add the figures for March.
                The team shipped some features and fixed some bugs.
                TODO: ask finance about the budget.
                """);
    }

    /** A text containing markup that must be shown literally, never run. */
    static Path withMarkup(Path dir) throws IOException {
        return Files.writeString(dir.resolve("markup.txt"), """
                Notes on the release

                Intro <img src=x onerror=alert(1)> and <script>alert(2)</script> stay plain text.
                TODO: remove the <b>bold</b> tags before publishing.
                """);
    }

    /** A large document whose analysis takes long enough to be paused mid-way. */
    static Path large(Path dir, int paragraphs) throws IOException {
        StringBuilder text = new StringBuilder("A long specification\n\n");
        for (int i = 1; i <= paragraphs; i++) {
            text.append("Section ").append(i)
                    .append(". The service shall store each record and return it on request within two seconds. ");
            if (i % 10 == 0) {
                text.append("TODO: confirm the limit for section ").append(i).append('.');
            }
            text.append("\n\n");
        }
        return Files.writeString(dir.resolve("specification.txt"), text);
    }

    /** A document with very long unbroken words, to check that nothing overflows a narrow screen. */
    static Path longWords(Path dir) throws IOException {
        String url = "https://example.org/" + "very-long-path-segment/".repeat(20);
        return Files.writeString(dir.resolve("long-words-" + "x".repeat(60) + ".md"),
                "# Links\n\nTODO: check " + url + " and " + "Donaudampfschifffahrt".repeat(8) + ".\n");
    }

    /** One long paragraph in which every sentence has three findings (requested term, vague word, TODO marker). */
    static Path manyFindings(Path dir, int sentences) throws IOException {
        return Files.writeString(dir.resolve("many-findings.txt"), "Findings galore\n\n" + "We will probably have some TODO here. ".repeat(sentences) + "\n");
    }
}
