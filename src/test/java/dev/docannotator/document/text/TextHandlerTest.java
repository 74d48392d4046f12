package dev.docannotator.document.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.document.ApplySession;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.ReadSession;
import dev.docannotator.document.TextBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextHandlerTest {
    @TempDir
    Path dir;

    private final TextHandler handler = TextHandler.plainText(DocumentLimits.defaults());

    private ExtractedText read(Path file) {
        TextBuilder builder = new TextBuilder();
        try (ReadSession session = handler.openForRead(file)) {
            for (int i = 0; i < session.unitCount(); i++) {
                session.readUnit(i, builder);
            }
        }
        return builder.build();
    }

    @Test
    void bomAndWindowsLineEndingsAreNormalisedAndWrappedLinesJoinIntoParagraphs() throws Exception {
        Path file = dir.resolve("a.txt");
        Files.write(file, "\uFEFFThe first paragraph is\r\nwrapped over\rthree lines\n\nThe second is not."
                .getBytes(StandardCharsets.UTF_8));
        ExtractedText text = read(file);
        assertThat(text.text()).isEqualTo("The first paragraph is wrapped over three lines\nThe second is not.");
        assertThat(text.blocks()).hasSize(2);
        assertThat(text.blockText(text.blocks().get(1))).isEqualTo("The second is not.");
        assertThat(text.blocks().get(1).paragraph()).isEqualTo(2);
    }

    @Test
    void aHardWrappedCopyGivesTheSameBlocksAsTheUnwrappedText() throws Exception {
        String unwrapped = """
                Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files, to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish and distribute copies of the Software. Contributors who sign the agreement waive with-holding of their e-mail addresses.

                THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY.
                """.replace("with-holding", "withholding");
        String wrapped = """
                Permission is hereby granted, free of charge, to any person obtaining a copy
                of this software and associated documentation files, to deal in the Software
                without restriction, including without limitation the rights to use, copy,
                modify, merge, publish and distribute copies of the Software. Contributors
                who sign the agreement waive with-
                holding of their e-mail addresses.

                THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
                IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY.
                """;
        ExtractedText one = read(Files.writeString(dir.resolve("unwrapped.txt"), unwrapped));
        ExtractedText other = read(Files.writeString(dir.resolve("wrapped.txt"), wrapped));

        assertThat(other.text()).isEqualTo(one.text());
        assertThat(other.blocks()).isEqualTo(one.blocks());
        assertThat(one.blocks()).hasSize(2);
    }

    @Test
    void aSpanAcrossAJoinedLineBreakIsHighlightedOnTheSourceLinesAsWritten() throws Exception {
        Path file = dir.resolve("notice.txt");
        String content = "Notice\n\nThe tenant shall pay the rent on the first\n   working day of each month.\n";
        Files.writeString(file, content);
        ExtractedText text = read(file);
        int start = text.text().indexOf("first working day");
        int end = start + "first working day".length();
        Annotation vague = new Annotation("a1", start, end, text.text().substring(start, end), null, 2, "terms",
                "info", "Requested term.", null, "terms/requested");
        Path out = dir.resolve("notice.html");
        try (ApplySession session = handler.openForApply(file, text)) {
            session.apply(List.of(vague));
            session.save(out);
        }
        String html = Files.readString(out);
        assertThat(vague.quote()).isEqualTo("first working day");
        assertThat(html).contains("title=\"Requested term.\">first\n   working day</a>");
        assertThat(html.replaceAll("<[^>]+>", "")).contains("Notice\n\nThe tenant shall pay the rent on the first\n   working day");
    }

    @Test
    void readingFromALaterUnitContinuesTheSameText() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            sb.append("Paragraph ").append(i).append(" says one thing\nover two lines.\n\n");
        }
        Path file = dir.resolve("long.txt");
        Files.writeString(file, sb);
        ExtractedText whole = read(file);
        assertThat(whole.blocks()).hasSize(1000);

        TextBuilder first = new TextBuilder();
        try (ReadSession session = handler.openForRead(file)) {
            session.readUnit(0, first);
            session.readUnit(1, first);
        }
        TextBuilder resumed = new TextBuilder(first.build());
        try (ReadSession session = handler.openForRead(file)) {
            for (int i = 2; i < session.unitCount(); i++) {
                session.readUnit(i, resumed);
            }
        }
        assertThat(resumed.build()).isEqualTo(whole);
    }

    @Test
    void theReviewPageHighlightsEachSpanAndEscapesTheDocumentText() throws Exception {
        Path file = dir.resolve("x.txt");
        String content = "Click <img src=x onerror=alert(1)> maybe & later.";
        Files.writeString(file, content);
        ExtractedText text = read(file);
        int start = content.indexOf("maybe");
        Annotation vague = new Annotation("a1", start, start + 5, "maybe", null, 1, "vague_words", "warning",
                "Vague word.", "state it precisely", "vague_words/maybe");
        Annotation wide = new Annotation("a2", 0, content.length(), content, null, 1, "long_sentence", "info",
                "Sentence <long>.", null, "long_sentence");
        Path out = dir.resolve("x.html");
        try (ApplySession session = handler.openForApply(file, text)) {
            session.apply(List.of(vague, wide));
            session.save(out);
        }
        String html = Files.readString(out);
        assertThat(html).contains("<title>Click &lt;img src=x onerror=alert(1)&gt; maybe &amp; later. — DocAnnotator review</title>");
        assertThat(html).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(html).contains("id=\"a1\"").contains("id=\"a2\"").contains("href=\"#note-a1\"");
        assertThat(html).contains("id=\"note-a1\"").contains("Suggestion: state it precisely");
        assertThat(html).contains("Sentence &lt;long&gt;.");
        String marked = html.replaceAll("<[^>]+>", "");
        assertThat(marked).contains("Click &lt;img src=x onerror=alert(1)&gt; maybe &amp; later.");
    }

    @Test
    void tensOfThousandsOfAnnotationsAreWrittenQuickly() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append("word").append(i % 10).append(' ');
        }
        Path file = Files.writeString(dir.resolve("many.txt"), sb);
        ExtractedText text = read(file);
        List<Annotation> many = new java.util.ArrayList<>();
        for (int i = 0, at = 0; i < 20_000; i++, at += 6) {
            many.add(new Annotation("a" + (i + 1), at, at + 5, text.text().substring(at, at + 5), null, 1, "terms",
                    "info", "Term.", null, "terms/requested"));
        }
        many.add(new Annotation("a20001", 0, text.text().length(), text.text(), null, 1, "long_sentence", "info",
                "Long.", null, "long_sentence/en"));
        Path out = dir.resolve("many.html");
        long started = System.nanoTime();
        try (ApplySession session = handler.openForApply(file, text)) {
            session.apply(many);
            session.save(out);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(millis).as("a generous bound; the quadratic version took minutes").isLessThan(20_000);
        String html = Files.readString(out);
        assertThat(html).contains("id=\"a1\"").contains("id=\"a20000\"").contains("id=\"a20001\"");
        // words and the spaces between them; the line's trailing space is no part of its paragraph
        assertThat(html.split("class=\"mark ", -1)).hasSize(20_000 * 2);
    }
}
