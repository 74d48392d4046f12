package dev.docannotator.document.docx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.common.Language;
import dev.docannotator.document.ReviewTexts;
import java.math.BigInteger;
import java.time.Clock;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** A Word comment carries the finding and, labelled in the reader's language, its suggestion. */
class CommentLanguageTest {
    private static final Annotation VAGUE = new Annotation("a1", 0, 4, "soon", 1, 1, "vague_words", "info",
            "“soon”表述模糊，请写明确切的数值、数量或条件。", "by 1 March", "vague_words/soon");

    @Test
    void aChineseReaderGetsAChineseSuggestionLine() throws Exception {
        try (XWPFDocument document = new XWPFDocument()) {
            CommentWriter writer = new CommentWriter(document, Clock.systemUTC(), ReviewTexts.of(Language.CHINESE));
            BigInteger id = writer.add(VAGUE);

            XWPFComment comment = document.getDocComments().getCommentByID(id.toString());
            assertThat(comment.getParagraphs()).extracting(p -> p.getText())
                    .containsExactly(VAGUE.message(), "建议：by 1 March");
        }
    }
}
