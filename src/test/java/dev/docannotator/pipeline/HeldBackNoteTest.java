package dev.docannotator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.DefaultAnalyser;
import dev.docannotator.analysis.checks.GenreHoldBacks;
import dev.docannotator.analysis.checks.GenreHoldBacks.Kind;
import dev.docannotator.analysis.text.Genre;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.document.DocumentHandlers;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.text.TextHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under the broad ask a manual page or a README gets no English passives, grammar, vague words or undefined acronyms:
 * the result says so in one note, in the request's language, and only when something was held back.
 */
class HeldBackNoteTest {
    @TempDir
    Path dir;

    private final DefaultAnalyser analyser = new DefaultAnalyser();
    private final Engine engine = new Engine(
            new DocumentHandlers(List.of(TextHandler.plainText(DocumentLimits.defaults()))), analyser,
            DocumentLimits.defaults());

    /** In the manner of gzip(1): NAME, SYNOPSIS, DESCRIPTION; a passive, a vague word and an unexpanded name. */
    private static final String MANUAL = String.join("\n\n", "NAME", "gzip - compress or expand files", "SYNOPSIS",
            "gzip [ -cdfhklLnNrtvV19 ] [ name ... ]", "DESCRIPTION",
            "Gzip reduces the size of the named files using Lempel-Ziv coding (LZ77). Whenever possible, each file is "
                    + "replaced by one with the extension .gz, while keeping the same ownership modes. Files created "
                    + "by PKZIP can be decompressed by gzip when they have a single member.");

    /** A proposal: nothing is held back in general writing. */
    private static final String PROPOSAL = "We propose to move the customer portal to the new cluster before the end "
            + "of the quarter. The budget covers two engineers for three months. The move must keep the SLA agreed "
            + "with our customers, and we will report progress to the board every month until the portal runs on "
            + "the new cluster.";

    private List<String> notes(String document, String requirement, Locale locale) throws Exception {
        Path file = dir.resolve("doc" + System.nanoTime() + ".txt");
        Files.writeString(file, document, StandardCharsets.UTF_8);
        try (PipelineRun run = engine.start(new PipelineInput(file, DocumentFormat.TXT, requirement,
                dir.resolve("out" + System.nanoTime() + ".html")), null, locale)) {
            assertThat(run.report().requirement().notes()).as("nothing is said before the document is read").isEmpty();
            PipelineEvent last = null;
            while (run.hasNext()) {
                List<PipelineEvent> events = run.next();
                last = events.isEmpty() ? last : events.get(events.size() - 1);
            }
            assertThat(last).isInstanceOf(PipelineEvent.Completed.class);
            List<String> completed = ((PipelineEvent.Completed) last).report().requirement().notes();
            assertThat(run.report().requirement().notes()).isEqualTo(completed);
            return completed;
        }
    }

    @Test
    void aManualPageCheckedForEverythingSaysWhatWasNotReportedInEnglishAndChinese() throws Exception {
        assertThat(Genre.of(MANUAL)).isEqualTo(Genre.MANUAL);
        assertThat(notes(MANUAL, "Check everything except grammar", Locale.ENGLISH)).containsExactly(
                "This reads as a manual page: passive voice in English, vague wording and undefined acronyms are not "
                        + "reported unless you ask for them by name.");
        assertThat(notes(MANUAL, "除了语法，全部检查", Locale.CHINESE)).containsExactly(
                "本文档看来是手册页：除非在要求中点名，否则不报告英文被动句、模糊用词和未定义的缩写。");
    }

    @Test
    void theBroadAskOnAManualPageNamesGrammarAndSpellingAmongWhatItHeldBack() throws Exception {
        assertThat(notes(MANUAL, "Check everything", Locale.ENGLISH)).containsExactly(
                "This reads as a manual page: passive voice in English, English grammar and spelling, vague wording "
                        + "and undefined acronyms are not reported unless you ask for them by name.");
        assertThat(notes(MANUAL, "Check everything", Locale.CHINESE)).containsExactly(
                "本文档看来是手册页：除非在要求中点名，否则不报告英文被动句、英文语法和拼写、模糊用词和未定义的缩写。");
    }

    @Test
    void nothingIsSaidWhenTheChecksWereNamedOrTheDocumentIsGeneralWriting() throws Exception {
        assertThat(notes(MANUAL, "Find passive voice, vague words and undefined acronyms", Locale.ENGLISH)).isEmpty();
        assertThat(notes(PROPOSAL, "Check everything except grammar", Locale.ENGLISH)).isEmpty();
    }

    @Test
    void oneKindHeldBackIsSaidInTheSingular() throws Exception {
        assertThat(notes(MANUAL, "Find undefined acronyms and long sentences", Locale.ENGLISH)).isEmpty();
        assertThat(notes(MANUAL, "Find vague words and long sentences", Locale.ENGLISH)).isEmpty();
        assertThat(notes(MANUAL, "Check everything except grammar, passive voice and acronyms", Locale.ENGLISH))
                .containsExactly("This reads as a manual page: vague wording is not reported unless you ask for it "
                        + "by name.");
    }

    @Test
    void grammarUnderTheBroadAskIsHeldBackInDocumentationOnly() {
        assertThat(GenreHoldBacks.of(analyser.parse("Check everything"), Genre.TECHNICAL, false)).containsExactly(
                Kind.PASSIVE_VOICE, Kind.GRAMMAR, Kind.VAGUE_WORDS, Kind.UNDEFINED_ACRONYMS);
        assertThat(GenreHoldBacks.of(analyser.parse("Check everything"), Genre.LEGAL, false))
                .containsExactly(Kind.PASSIVE_VOICE);
        assertThat(GenreHoldBacks.of(analyser.parse("Check everything"), Genre.GENERAL, false)).isEmpty();
        assertThat(GenreHoldBacks.of(analyser.parse("Check spelling"), Genre.MANUAL, false)).isEmpty();
    }

    @Test
    void aMainlyChineseManualPageIsNotToldAboutEnglishPassivesAndGrammar() {
        assertThat(GenreHoldBacks.of(analyser.parse("全部检查"), Genre.MANUAL, true))
                .containsExactly(Kind.VAGUE_WORDS, Kind.UNDEFINED_ACRONYMS);
        assertThat(GenreHoldBacks.of(analyser.parse("全部检查"), Genre.MANUAL, false)).containsExactly(
                Kind.PASSIVE_VOICE, Kind.GRAMMAR, Kind.VAGUE_WORDS, Kind.UNDEFINED_ACRONYMS);
    }
}
