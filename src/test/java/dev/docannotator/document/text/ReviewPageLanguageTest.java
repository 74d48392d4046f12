package dev.docannotator.document.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.common.Language;
import dev.docannotator.document.ApplySession;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.ReadSession;
import dev.docannotator.document.TextBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML review page is written in the reader's language: its headings, labels and the suggestion line. */
class ReviewPageLanguageTest {
    @TempDir
    Path dir;

    private final TextHandler handler = TextHandler.plainText(DocumentLimits.defaults());

    @Test
    void aChineseReaderGetsAChineseReviewPage() throws Exception {
        String html = page(Language.CHINESE);

        assertThat(html).contains("<html lang=\"zh\">").contains("— DocAnnotator 审阅</title>")
                .contains("DocAnnotator 共批注 1 处").contains("<h2>批注</h2>").contains("模糊表述 · 警告")
                .contains("建议：写明具体日期").doesNotContain("Suggestion").doesNotContain("Notes");
    }

    @Test
    void anEnglishReaderGetsAnEnglishReviewPage() throws Exception {
        String html = page(Language.ENGLISH);

        assertThat(html).contains("<html lang=\"en\">").contains("1 annotations by DocAnnotator")
                .contains("<h2>Notes</h2>").contains("Vague wording · warning").contains("Suggestion: 写明具体日期");
    }

    private String page(Language language) throws Exception {
        Path file = dir.resolve("plan-" + language.tag() + ".txt");
        String content = "We will ship the release soon.";
        Files.writeString(file, content);
        TextBuilder builder = new TextBuilder();
        try (ReadSession session = handler.openForRead(file)) {
            for (int i = 0; i < session.unitCount(); i++) {
                session.readUnit(i, builder);
            }
        }
        ExtractedText text = builder.build();
        int start = text.text().indexOf("soon");
        Annotation vague = new Annotation("a1", start, start + 4, "soon", null, 1, "vague_words", "warning",
                "“soon”表述模糊", "写明具体日期", "vague_words/soon");
        Path out = dir.resolve("plan-" + language.tag() + ".html");
        try (ApplySession session = handler.openForApply(file, text, language)) {
            session.apply(List.of(vague));
            session.save(out);
        }
        return Files.readString(out);
    }
}
