package dev.docannotator.document.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.document.BlockKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextLayoutTest {

    private static List<String> texts(TextLayout.Laid laid) {
        return laid.blocks().stream().map(TextLayout.Block::text).toList();
    }

    private static List<BlockKind> kinds(TextLayout.Laid laid) {
        return laid.blocks().stream().map(TextLayout.Block::kind).toList();
    }

    @Test
    void hardWrappedLinesOfAPlainTextLicenceBecomeParagraphs() {
        String licence = """
                MIT License

                Permission is hereby granted, free of charge, to any person obtaining a copy
                of this software and associated documentation files (the "Software"), to deal
                in the Software without restriction, including without limitation the rights
                to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
                copies of the Software.

                The above copyright notice and this permission notice shall be included in all
                copies or substantial portions of the Software.
                """;
        TextLayout.Laid laid = TextLayout.layout(licence, false);

        assertThat(texts(laid)).containsExactly("MIT License",
                "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and "
                        + "associated documentation files (the \"Software\"), to deal in the Software without restriction, "
                        + "including without limitation the rights to use, copy, modify, merge, publish, distribute, "
                        + "sublicense, and/or sell copies of the Software.",
                "The above copyright notice and this permission notice shall be included in all copies or substantial "
                        + "portions of the Software.");
        assertThat(laid.text()).isEqualTo(String.join("\n", texts(laid)));
    }

    @Test
    void aListItemsTitleOverItsTextIsAHeadingButAWrappedFirstLineIsNot() {
        // Debian's social contract: each guideline's title stands on the item's first line, its text under it
        String contract = """
                    3. Derived Works
                       The license must allow modifications and derived works, and must
                       allow them to be distributed under the same terms as the license of
                       the original software.
                    4. Integrity of The Author's Source Code
                       The license may restrict source-code from being distributed in
                       modified form only if the license allows the distribution of "patch
                       files" with the source code.
                    5. The license must not discriminate against any person or group of
                       Persons, and it must be applied without restriction.
                """;
        TextLayout.Laid laid = TextLayout.layout(contract, false);

        assertThat(texts(laid)).containsExactly("Derived Works",
                "The license must allow modifications and derived works, and must allow them to be distributed under "
                        + "the same terms as the license of the original software.",
                "Integrity of The Author's Source Code",
                "The license may restrict source-code from being distributed in modified form only if the license "
                        + "allows the distribution of \"patch files\" with the source code.",
                "The license must not discriminate against any person or group of Persons, and it must be applied "
                        + "without restriction.");
        assertThat(kinds(laid)).containsExactly(BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.HEADING,
                BlockKind.LIST_ITEM, BlockKind.LIST_ITEM);
    }

    @Test
    void hashesRightBeforeAWordMarkAHeadingAsKramdownReadsThemButOneHashIsAHashtag() {
        // GOV.UK's service manual: "###How digital take-up users are different…" is a heading, not the first words of
        // the paragraph under it
        String md = "###How digital take-up users are different\n\nUnlike users who need support, they can use online"
                + " services.\n\n#MissionControl is our channel.\n";
        TextLayout.Laid laid = TextLayout.layout(md, true);

        assertThat(texts(laid)).containsExactly("How digital take-up users are different",
                "Unlike users who need support, they can use online services.", "#MissionControl is our channel.");
        assertThat(kinds(laid)).containsExactly(BlockKind.HEADING, BlockKind.PROSE, BlockKind.PROSE);
    }

    @Test
    void aTwoColumnFileListWithAWrappedDescriptionAndRowsAsWideAsTheTextIsATable() {
        // XZ Utils' README: its lines run to column 70, and so do two rows of the list of files
        String readme = """
                    The following files are in the top-level directory of the source tree of
                    XZ Utils, which the packagers of distributions read before anything else.

                    AUTHORS             The main authors of XZ Utils
                    THANKS              Incomplete list of people who have helped making
                                        this software
                    NEWS                User-visible changes between XZ Utils releases
                    TODO                Known bugs and some sort of to-do list
                """;
        TextLayout.Laid laid = TextLayout.layout(readme, false);

        assertThat(texts(laid)).containsExactly("The following files are in the top-level directory of the source "
                        + "tree of XZ Utils, which the packagers of distributions read before anything else.",
                "AUTHORS", "The main authors of XZ Utils", "THANKS",
                "Incomplete list of people who have helped making this software", "NEWS",
                "User-visible changes between XZ Utils releases", "TODO", "Known bugs and some sort of to-do list");
        assertThat(kinds(laid).subList(1, 9)).containsOnly(BlockKind.TABLE_CELL);
    }

    @Test
    void restructuredTextLiteralBlocksAndCodeDirectivesAreCode() {
        // Python's Unicode HOWTO, read as plain text: "::" and ".. code-block::" open code, blank lines and all
        String rst = """
                The following examples show the differences::

                    >>> print(repr(s))
                    'blah blah'

                    >>> len(s)
                    9

                The result is shown in memory as follows:

                .. code-block:: none

                       P           y           t           h
                    0x50 00 00 00 79 00 00 00 74 00 00 00 68 00 00 00

                This representation is straightforward but wastes space.
                """;
        TextLayout.Laid laid = TextLayout.layout(rst, false);

        assertThat(texts(laid)).containsExactly("The following examples show the differences::",
                ">>> print(repr(s))", "'blah blah'", ">>> len(s)", "9",
                "The result is shown in memory as follows:", ".. code-block:: none",
                "P           y           t           h", "0x50 00 00 00 79 00 00 00 74 00 00 00 68 00 00 00",
                "This representation is straightforward but wastes space.");
        assertThat(kinds(laid)).containsExactly(BlockKind.PROSE, BlockKind.CODE, BlockKind.CODE, BlockKind.CODE,
                BlockKind.CODE, BlockKind.PROSE, BlockKind.CODE, BlockKind.CODE, BlockKind.CODE, BlockKind.PROSE);

        // a note's body is the author's prose; a code directive's options belong to it
        String directives = """
                .. note::

                   The settings file is read once at start-up.

                .. code-block:: python
                   :caption: settings.py
                   :linenos:

                   TIMEOUT = 30
                """;
        TextLayout.Laid other = TextLayout.layout(directives, false);
        assertThat(texts(other)).containsExactly(".. note::", "The settings file is read once at start-up.",
                ".. code-block:: python", ":caption: settings.py", ":linenos:", "TIMEOUT = 30");
        assertThat(kinds(other)).containsExactly(BlockKind.CODE, BlockKind.PROSE, BlockKind.CODE, BlockKind.CODE,
                BlockKind.CODE, BlockKind.CODE);
    }

    @Test
    void aMarkdownBlockQuotationIsQuotedWordsButANoteSetOffTheSameWayIsTheAuthors() {
        // Rust RFC 1824 quotes its survey's answers between rules; a README sets off its own warnings with ">" too,
        // and a lone call-out is the author's (the release notes of markdownBlocksKeepTheirKindsAndLoseTheirMarkers)
        String md = """
                #### Easy to use

                > Is there a README? Does it give me example usage of the library?
                > Does the documentation appear to be up to date?

                -----

                > I want more than "check the docs" in a readme in regards to getting started.

                > **Note:** the survey closed in January, so newer crates are missing.

                We read every answer twice.

                > Answers after the deadline were not counted.
                """;
        TextLayout.Laid laid = TextLayout.layout(md, true);

        assertThat(texts(laid)).containsExactly("Easy to use",
                "Is there a README? Does it give me example usage of the library? Does the documentation appear to be "
                        + "up to date?",
                "I want more than \"check the docs\" in a readme in regards to getting started.",
                "**Note:** the survey closed in January, so newer crates are missing.",
                "We read every answer twice.", "Answers after the deadline were not counted.");
        assertThat(kinds(laid)).containsExactly(BlockKind.HEADING, BlockKind.QUOTATION, BlockKind.QUOTATION,
                BlockKind.PROSE, BlockKind.PROSE, BlockKind.PROSE);

        // two call-outs in a row are the author's; answers after a colon are quoted, "Important for me" among them
        String readme = """
                > This project is in maintenance mode.

                > Use the new library instead.

                What respondents told us:

                > Important for me is the documentation.
                """;
        assertThat(kinds(TextLayout.layout(readme, true))).containsExactly(BlockKind.PROSE, BlockKind.PROSE,
                BlockKind.PROSE, BlockKind.QUOTATION);
    }

    @Test
    void aMarkdownParagraphThatIsOnlyALinkCitesAnotherWorkButALinkedListItemIsTheAuthors() {
        // the fourteenth unseen set's further reading, whose titles held a "half a year" and a "ServiceMesh" nobody
        // should be asked to change; a release's list of features names them as its author writes them
        String md = """
                ## 本周推荐阅读

                [顺丰科技 Service Mesh：落地半年，最初目标已经实现
                ](http://mp.weixin.qq.com/s?__biz=MzUzMzU5)

                **[https://github.com/mosn/mosn](https://github.com/mosn/mosn)**

                [Service mesh](https://en.wikipedia.org/wiki/Service_mesh_(networking) "Wikipedia")

                See [the guide](https://example.org/guide) before you start.

                - [WebAssembly Tail Call](https://chromestatus.com/feature/5423405012615168)
                """;

        assertThat(kinds(TextLayout.layout(md, true))).containsExactly(BlockKind.HEADING, BlockKind.REFERENCE,
                BlockKind.REFERENCE, BlockKind.REFERENCE, BlockKind.PROSE, BlockKind.LIST_ITEM);
        assertThat(kinds(TextLayout.layout(md, false))).doesNotContain(BlockKind.REFERENCE);
    }

    @Test
    void aCellWrappedUnderAnEarlierColumnIsNotGluedToTheRowsLastCell() {
        String fields = """
                    Field     Type        Meaning
                    id        unsigned    The identifier of the record.
                              integer
                    name      text        The name shown to people.
                """;
        TextLayout.Laid laid = TextLayout.layout(fields, false);

        assertThat(texts(laid)).containsExactly("Field", "Type", "Meaning", "id", "unsigned",
                "The identifier of the record.", "integer", "name", "text", "The name shown to people.");
        assertThat(kinds(laid)).containsOnly(BlockKind.TABLE_CELL);
    }

    @Test
    void manPageSectionsAreHeadingsAndIndentedParagraphsAreJoined() {
        String man = """
                NAME
                       ls - list directory contents

                DESCRIPTION
                       List  information  about  the FILEs (the current directory by default).  Sort entries
                       alphabetically if none of -cftuvSUX nor --sort is specified.

                       Mandatory arguments to long options are mandatory for short options too.
                """;
        TextLayout.Laid laid = TextLayout.layout(man, false);

        assertThat(texts(laid)).containsExactly("NAME", "ls - list directory contents", "DESCRIPTION",
                "List  information  about  the FILEs (the current directory by default).  Sort entries alphabetically "
                        + "if none of -cftuvSUX nor --sort is specified.",
                "Mandatory arguments to long options are mandatory for short options too.");
        assertThat(kinds(laid)).containsExactly(BlockKind.HEADING, BlockKind.PROSE, BlockKind.HEADING,
                BlockKind.PROSE, BlockKind.PROSE);
    }

    @Test
    void endOfLineHyphensAreUndoneUnlessTheDocumentWritesTheCompoundElsewhere() {
        String text = """
                Employers must report the amount of federal income tax with-
                holding on each payment, and send the notice by e-
                mail or by post. Write e-mail, not email, in the form.
                """;
        TextLayout.Laid laid = TextLayout.layout(text, false);

        assertThat(texts(laid)).containsExactly("Employers must report the amount of federal income tax withholding on "
                + "each payment, and send the notice by e-mail or by post. Write e-mail, not email, in the form.");
    }

    @Test
    void groffLineEndHyphensAndCapitalsBrokenAtTheLineEndAreUndoneToo() {
        // as grep(1) and ls(1) are rendered by man: U+2010 at groff's own breaks, real compounds written with it too
        String man = """
                DESCRIPTION
                       Search for lines containing “f” and ending in “.c”, within all files in the current  di‐
                       rectory whose names contain “g”.  The TIME_STYLE environment vari‐
                       able sets the default style.  If  FORMAT  is  FOR‐
                       MAT1<newline>FORMAT2, then FORMAT1 applies to older files.  Give the command‐
                       line options first; a command‐line option wins over the environment.
                """;
        TextLayout.Laid laid = TextLayout.layout(man, false);

        assertThat(texts(laid)).containsExactly("DESCRIPTION", "Search for lines containing “f” and ending in “.c”, "
                + "within all files in the current  directory whose names contain “g”.  The TIME_STYLE environment "
                + "variable sets the default style.  If  FORMAT  is  FORMAT1<newline>FORMAT2, then FORMAT1 applies to "
                + "older files.  Give the command\u2010line options first; a command\u2010line option wins over the "
                + "environment.");
    }

    @Test
    void aSentenceEndingShortOfTheWrapWidthOrAChangeOfIndentationEndsAParagraph() {
        String text = """
                This agreement starts on the day both parties sign it and continues for one year
                unless either party ends it earlier.
                Payment is due within thirty days of each invoice, and late payments carry
                interest at the statutory rate.
                    The supplier may suspend the service after a second reminder has been sent
                and remained unanswered for fourteen days.
                """;
        TextLayout.Laid laid = TextLayout.layout(text, false);

        assertThat(texts(laid)).containsExactly(
                "This agreement starts on the day both parties sign it and continues for one year unless either party ends it earlier.",
                "Payment is due within thirty days of each invoice, and late payments carry interest at the statutory rate.",
                "The supplier may suspend the service after a second reminder has been sent and remained unanswered for fourteen days.");
    }

    @Test
    void aManualsOptionLineIsNotJoinedWithTheDescriptionIndentedUnderIt() {
        String man = """
                OPTIONS
                       -q, --brief
                              report only when files differ

                       -E 编码, --encoding=编码
                              生成对应字符编码的输出，而非默认编码。为向后兼容，编码
                              可以是 nroff 设备，如 ascii、latin1 或 utf8，也可以是实际的字符编码如 UTF-8。
                """;
        TextLayout.Laid laid = TextLayout.layout(man, false);

        assertThat(texts(laid)).containsExactly("OPTIONS", "-q, --brief", "report only when files differ",
                "-E 编码, --encoding=编码",
                "生成对应字符编码的输出，而非默认编码。为向后兼容，编码可以是 nroff 设备，如 ascii、latin1 或 utf8，也可以是实际的字符编码如 UTF-8。");
    }

    @Test
    void alignedColumnsOfAPlainTextTableAreCellsButAJustifiedParagraphIsProse() {
        String man = """
                       下表显示了手册的 章节 号及其包含的手册页类型。

                       1   可执行程序或 shell 命令
                       2   系统调用(内核提供的函数)
                       3   库调用(程序库中的函数)

                              描述           八进制   latin1   ascii
                              ───────────────────────────────────────
                              连字符          255       ‐        -
                              乘号            327       ×        x

                              如果      latin1       列显示正确，您的终端可能作了       latin1
                              字符设置，此选项将不需要。如果       latin1       和       ascii
                              列一样，那么您正在使用此选项阅读本手册页，或 man  未使用  latin1
                              设备描述来格式化此页。如果                                latin1
                              列缺损，您可能要使用此选项来查看手册页。
                """;
        TextLayout.Laid laid = TextLayout.layout(man, false);

        assertThat(texts(laid)).containsExactly("下表显示了手册的 章节 号及其包含的手册页类型。",
                "1", "可执行程序或 shell 命令", "2", "系统调用(内核提供的函数)", "3", "库调用(程序库中的函数)",
                "描述", "八进制", "latin1", "ascii", "连字符", "255", "‐", "-", "乘号", "327", "×", "x",
                "如果      latin1       列显示正确，您的终端可能作了       latin1 字符设置，此选项将不需要。如果       latin1       和       ascii "
                        + "列一样，那么您正在使用此选项阅读本手册页，或 man  未使用  latin1 设备描述来格式化此页。如果                                latin1 "
                        + "列缺损，您可能要使用此选项来查看手册页。");
        assertThat(kinds(laid).subList(1, 19)).containsOnly(BlockKind.TABLE_CELL);
        assertThat(kinds(laid).get(19)).isEqualTo(BlockKind.PROSE);
    }

    @Test
    void aCommandSetOffUnderTheSentenceIntroducingItIsCode() {
        String man = """
                       -E, --expiredate EXPIRE_DATE
                           For example the following can be used to set an account to expire
                           in 180 days:

                                   chage -E $(date -d +180days +%Y-%m-%d)

                           Passing the number -1 as the EXPIRE_DATE will remove an account
                           expiration date.
                """;
        TextLayout.Laid laid = TextLayout.layout(man, false);

        assertThat(texts(laid)).containsExactly("-E, --expiredate EXPIRE_DATE",
                "For example the following can be used to set an account to expire in 180 days:",
                "chage -E $(date -d +180days +%Y-%m-%d)",
                "Passing the number -1 as the EXPIRE_DATE will remove an account expiration date.");
        assertThat(kinds(laid)).containsExactly(BlockKind.PROSE, BlockKind.PROSE, BlockKind.CODE, BlockKind.PROSE);
    }

    @Test
    void aTerminalSessionUnderAnExamplesHeadingIsCodeNotOneLongSentence() {
        String man = """
                EXAMPLES
                         $ wc -l notes.txt
                         42 notes.txt
                         $ wc -w --total=only notes.txt todo.txt
                         1290
                         $ wc missing.txt
                         wc: missing.txt: No such file or directory

                SEE ALSO
                       The full documentation costs $ 30 in print and is
                       free online.
                """;
        TextLayout.Laid laid = TextLayout.layout(man, false);

        assertThat(kinds(laid)).containsExactly(BlockKind.HEADING, BlockKind.CODE, BlockKind.CODE, BlockKind.CODE,
                BlockKind.CODE, BlockKind.CODE, BlockKind.CODE, BlockKind.HEADING, BlockKind.PROSE);
        assertThat(texts(laid)).contains("$ wc -w --total=only notes.txt todo.txt",
                "The full documentation costs $ 30 in print and is free online.");
    }

    @Test
    void aTerminalSessionInAChineseManualPageIsCodeButADollarSignEndingAWrappedLineIsNot() {
        String man = """
                示例
                         $ wc -l 笔记.txt
                         42 笔记.txt
                         $ wc 不存在.txt
                         wc: 不存在.txt: 没有那个文件或目录

                描述
                       提示字符串中的美元符号须以
                       $ 结束，后面还可以跟其他选项。
                """;
        TextLayout.Laid laid = TextLayout.layout(man, false);

        assertThat(kinds(laid)).containsExactly(BlockKind.HEADING, BlockKind.CODE, BlockKind.CODE, BlockKind.CODE,
                BlockKind.CODE, BlockKind.HEADING, BlockKind.PROSE);
        assertThat(texts(laid)).contains("提示字符串中的美元符号须以 $ 结束，后面还可以跟其他选项。");
    }

    @Test
    void theRunsOfSpacesOfAJustifiedParagraphAreNotColumnsEvenWhenTheyHappenToLineUp() {
        String man = """
                              See  the  Select  Graphic  Rendition  (SGR)   section   in   the
                              documentation  of  the  text terminal that is used for permitted
                              values  and  their  meaning  as  character  attributes.    These
                              substring  values are integers in decimal representation and can
                              be concatenated with semicolons.  grep takes care of  assembling
                """;
        TextLayout.Laid laid = TextLayout.layout(man, false);

        assertThat(kinds(laid)).containsExactly(BlockKind.PROSE);
        assertThat(texts(laid).get(0)).startsWith("See  the  Select  Graphic  Rendition  (SGR)   section");
    }

    @Test
    void aManualPagesRunningHeaderAndFooterArePageFurniture() {
        String man = """
                GREP(1)                          User Commands                         GREP(1)

                NAME
                       grep - print lines that match patterns

                GNU grep 3.8                      2019-12-29                           GREP(1)
                """;
        TextLayout.Laid laid = TextLayout.layout(man, false);

        assertThat(kinds(laid)).containsExactly(BlockKind.FURNITURE, BlockKind.HEADING, BlockKind.PROSE,
                BlockKind.FURNITURE);
    }

    @Test
    void listItemsAreBlocksOfTheirOwnWithTheirContinuationLines() {
        String text = """
                Before you install the package, check the following:
                  - the server runs Debian 12 or later and has at least
                    two gigabytes of free memory;
                  - port 7070 is free.
                1. Download the archive.
                2. Unpack it in /opt.
                """;
        TextLayout.Laid laid = TextLayout.layout(text, false);

        assertThat(texts(laid)).containsExactly("Before you install the package, check the following:",
                "the server runs Debian 12 or later and has at least two gigabytes of free memory;",
                "port 7070 is free.", "Download the archive.", "Unpack it in /opt.");
        assertThat(kinds(laid)).containsExactly(BlockKind.PROSE, BlockKind.LIST_ITEM, BlockKind.LIST_ITEM,
                BlockKind.LIST_ITEM, BlockKind.LIST_ITEM);
    }

    @Test
    void anEnumerationRunningInsideASentenceIsNotCutWhereAWrapPutsAnItemAtALineStart() {
        // wrapped at 60 columns, the third item of an inline enumeration lands at a line start
        String text = """
                "Affiliate" means any company that, directly or through one
                or more intermediaries, (i) holds the power to direct the
                management of the Supplier, or (ii) owns more than half of
                its voting shares, or
                (iii) is under common control with it.

                The Supplier shall:
                (a) keep the records for six years; and
                (b) give the Customer access to them on request.
                """;
        TextLayout.Laid laid = TextLayout.layout(text, false);

        assertThat(texts(laid)).containsExactly("\"Affiliate\" means any company that, directly or through one or "
                        + "more intermediaries, (i) holds the power to direct the management of the Supplier, or (ii) owns "
                        + "more than half of its voting shares, or (iii) is under common control with it.",
                "The Supplier shall:", "keep the records for six years; and",
                "give the Customer access to them on request.");
        assertThat(kinds(laid)).containsExactly(BlockKind.PROSE, BlockKind.PROSE, BlockKind.LIST_ITEM,
                BlockKind.LIST_ITEM);
    }

    @Test
    void aChineseEnumerationRunningInsideASentenceIsNotCutAtALineStartEither() {
        String text = "本协议所称关联方，是指 (1) 直接或间接控制供应商的公司，或 (2) 持有供应商半数以上\n"
                + "有表决权股份的公司，或\n(3) 与供应商同受一方控制的公司。\n";
        TextLayout.Laid laid = TextLayout.layout(text, false);

        assertThat(texts(laid)).containsExactly("本协议所称关联方，是指 (1) 直接或间接控制供应商的公司，或 (2) "
                + "持有供应商半数以上有表决权股份的公司，或 (3) 与供应商同受一方控制的公司。");
        assertThat(kinds(laid)).containsExactly(BlockKind.PROSE);
    }

    @Test
    void aListWrittenOneItemALineIsNotJoinedIntoOneSentence() {
        String readme = """
                BUILDING:
                        The build needs a C compiler, a linker and the tools below. Most distributions ship
                        them as packages of the same name, and the configure script checks for each of them
                        before anything is compiled, so a missing one is reported at once.

                        zlib >= 1.2.11
                        libxml2
                        libpng >= 1.6 (optional)
                        libjpeg (optional)
                        pkg-config
                        meson >= 0.60

                        Linux kernel ≥ 4.4
                        ≥ 4.18 for io_uring support
                        ≥ 5.6 for openat2 and the new mount API
                        ≥ 5.10 for pidfd polling in the event loop and for idmapped mounts on ext4
                """;
        TextLayout.Laid laid = TextLayout.layout(readme, false);

        assertThat(texts(laid)).contains("zlib >= 1.2.11", "libxml2", "libpng >= 1.6 (optional)", "meson >= 0.60",
                "≥ 4.18 for io_uring support", "≥ 5.6 for openat2 and the new mount API",
                "≥ 5.10 for pidfd polling in the event loop and for idmapped mounts on ext4");
        assertThat(texts(laid)).contains("The build needs a C compiler, a linker and the tools below. Most distributions "
                + "ship them as packages of the same name, and the configure script checks for each of them before "
                + "anything is compiled, so a missing one is reported at once.");
    }

    @Test
    void aChineseListWrittenOneItemALineIsNotJoinedEither() {
        String readme = """
                依赖：
                        编译本软件需要一个 C 编译器和下列工具。大多数发行版都以同名软件包提供它们，配置脚本会在编译开始之前逐一检查
                        这些工具是否存在，缺少任何一个都会立即报告，并给出安装所需软件包的命令，以便用户补齐后重新运行。

                        zlib 1.2.11 或更高版本
                        libxml2
                        libpng（可选）
                        pkg-config
                """;
        TextLayout.Laid laid = TextLayout.layout(readme, false);

        assertThat(texts(laid)).contains("zlib 1.2.11 或更高版本", "libxml2", "libpng（可选）", "pkg-config");
        assertThat(texts(laid)).anyMatch(t -> t.startsWith("编译本软件需要") && t.endsWith("以便用户补齐后重新运行。"));
    }

    @Test
    void markdownBlocksKeepTheirKindsAndLoseTheirMarkers() {
        String md = """
                ---
                title: Release notes
                ---
                # Release 2.4 #

                The scheduler now retries failed jobs
                three times before it gives up.

                > Upgrading from 2.2 needs a
                > database migration.

                * **LTS**: Long Term Support
                * Faster start-up

                ```bash
                sudo systemctl restart annotator
                ```

                    export ANNOTATOR_PORT=8080

                | Setting | Default |
                |---------|--------:|
                | port    | 7070    |

                Setup
                =====
                """;
        TextLayout.Laid laid = TextLayout.layout(md, true);

        assertThat(texts(laid)).containsExactly("title: Release notes", "Release 2.4",
                "The scheduler now retries failed jobs three times before it gives up.",
                "Upgrading from 2.2 needs a database migration.", "**LTS**: Long Term Support", "Faster start-up",
                "sudo systemctl restart annotator", "export ANNOTATOR_PORT=8080", "Setting", "Default", "port", "7070",
                "Setup");
        assertThat(kinds(laid)).containsExactly(BlockKind.CODE, BlockKind.HEADING, BlockKind.PROSE, BlockKind.PROSE,
                BlockKind.LIST_ITEM, BlockKind.LIST_ITEM, BlockKind.CODE, BlockKind.CODE, BlockKind.TABLE_CELL,
                BlockKind.TABLE_CELL, BlockKind.TABLE_CELL, BlockKind.TABLE_CELL, BlockKind.HEADING);
    }

    @Test
    void chineseLinesAreJoinedWithoutASpace() {
        String text = "本合同自双方签字之日起生效，\n有效期为一年。\n\nThe English version\nfollows.\n";
        TextLayout.Laid laid = TextLayout.layout(text, false);

        assertThat(texts(laid)).containsExactly("本合同自双方签字之日起生效，有效期为一年。", "The English version follows.");
    }

    @Test
    void everyExtractedOffsetMapsBackToTheSameCharacterOfTheSource() {
        String text = """
                Employers must report the amount of federal income tax with-
                    holding on each payment.

                  - a list item that wraps
                    onto a second line
                """;
        TextLayout.Laid laid = TextLayout.layout(text, false);
        String extracted = laid.text();
        for (int i = 0; i < extracted.length(); i++) {
            char c = extracted.charAt(i);
            int s = laid.map().sourceStart(i);
            int e = laid.map().sourceEnd(i + 1);
            String covered = laid.source().substring(s, e);
            if (c == ' ' || c == '\n') {
                // a gap holds line breaks, indentation and markers, never words
                assertThat(covered).as("gap at %d", i).isNotEmpty().doesNotContainPattern("[\\p{L}\\p{N}]");
            } else {
                assertThat(covered).as("char %d", i).isEqualTo(String.valueOf(c));
            }
        }
        int start = extracted.indexOf("withholding");
        assertThat(laid.source().substring(laid.map().sourceStart(start), laid.map().sourceEnd(start + 11)))
                .isEqualTo("with-\n    holding");
    }

    @Test
    void aManualsSubsectionHeadingIsAHeadingButATermAtTheTextsDepthIsNot() {
        // find(1): "Searching files by age" sits between the section heading and the text; "-name pattern" and
        // "Actions" are terms of definition lists, set at the text's depth over their descriptions
        String man = """
                EXPRESSION
                       An expression is composed of a sequence of things:

                       Actions
                              Actions have side effects (such as  printing  something  on  the
                              standard  output) and return either true or false.

                EXAMPLES
                   Searching files by age
                       •      Search for files in your home directory which have been modified
                              in the last twenty-four hours.

                   “paths must precede expression” error message
                       -name pattern
                              Base of file name matches shell pattern pattern.
                """;
        TextLayout.Laid laid = TextLayout.layout(man, false);

        assertThat(texts(laid)).containsExactly("EXPRESSION", "An expression is composed of a sequence of things:",
                "Actions", "Actions have side effects (such as  printing  something  on  the standard  output) and "
                        + "return either true or false.",
                "EXAMPLES", "Searching files by age", "Search for files in your home directory which have been "
                        + "modified in the last twenty-four hours.",
                "“paths must precede expression” error message", "-name pattern",
                "Base of file name matches shell pattern pattern.");
        assertThat(kinds(laid)).containsExactly(BlockKind.HEADING, BlockKind.PROSE, BlockKind.PROSE, BlockKind.PROSE,
                BlockKind.HEADING, BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.HEADING, BlockKind.PROSE,
                BlockKind.PROSE);
    }

    @Test
    void theFirstLineOfAHangingParagraphWithARunInTermIsNoSubsectionHeading() {
        // "Note:" runs in with a description that wraps to the description's column; read as a subsection heading
        // (short, indented less than the text, capitalised) the first line cut the sentence in two
        String man = """
                DESCRIPTION
                       Prog checks its configuration.

                   Note:  the value is checked at start-up and the program
                          stops when it is negative.
                """;
        TextLayout.Laid laid = TextLayout.layout(man, false);

        assertThat(texts(laid)).containsExactly("DESCRIPTION", "Prog checks its configuration.", "Note:",
                "the value is checked at start-up and the program stops when it is negative.");
        assertThat(kinds(laid)).containsExactly(BlockKind.HEADING, BlockKind.PROSE, BlockKind.PROSE, BlockKind.PROSE);
    }

    @Test
    void aTermRunInWithItsDescriptionOnOneLineIsABlockOfItsOwnAsOnALineOfItsOwn() {
        // find(1): a tagged paragraph's term shorter than the indentation shares the line with its description;
        // read as one block it gave a repeated word "Tests Tests"
        String man = """
                EXPRESSION
                       Tests  Tests return a true or false value, usually on the basis of some
                              property  of a file we are considering.  The -empty test for ex‐
                              ample is true only when the current file is empty.

                       -P     Never  follow  symbolic  links.   This is the default behaviour.
                              When find examines or prints information about  files,  and  the
                              file  is  a  symbolic  link, the information used shall be taken
                              from the properties of the symbolic link itself.

                       -depth Process  each  directory's contents before the directory itself.
                              The -delete action also implies -depth.
                """;
        TextLayout.Laid laid = TextLayout.layout(man, false);

        assertThat(texts(laid)).containsExactly("EXPRESSION", "Tests", "Tests return a true or false value, usually "
                        + "on the basis of some property  of a file we are considering.  The -empty test for example is "
                        + "true only when the current file is empty.",
                "-P", "Never  follow  symbolic  links.   This is the default behaviour. When find examines or prints "
                        + "information about  files,  and  the file  is  a  symbolic  link, the information used shall "
                        + "be taken from the properties of the symbolic link itself.",
                "-depth Process  each  directory's contents before the directory itself.",
                "The -delete action also implies -depth.");
    }
}
