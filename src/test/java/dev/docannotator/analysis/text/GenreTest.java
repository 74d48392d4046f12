package dev.docannotator.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GenreTest {

    @Test
    void aLicenceIsLegalAndAReadmeIsNot() {
        String licence = "The Licensor hereby grants the Licensee a licence, subject to Section 4; the Licensee shall "
                + "indemnify the Licensor. ".repeat(10) + "The warranty is disclaimed. ".repeat(5);
        String readme = "Install the package, run the tool and read the manual before you change the settings. ".repeat(10);

        assertThat(Genre.of(licence)).isEqualTo(Genre.LEGAL);
        assertThat(Genre.of(readme)).isNotEqualTo(Genre.LEGAL);
    }

    @Test
    void aReadmeIsTechnicalDocumentationButAProposalAboutSoftwareIsAPlan() {
        String readme = "Installation\nRun ./configure, then make and make install. Some systems need the --prefix "
                + "option. If a test fails, report the bug to the mailing list with the version of the compiler and "
                + "the output of make check. The source code of the library is in the src directory; the scripts "
                + "in tests/ run every command of the program against sample files.";
        String proposal = "Migration Proposal\nWe propose to move the customer portal to the new platform in spring. "
                + "We will install the new version of the software on three servers and copy the files in the first "
                + "week. The budget covers two engineers; we expect the migration to finish before the deadline in "
                + "May, and we will report to the steering group every month on the schedule and the costs.";
        String story = "The old harbour town was quiet in the winter. Fishermen mended their nets on the quay while "
                + "the gulls argued over the scraps, and in the evenings the lights of the tavern glowed across the "
                + "water until the last of the boats came home.";

        assertThat(Genre.of(readme)).isEqualTo(Genre.TECHNICAL);
        assertThat(Genre.of(proposal)).isEqualTo(Genre.GENERAL);
        assertThat(Genre.of(story)).isEqualTo(Genre.GENERAL);
    }

    @Test
    void aSpecificationThatStatesRequirementsIsNotDocumentationInEitherLanguage() {
        StringBuilder spec = new StringBuilder("# Upload service\n\n");
        StringBuilder zh = new StringBuilder("上传服务\n\n");
        for (int i = 1; i <= 30; i++) {
            spec.append("Requirement ").append(i).append(": uploads are stored in the data directory of the server.\n");
            zh.append("需求").append(i).append("：上传的文件保存在服务器的数据目录中，程序在安装后读取配置文件和命令行选项。\n");
        }

        assertThat(Genre.of(spec.toString())).isEqualTo(Genre.GENERAL);
        assertThat(Genre.of(zh.toString())).isEqualTo(Genre.GENERAL);
    }

    @Test
    void countsTheMarkersAScanOfEveryPositionWouldCount() {
        String[] pieces = {"shall", "Shall", "hereby", "licence", "licensed", "license", "warranties", "section",
            "Section 12", " ", "  ", "\n", "_", "a", "9", "x", ".", "-", "§", "本法", "第十条", "第", "应当", "甲方", "乙方",
            "违约", "本", "indemnification", "ish", "pre", "é", "statutory", "regulation", "liabilities"};
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(25);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = text.toString();
            assertThat(Genre.countMarkers(s)).as(s).isEqualTo(Genre.countMarkersByFind(s));
        }
    }

    @Test
    void aManualPageIsKnownByItsSectionHeadingsInEitherLanguage() {
        String manual = "TAR(1)    GNU TAR Manual    TAR(1)\nNAME\n       tar - an archiving utility\nSYNOPSIS\n"
                + "       tar -c [-f ARCHIVE] [OPTIONS] [FILE...]\nDESCRIPTION\n       GNU tar saves many files together.";
        String chinese = "PASSWD(1)    用户命令    PASSWD(1)\n名称\n       passwd - 更改用户密码\n大纲\n       passwd [选项] [LOGIN]\n"
                + "描述\n       passwd 命令更改用户账户的密码。";
        String readme = "NAME of the project is chosen later.\nThe DESCRIPTION field of the form is optional.";

        assertThat(Genre.of(manual)).isEqualTo(Genre.MANUAL);
        assertThat(Genre.of(chinese)).isEqualTo(Genre.MANUAL);
        assertThat(Genre.of(readme)).isEqualTo(Genre.GENERAL);
    }

    @Test
    void theMarksOfSoftwareAreItsWordsOptionsPathsAndFileNamesNotOrdinaryChinese() {
        // a README's sentence: ./ and configure, --prefix, /usr, install, INSTALL.md, source code over a line break;
        // not "on-line" or "re-run" (a hyphen inside a word is no option)
        assertThat(SoftwareVocabulary.count("Run ./configure --prefix=/usr/local, then make install (see INSTALL.md). "
                + "The source\ncode is on-line; re-run it.")).isEqualTo(7);
        // 文件 and 程序 are also a document and a procedure: a government notice is not documentation of software
        assertThat(SoftwareVocabulary.count("根据文件要求，按程序办理。")).isZero();
        assertThat(SoftwareVocabulary.count("安装软件包后运行命令，并查看选项。")).isEqualTo(4);
    }

    /** The Artistic License's opening, in its plain words (~9 legal markers per thousand, under the 12 of GPL-style text). */
    private static final String ARTISTIC_BODY = String.join("\n",
            "Preamble",
            "The intent of this document is to state the conditions under which a Package may be copied, such that the "
                    + "Copyright Holder maintains some semblance of artistic control over the development of the "
                    + "package, while giving the users of the package the right to use and distribute the Package in "
                    + "a more-or-less customary fashion, plus the right to make reasonable modifications.",
            "\"Package\" refers to the collection of files distributed by the Copyright Holder, and derivatives of that "
                    + "collection of files created through textual modification. You may make and give away verbatim "
                    + "copies of the source form of the Standard Version of this Package without restriction, "
                    + "provided that you duplicate all of the original copyright notices and associated disclaimers.",
            "You may apply bug fixes, portability fixes and other modifications derived from the Public Domain or from "
                    + "the Copyright Holder. A Package modified in such a way shall still be considered the Standard "
                    + "Version. The name of the Copyright Holder may not be used to endorse or promote products "
                    + "derived from this software without specific prior written permission.",
            "You may otherwise modify your copy of this Package in any way, provided that you insert a prominent "
                    + "notice in each changed file stating how and when you changed that file, and provided that you "
                    + "do at least ONE of the following: place your modifications in the Public Domain or otherwise "
                    + "make them Freely Available, such as by posting said modifications to Usenet or an equivalent "
                    + "medium, or placing the modifications on a major archive site such as ftp.uu.net, or by allowing "
                    + "the Copyright Holder to include your modifications in the Standard Version of the Package.",
            "You may distribute the programs of this Package in object code or executable form, provided that you do "
                    + "at least ONE of the following: distribute a Standard Version of the executables and library "
                    + "files, together with instructions (in the manual page or equivalent) on where to get the "
                    + "Standard Version, or accompany the distribution with the machine-readable source of the "
                    + "Package with your modifications, or give non-standard executables non-standard names, and "
                    + "clearly document the differences in manual pages (or equivalent), together with instructions "
                    + "on where to get the Standard Version.",
            "THIS PACKAGE IS PROVIDED \"AS IS\" AND WITHOUT ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, WITHOUT "
                    + "LIMITATION, THE IMPLIED WARRANTIES OF MERCHANTIBILITY AND FITNESS FOR A PARTICULAR PURPOSE.");

    @Test
    void aLicenceInPlainWordsIsLegalByItsTitleButAReadmeThatNamesItsLicenceIsNot() {
        // below the density of legal words on its own: what its title says decides
        assertThat(Genre.of(ARTISTIC_BODY)).isNotEqualTo(Genre.LEGAL);
        assertThat(Genre.of("\t\t\t The \"Artistic License\"\n\n" + ARTISTIC_BODY)).isEqualTo(Genre.LEGAL);
        assertThat(Genre.of("# Mozilla Public License Version 2.0\n" + ARTISTIC_BODY)).isEqualTo(Genre.LEGAL);
        assertThat(Genre.of("==========================\n GNU GENERAL PUBLIC LICENSE\n" + ARTISTIC_BODY))
                .isEqualTo(Genre.LEGAL); // a rule of signs above the title is no line with words
        // control: a README titled by its program, with a licence section and the same words of software
        String readme = String.join("\n", "libfoo 1.2",
                ("Installation: run ./configure, then make and make install. The configure script accepts --prefix to "
                        + "choose the directory for the library, its header files and the command-line tools. "
                        + "If a test fails, report the bug to the mailing list with the output of make check. ")
                        .repeat(8),
                "License",
                "libfoo is free software, distributed under the Artistic License; see the file COPYING. There is NO "
                        + "WARRANTY, to the extent permitted by law. The source code of the library is in src/, "
                        + "and the scripts in tests/ run every command of the program against sample files.");
        assertThat(Genre.hasLicenceTitle(readme)).isFalse();
        assertThat(Genre.of(readme)).isEqualTo(Genre.TECHNICAL);
        // a title alone is not enough: a short note on a licence manager's command has few legal words
        assertThat(Genre.of("License\n" + ("Run the tool with --list to see the keys installed in the directory of "
                + "the program; the command prints one line per file and option. ").repeat(12)))
                .isEqualTo(Genre.TECHNICAL);
    }
}
