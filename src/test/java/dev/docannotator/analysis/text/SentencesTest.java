package dev.docannotator.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {
    private static List<String> split(String text) {
        return Sentences.split(text).stream().map(s -> s.of(text)).toList();
    }

    @Test
    void splitsEnglishAtFullStopsButNotAtAbbreviationsDecimalsOrInitials() {
        assertThat(split("Use e.g. the 3.5 release. Ask Dr. Smith or J. Doe! Done? Yes."))
                .containsExactly("Use e.g. the 3.5 release.", "Ask Dr. Smith or J. Doe!", "Done?", "Yes.");
    }

    @Test
    void theFullWidthStopOfChineseTechnicalWritingEndsASentenceButNotADecimal() {
        // OI Wiki ends its sentences with "．"; between digits it is a decimal point
        assertThat(split("和物理、数学等竞赛性质相同．OI 考察的内容是编程能力．时长 3．5 小时．"))
                .containsExactly("和物理、数学等竞赛性质相同．", "OI 考察的内容是编程能力．", "时长 3．5 小时．");
        // after a number alone it labels an item
        assertThat(split("1．安装软件．2．配置它．")).containsExactly("1．安装软件．", "2．配置它．");
    }

    @Test
    void aFootnoteMarkAfterTheFullStopEndsTheSentenceItNotes() {
        // a Rust blog post's Markdown footnote, and reStructuredText's; a mark inside the sentence splits nothing
        assertThat(split("They rarely read the blog.[^shocking] This is a shame. See the notes[#f2]_ for more.[1]_ Done."))
                .containsExactly("They rarely read the blog.[^shocking]", "This is a shame.",
                        "See the notes[#f2]_ for more.[1]_", "Done.");
        // after an abbreviation the mark notes the abbreviation's sentence, which goes on
        assertThat(split("See e.g.[^1] the notes and Fig.[^2] there.")).containsExactly(
                "See e.g.[^1] the notes and Fig.[^2] there.");
    }

    @Test
    void markdownEmphasisClosingAfterTheStopEndsTheSentence() {
        // the PSF's enforcement procedures and Python's socket HOWTO: an italic question, an italic clause
        assertThat(split("*Did this occur within our scope?* If the incident occurred outside, it may be in scope. "
                + "There is *no EOT on a socket.* I repeat: a recv of 0 bytes means the connection is broken. "
                + "Only _one_ worker runs."))
                .containsExactly("*Did this occur within our scope?*", "If the incident occurred outside, it may be in scope.",
                        "There is *no EOT on a socket.*", "I repeat: a recv of 0 bytes means the connection is broken.",
                        "Only _one_ worker runs.");
        // a name with underscores or a glob after a dot goes on
        assertThat(split("Python keeps them in obj.__dict__ and self._cache, or foo.*bar. Done."))
                .containsExactly("Python keeps them in obj.__dict__ and self._cache, or foo.*bar.", "Done.");
    }

    @Test
    void splitsChineseAtItsOwnMarksKeepingClosingQuotes() {
        assertThat(split("第一句。第二句！“第三句？”第四句"))
                .containsExactly("第一句。", "第二句！", "“第三句？”", "第四句");
    }

    @Test
    void lineBreaksEndSentencesAndWhitespaceIsTrimmed() {
        assertThat(split("  Heading\nBody text.  ")).containsExactly("Heading", "Body text.");
    }

    @Test
    void aStopAfterATokenWithDigitsEndsTheSentenceThoughItsLastLetterIsACapital() {
        // find(1): the list ends in "S52K." and the next sentence starts; "K" is the end of a name, not an initial
        String find = "An incomplete list of filesystem types that are accepted on some version of Unix or another is: "
                + "ufs, 4.2, 4.3, nfs, tmp, mfs, S51K, S52K.   You can use -printf with the %F directive to see "
                + "the types of your filesystems.";
        assertThat(split(find)).hasSize(2).last().asString().startsWith("You can use -printf");
        assertThat(split("Allocate 4K. Then map it. Version 4.3.1. Then 3.5 is out."))
                .containsExactly("Allocate 4K.", "Then map it.", "Version 4.3.1.", "Then 3.5 is out.");
    }

    @Test
    void abbreviationsAndInitialsDoNotEndASentence() {
        assertThat(split("Use e.g. the default, i.e. it works. Ask Mr. Smith about 18 U.S. Code, No. 5 and "
                + "cats vs. the dogs in version 2.6 or 1.2.3 by J. R. Doe."))
                .containsExactly("Use e.g. the default, i.e. it works.", "Ask Mr. Smith about 18 U.S. Code, No. 5 and "
                        + "cats vs. the dogs in version 2.6 or 1.2.3 by J. R. Doe.");
        // Python's design FAQ: a one-letter name ends its sentence when a sentence opener follows
        assertThat(split("20 lines of Python can do a lot more work than 20 lines of C. This is not solely due to "
                + "the brackets. Ask J. Doe or John Q. Public. Ask J. A. Smith or read A. A. Milne and J. I. Packer."))
                .containsExactly("20 lines of Python can do a lot more work than 20 lines of C.",
                        "This is not solely due to the brackets.", "Ask J. Doe or John Q. Public.",
                        "Ask J. A. Smith or read A. A. Milne and J. I. Packer.");
    }

    @Test
    void chineseSplittingIsUnchangedBesideLatinTokensWithDigits() {
        assertThat(split("支持的类型有 ufs、S52K。可用 -printf 查看 4.3 版本！完了"))
                .containsExactly("支持的类型有 ufs、S52K。", "可用 -printf 查看 4.3 版本！", "完了");
    }

    @Test
    void chineseTextWithAsciiFullStopsSplitsInLinearTime() {
        // the scan back over the token before each stop crossed Han characters and earlier stops to the block's
        // start: 10,000 steps took 2 s, 80,000 "1.中" 41 s
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(Sentences.split("第1步完成安装.".repeat(10_000))).hasSize(10_000);
            assertThat(Sentences.split("1.中".repeat(80_000))).hasSize(80_001); // the last 中 is a sentence of its own
            assertThat(Sentences.split("中.".repeat(80_000))).hasSize(80_000);
            assertThat(Sentences.split(("x".repeat(40) + ". ").repeat(20_000))).hasSize(20_000);
        });
    }

    @Test
    void dottedInitialsEndTheSentenceBeforeAWordThatOpensOne() {
        assertThat(split("The data came from the U.S. The analysis was done in Europe."))
                .containsExactly("The data came from the U.S.", "The analysis was done in Europe.");
        assertThat(split("Most of it is in the U.K. It was moved in 2020. See the U.S. Department of State and "
                + "the U.S.A. and Canada."))
                .containsExactly("Most of it is in the U.K.", "It was moved in 2020.",
                        "See the U.S. Department of State and the U.S.A. and Canada.");
    }
}
