package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.Check;
import java.util.List;
import org.junit.jupiter.api.Test;

class LongSentenceCheckTest {

    @Test
    void englishWordsAndAddressesInAChineseSentenceCountAsOneEachNotLetterByLetter() {
        String sectionNames = "小节名称通常包括 NAME, 概述(SYNOPSIS), 配置(CONFIGURATION), 描述(DESCRIPTION), 选项(OPTIONS), "
                + "退出状态(EXIT STATUS), 返回值(RETURN VALUE), 错误(ERRORS), 环境(ENVIRONMENT), 文件(FILES), 版本(VERSIONS), "
                + "符合标准(CONFORMING TO), 注(NOTES), 缺陷(BUGS), 示例(EXAMPLE), 作者(AUTHORS), 和 亦见(SEE ALSO).";
        String history = "1992年12月23日: Rik Faith (faith@cs.unc.edu) 应用了 Willem Kasdorp (wkasdo@nikhefk.nikef.nl) 提供的 bug 补丁。";
        String longOne = "如果您编写手册页时只是不希望 nroff 在某个位置不恰当地断字，不要使用此选项，而应查阅 nroff 文档中的相关方法；"
                + "例如，您可以在单词中插入“\\%”来指示该位置可以断字，或在单词开头插入“\\%”来阻止对它断字。";

        List<Annotation> found = run(Check.LONG_SENTENCE, sectionNames, history, longOne);

        assertThat(quotes(found)).containsExactly(longOne);
    }

    @Test
    void hiddenFunctionNamesAndOptionsCountAsWordsButASynopsisIsNoSentence() {
        // zlib's FAQ: 44 words as a reader counts them, 40 when sprintf() and the other calls counted as none
        String zlib = "If zlib is compiled to use sprintf() or vsprintf(), then there is no protection against a buffer "
                + "overflow of an 8K string space (or other value as set by gzbuffer()), other than the caller of "
                + "gzprintf() assuring that the output will not exceed 8K.";
        // ssh(1)'s synopsis, one "sentence" of options and placeholders
        String synopsis = "ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address] [-c cipher_spec] "
                + "[-D [bind_address:]port] [-E log_file] [-e escape_char] [-F configfile] [-I pkcs11] "
                + "[-i identity_file] [-J destination] [-L address] [-l login_name] [-m mac_spec] [-O ctl_cmd] "
                + "[-o option] [-P tag] [-p port] [-R address] [-S ctl_path] [-W host:port] destination [command]";

        assertThat(quotes(run(Check.LONG_SENTENCE, zlib, synopsis))).containsExactly(zlib);
    }

    @Test
    void creditsAfterAColonAreAListOfNamesButASentenceListingThingsIsProse() {
        // Python's Unicode HOWTO: 43 words, 35 of them names; the same length in prose is still reported
        String credits = "Thanks to the following people who have noted errors or offered suggestions on this article: "
                + "Éric Araujo, Nicholas Bastin, Nick Coghlan, Marius Gedminas, Kent Johnson, Ken Krugler, Marc-André "
                + "Lemburg, Martin von Löwis, Terry J. Reedy, Serhiy Storchaka, Eryk Sun, Chad Whitacre, Graham Wideman.";
        String prose = "The release adds three things that users asked for: faster start-up on machines with many "
                + "cores, a configuration file that can be reloaded without a restart, and clearer error messages "
                + "when a plugin fails to load or a dependency is missing.";

        assertThat(quotes(run(Check.LONG_SENTENCE, credits, prose))).containsExactly(prose);
    }

    @Test
    void aListOfVersionsRunInAsOneSentenceIsNoProseButARealSeriesIs() {
        // Debian's constitution, under its title
        String versions = "Supersedes Version 1.8 ratified on January 28th, 2022, Version 1.7 ratified on August 14th, "
                + "2016, Version 1.6 ratified on December 13th, 2015, Version 1.5 ratified on January 9th, 2015, "
                + "Version 1.4 ratified on October 7th, 2007, Version 1.3 ratified on September 24th, 2006, and "
                + "Version 1.0 ratified on December 2nd, 1998.";
        // Debian's history: releases named in running prose, most of it not a list
        String prose = "Debian 2.2 was released in August 2000 for six architectures, and while Debian 2.1 had "
                + "introduced the new package tools that developers had wanted for years, Debian 2.2 brought the "
                + "installer that users remember, although Debian 3.0 would take two more years to appear after "
                + "that.";

        assertThat(quotes(run(Check.LONG_SENTENCE, versions, prose))).containsExactly(prose);
    }

    @Test
    void chineseLengthCountsCharactersAndForeignWords() {
        assertThat(LongSentenceCheck.chineseLength("使用 UTF-8 编码的 man-pages(7) 手册。")).isEqualTo(2 + 1 + 3 + 1 + 1 + 2);
    }

    @Test
    void aSentenceLongOnlyByItsInlineFormulasIsNotLongButALongOneWithAFormulaIs() {
        String conditions = "Consequently, for the system to remain stable, one of the following combinations of the "
                + "snap-down and release voltages for C2 must hold: (𝑉1, 𝑉5, 𝑉3, 𝑉7), (𝑉1, 𝑉5, 𝑉3, 𝑉8), "
                + "(𝑉1, 𝑉6, 𝑉3, 𝑉8), (𝑉2, 𝑉5, 𝑉3, 𝑉7), (𝑉2, 𝑉5, 𝑉3, 𝑉8) and (𝑉2, 𝑉6, 𝑉4, 𝑉8).";
        String longOne = "As it can be seen, the system needs a control voltage bandwidth of order 𝑛 but as compared to "
                + "the earlier design (which could control one robot at a time), it can control and maneuver two robots "
                + "simultaneously, which results in a time efficient and also reconfigurable system.";

        List<Annotation> found = run(Check.LONG_SENTENCE, conditions, longOne);

        assertThat(quotes(found)).containsExactly(longOne);
    }

    @Test
    void twoSentencesOfAManualPageAreNotReadAsOneAfterANameWithDigitsOrAQuotedLiteral() {
        // find(1): each block is two sentences under the limit (35 + 15 and 21 + 35 words)
        String types = "The valid filesystem types vary among different versions of Unix; an incomplete list of "
                + "filesystem types that are accepted on some version of Unix or another is: ufs, 4.2, 4.3, nfs, tmp, "
                + "mfs, S51K, S52K.   You can use -printf with the %F directive to see the types of your filesystems.";
        String exec = "All following arguments to find are taken to be arguments to the command until an argument "
                + "consisting of `;' is encountered.  The  string  `{}' is  replaced by the current file name being "
                + "processed everywhere it occurs in the arguments to the command, not just in arguments where  it  "
                + "is alone, as in some versions of find.";

        assertThat(run(Check.LONG_SENTENCE, types, exec)).isEmpty();
    }
}
