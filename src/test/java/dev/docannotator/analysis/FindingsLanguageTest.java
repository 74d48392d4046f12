package dev.docannotator.analysis;

import static dev.docannotator.analysis.AnalysisFixture.runAll;
import static dev.docannotator.analysis.AnalysisFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.common.Language;
import dev.docannotator.document.ExtractedText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every built-in check writes its findings in the language the user reads, whatever the document's language. */
class FindingsLanguageTest {
    private final DefaultAnalyser analyser = new DefaultAnalyser();

    private static final ExtractedText MIXED = text(
            "The report was reviewed by the the committee, and we will publish it in the near future with 5 figures TBD.",
            "The SLA says the upload limit is 25 MB.",
            "In practice the upload limit is 30 MB, with five (6) retries.",
            "Our e-mail address changed; send email to the new address. The e-mail form stays.",
            "文件被管理员删除了，请重新上传的的文件。");

    @Test
    void chineseReadersGetChineseMessagesForEveryCheck() {
        Requirement everything = analyser.parse("everything except grammar").withLanguage(Language.CHINESE);

        List<Annotation> found = runAll(analyser, MIXED, everything);

        assertThat(found).extracting(Annotation::category).contains("passive_voice", "repeated_words",
                "vague_words", "todo_markers", "undefined_acronyms", "number_mismatch");
        assertThat(found).allSatisfy(a -> assertThat(a.message()).as(a.rule()).containsPattern("\\p{IsHan}")
                .doesNotContain("This ").doesNotContain(" is "));
    }

    @Test
    void englishReadersGetEnglishMessagesForAChineseDocument() {
        Requirement passive = analyser.parse("passive voice and repeated words");

        List<Annotation> found = runAll(analyser, text("文件被管理员删除了，请重新上传的的文件。"), passive);

        assertThat(found).extracting(Annotation::category).contains("passive_voice", "repeated_words");
        assertThat(found).extracting(Annotation::message).allSatisfy(m -> assertThat(m).startsWith("Th"));
    }
}
