package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.only;
import static dev.docannotator.analysis.AnalysisFixture.runAll;
import static dev.docannotator.analysis.AnalysisFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.DefaultAnalyser;
import dev.docannotator.document.BlockKind;
import dev.docannotator.document.TextBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Capitals in xz's, libjpeg's and OpenSSH's READMEs and in shadow's manual pages that the text itself defines or
 * shows to be names; in each test an abbreviation nothing explains is still asked for.
 */
class AcronymsNamedOrDefinedInPlaceTest {

    @Test
    void anExpansionInBracketsThatLooksLikeAPathStillDefinesTheAbbreviation() {
        // xz's README: "Branch/Call/Jump" is hidden from prose checks as a relative path, but it is the definition
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "For example, putting a BCJ (Branch/Call/Jump) filter before LZMA2 in the filter chain can improve"
                        + " compression ratio of executable files.",
                "The VLI encoding is used for the sizes.")))
                .containsExactly("VLI");
    }

    @Test
    void anExpansionWithAccentedLettersDefinesTheAbbreviation() {
        // The Turing Way on unions: French unions' names, spelled out with their accents
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "The **Confédération Française Démocratique du Travail (CFDT)** is the largest French trade union"
                        + " confederation by number of members.",
                "Its leader studied at the École Normale Supérieure (ENS), and the ENS is proud of it.",
                "It merged to form the ASTMS, a precursor of MSF.")))
                .containsExactly("ASTMS", "MSF");
    }

    @Test
    void anAbbreviationIntroducedAsTheNameOfWhatWasJustDescribedIsDefined() {
        // OI Wiki: 简称：OI, 被称作 CNOI, 英文简写为 THUWC, **CTT**（英文：China Team Training）; English "known as"
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "**信息学奥林匹克竞赛**（英语：Olympiad in Informatics，简称：OI）是一门学科竞赛．OI 考察算法．",
                "为了与 APIO 等比赛区分，有时会被称作 CNOI．",
                "**CTT**（英文：China Team Training，中文：国家集训队培训）是集训与选拔活动．",
                "相当于信息学冬令营，有时也会用英文简写为 THUWC．",
                "The camp, known as SWC, admits the best students; the IOI selects the team.",
                // "so-called" and a telephone call name nothing
                "The so-called TPSR crowd agreed, and we called DWPX twice.")))
                .containsExactly("APIO", "IOI", "TPSR", "DWPX");
    }

    @Test
    void aNameInCapitalsListedAfterSeveralVariablesIsAVariableToo() {
        // OpenSSH's README.Debian: the third variable of a list; login.defs(5): a list of variables, one per word
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "This has the side-effect of causing glibc to remove certain environment variables which might have"
                        + " security implications for set-id programs, including LD_PRELOAD, LD_LIBRARY_PATH, and\nTMPDIR.",
                "useradd\n    CREATE_HOME GID_MAX GID_MIN HOME_MODE LASTLOG_UID_MAX MAIL_DIR\n"
                        + "    SUB_UID_MIN SYS_GID_MAX SYS_GID_MIN SYS_UID_MAX SYS_UID_MIN UID_MAX\n    UID_MIN UMASK",
                "如果可以，也复制 ACL 和扩展属性。")))
                .containsExactly("ACL");
    }

    @Test
    void theLastOfANumberedSeriesOfPlaceholdersIsAPlaceholder() {
        // useradd(8): GROUP1, GROUP2 … GROUPN name what the user types
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "-G, --groups GROUP1[,GROUP2,...[,GROUPN]]]\n    A list of supplementary groups which the user is also a"
                        + " member of. Each group is separated from the next by a comma, with no intervening whitespace.",
                "如果可以，也复制 ACL 和扩展属性。")))
                .containsExactly("ACL");
    }

    @Test
    void aNameSpelledOutWithAWordInCapitalsAmongItsWordsIsDefined() {
        // libjpeg's README: "Independent JPEG Group" is IJG, JPEG being a word of the name
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "This distribution contains a release of the Independent JPEG Group's free JPEG software.",
                "IJG is not affiliated with the official standards committee.",
                "Files containing the name \"JPEG\" may be incompatible with the DCT-based JPEG standard.")))
                .containsExactly("DCT");
    }

    @Test
    void twoCapitalsTheDocumentAlsoWritesAsAFileExtensionAreTheFormatsName() {
        // xz's README: XZ Utils and the .xz format; two capitals with no such twin are still asked for
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "XZ Utils provide a general-purpose data-compression library plus command-line tools.",
                "The native file format is the .xz format, but also the legacy .lzma format is supported.",
                "Use the BCJ filter only for executables.")))
                .containsExactly("BCJ");
    }

    @Test
    void lettersTheDocumentWritesInLowerCaseAsTheFirstPartOfAHyphenatedNameAreThatName() {
        // systemd's README: the NSS modules are nss-myhostname and nss-systemd; "non-EOL" is no twin of NON or EOL
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "GLIBC NSS: systemd ships with four glibc NSS modules.",
                "nss-myhostname resolves the local hostname to locally configured IP addresses.",
                "We support all non-EOL versions of Fedora.")))
                .containsExactly("EOL");
    }

    @Test
    void aNameListedAfterAKnownNameWithAVersionIsItsPeer() {
        // zlib's FAQ: CICS follows OS/390 in a list of systems; ECCN, named alone, is still asked for
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "Does zlib work on MVS, OS/390, CICS, etc.? It has in the past, but we have not heard of any recent"
                        + " evidence.",
                "Is zlib subject to export controls? What is its ECCN?")))
                .containsExactly("ECCN");
    }

    @Test
    void aNameSpelledOutWithFunctionWordsOrEndingInAnAbbreviationDefinesItsInitials() {
        // libjpeg's README cites "Communications of the ACM", then "the CACM issue"; the function words of a name are
        // not in its abbreviation (Bureau of Industry and Security, BIS)
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "Wallace, Gregory K. \"The JPEG Still Picture Compression Standard\", Communications of the ACM,"
                        + " April 1991 (vol. 34 no. 4), pp. 30-44.",
                "If you don't have the CACM issue handy, a PDF file containing a revised version of Wallace's article"
                        + " is available. Note: the Wallace article is copyright ACM and IEEE.",
                "The Bureau of Industry and Security publishes the export rules; ask the BIS when in doubt.",
                "Files may be incompatible with the DCT-based JPEG standard.")))
                .containsExactly("DCT");
    }

    @Test
    void aTableCellIsNoPlaceToSpellOutAnAbbreviationButAGlossaryTableStillDefines() {
        // a README's table of supported platforms: each cell is a label (ARM, MSVC), not a sentence
        TextBuilder platforms = new TextBuilder();
        platforms.append("The following table lists the platforms this release was tested on.", 1, 1);
        for (String cell : List.of("ARM", "Linux", "GCC", "MIPS", "Windows", "MSVC")) {
            platforms.append(cell, 1, 2, BlockKind.TABLE_CELL);
        }
        platforms.append("Building with MSVC needs the SDK; the ABI is the platform's own.", 1, 3);
        assertThat(quotes(runAll(new DefaultAnalyser(), platforms.build(), only(Check.UNDEFINED_ACRONYMS))))
                .containsExactly("MSVC", "ABI"); // in a sentence, the same names are asked for

        // a glossary table defines what the prose then uses
        TextBuilder glossary = new TextBuilder();
        glossary.append("KPI", 1, 1, BlockKind.TABLE_CELL);
        glossary.append("Key Performance Indicator (KPI)", 1, 1, BlockKind.TABLE_CELL);
        glossary.append("Each team reports one KPI every quarter.", 1, 2);
        assertThat(runAll(new DefaultAnalyser(), glossary.build(), only(Check.UNDEFINED_ACRONYMS))).isEmpty();
    }

    @Test
    void capitalsWrittenWithPlusPlusOrANumberAndTheVariablesOfAFormulaAreNotAbbreviations() {
        // bzip2's manual (VC++, a report's number) and a two-column paper's formulas; LZO, a library's name, is still asked for
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "If you don't use VC++, you may need to define the preprocessor symbol _WIN32.",
                "The original Burrows-Wheeler technical report (SRC-124) shows how repeats can be handled.",
                "Let there be an M Clusters system, C1,…, CM, where each Cluster Ci consists of two microrobots.",
                "This holds for i ∈ ZM where ZM = {1,…, M}.",
                "You might try the LZO real-time compression library instead.")))
                .containsExactly("LZO");
    }

    @Test
    void anExpansionAndItsAbbreviationInOneBracketDefineIt() {
        // Debian's FAQ in Chinese: the Chinese name, then the English words and the letters together in brackets
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "Debian 发行版有一个缺陷跟踪系统（bug tracking system,\u00a0 \u00a0BTS），用于保存用户报告的缺陷。",
                "每个缺陷都记录在 BTS 中，待认领的软件包列在 WNPP 页面上。")))
                .containsExactly("WNPP");
    }

    @Test
    void initialsInAListOfPeoplesNamesAreAName() {
        // the Rust council's minutes: a member known by initials, listed and speaking; a term is still asked for
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "Attendance. Council members: Eric Huss, TC, James Munns, Eric Holk, Mara, Mark.",
                "Facilitator: TC",
                "TC: Hearing no objections, the agenda is approved.",
                "James will open an issue in the council repo and start an FCP for us.",
                "Mara: Most people in the project have signed up.",
                "TC: We had agreed to update our policies to allow observers.",
                "Mark: Agreed, we can move on.",
                "Mara: Then the next item is the budget.")))
                .containsExactly("FCP");
    }

    @Test
    void aHeadingDefinesAnAcronymButIsNoUseOfOne() {
        // KEP-2572: "#### Long-term support (LTS) releases", then "The LTS Working Group was disbanded"
        TextBuilder kep = new TextBuilder();
        kep.append("Long-term support (LTS) releases", null, 1, BlockKind.HEADING);
        kep.append("The LTS Working Group was disbanded in 2021; the EOC asked for a new proposal.", null, 2);
        kep.append("QMS Review", null, 3, BlockKind.HEADING);

        assertThat(quotes(runAll(new DefaultAnalyser(), kep.build(), only(Check.UNDEFINED_ACRONYMS))))
                .containsExactly("EOC");
    }

    @Test
    void aProductsPartAfterItsNameAtASentencesStartOrInALinkIsTheProductsVocabulary() {
        // Node.js's post on its downloads: Cloudflare is a name the text capitalises mid-sentence too
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "The release team worked with Cloudflare on caching. Cloudflare WAF was integrated to block spammy "
                        + "requests, and the team is looking into integrating [Cloudflare KV](https://example.org/kv).",
                "Before that, Rackspace hosted the site. Mirror QPS was the bottleneck.")))
                .containsExactly("QPS");
    }

    @Test
    void capitalsAloneInQuotationMarksAreAValueTheTextQuotes() {
        // the Unicode HOWTO: normalize()'s forms; an acronym used in the same sentence is still asked for
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "The first argument to the normalize function is a string giving the desired normalization form, "
                        + "which can be one of 'NFC', 'NFKC', \"NFD\", and ‘NFKD’, as the UTR says.")))
                .containsExactly("UTR");
    }

    @Test
    void aYearOrAValueAfterCapitalsAndATitlesTheAreNoNames() {
        // "QBR 2024" is that year's meeting, "MTTR 120 minutes" a value; "The Economist" makes no name of "The"
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "The QBR 2024 deck is ready. Every QBR reviews the pipeline, and MTTR 120 minutes is the goal.",
                "As reported in The Economist, costs rose.",
                "The SLA requires a reply within four hours.")))
                .containsExactly("QBR", "MTTR", "SLA");
        // a changelog's labels are no speakers, even on several lines each
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "Every rejected part gets an NCR within a day.",
                "Fixed: The crash on start.", "Fixed: The leak in the parser.",
                "Added: Support for the new form.", "Added: A second reviewer.",
                "NCR: Updated the form.", "NCR: Removed the old checklist.")))
                .containsExactly("NCR");
    }

    @Test
    void lettersOfAProductsNameAreTheProductsVocabulary() {
        // the Go survey's "VS Code", RocketMQ's own design documents: a name the reader knows the product by
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "Respondents saw a prompt for the survey in VS Code, and everyone using the VS Code Go plugin was "
                        + "eligible.",
                "RocketMQ keeps every message in a commit log. When the master goes away, the MQ client reads from a "
                        + "slave, and the QRB Team reviews the fail-over.")))
                .containsExactly("QRB");
    }

    @Test
    void anAcronymThatNumbersASeriesOfDocumentsIsTheSeriesName() {
        // KEP-2572's own KEPs; "RFC 1824" and "CVE-2024-3094" likewise; a term in the same text is still asked for
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "KEP-2572: Defining the Kubernetes Release Cadence",
                "The KEP approvers have approved this KEP, and the release team tracks it with the other KEPs.",
                "Each release is supported for fourteen months, as the EOC decided in 2021.")))
                .containsExactly("EOC");
    }

    @Test
    void capitalsInAListOfTopicsOrOpeningAChangelogsLinesAreStillAskedFor() {
        // a list of topics is no list of people; a changelog's area labels are not speakers
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "Audit topics: Safety, QMS, Security and Privacy.",
                "Every rejected part gets an NCR within a day.",
                "NCR: Updated the form for new suppliers.",
                "NCR: Removed the old checklist.")))
                .containsExactly("QMS", "NCR");
    }

    @Test
    void namesKnownByTheirLettersAreNotAskedForInGeneralWriting() {
        // the kernel's embargoed hardware process and Debian's FAQ; a procurement term is still asked for
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "Neither the hardware security team nor the initial response team assign CVEs; a CVE is requested "
                        + "by the reporter.",
                "Other projects, such as the GNOME and KDE desktops, ship HOWTO documents in DVI and HTML.",
                "Other OS vendors and HW vendors are asked to answer our call for an RFQ.")))
                .containsExactly("RFQ");
    }
    @Test
    void theDocumentsTitleNamesItsSubjectButAHeadingFurtherOnDoesNot() {
        // the twelfth unseen set: a SIG's annual report, judged false for SIG by both judges
        TextBuilder report = new TextBuilder();
        report.append("Kubernetes SIG Security 2020 Annual Report", 1, 1, BlockKind.HEADING);
        report.append("As a newer SIG, we need a contributing guide of our own, and the PSC reviews it.", 1, 2);
        report.append("Work with the TAG", 1, 3, BlockKind.HEADING);
        report.append("The TAG reviews our threat models every quarter.", 1, 4);
        assertThat(quotes(runAll(new DefaultAnalyser(), report.build(), only(Check.UNDEFINED_ACRONYMS))))
                .containsExactly("PSC", "TAG");

        // a Markdown post's title in its front matter
        TextBuilder post = new TextBuilder();
        post.append("title: The ASF at ApacheCon\ndate: 2018-02-08", 1, 1, BlockKind.CODE);
        post.append("ApacheCon is a key ASF event, and every PMC is invited.", 1, 2);
        assertThat(quotes(runAll(new DefaultAnalyser(), post.build(), only(Check.UNDEFINED_ACRONYMS))))
                .containsExactly("PMC");

        // an empty title names nothing (the next line is no title), nor does a title set in capitals
        TextBuilder untitled = new TextBuilder();
        untitled.append("title:\ndescription: QRX kit launch", 1, 1, BlockKind.CODE);
        untitled.append("The QRX kit ships today.", 1, 2);
        TextBuilder shouting = new TextBuilder();
        shouting.append("SOFTWARE LICENSE AGREEMENT FOR THE QRX KIT", 1, 1, BlockKind.HEADING);
        shouting.append("The QRX kit ships today.", 1, 2);
        for (TextBuilder doc : List.of(untitled, shouting)) {
            assertThat(quotes(runAll(new DefaultAnalyser(), doc.build(), only(Check.UNDEFINED_ACRONYMS))))
                    .containsExactly("QRX");
        }
    }
    @Test
    void aChinesePeerOfAKnownAbbreviationAndAProgramNamedByItsKindAreNotAskedForButAnUnexplainedOneIs() {
        // the fourteenth unseen set, a service-mesh essay: MEM beside CPU, the program TCPD; QAT nothing explains, and a
        // Chinese paragraph whose only Latin letters are capitals is not a line set in capitals
        List<String> found = quotes(run(Check.UNDEFINED_ACRONYMS,
                "随着机房规模和应用规模的变大，应用的连接数继续膨胀导致 CPU 和 MEM 资源占用也在持续增加。",
                "针对于此 Cilium 也有一个解释，结合应用程序 TCPD 最终被合入 linux kernel 发展为 iptables 为例。",
                "私钥单独存放在更加安全的 key 集群，并且通过 QAT 硬件加速，HTTPS 性能也更加高效。",
                // a word with a letter starred out is no abbreviation (the kernel's management style, in Chinese)
                "但他们是D*CKHEAD\" 的100万种方法都无法确认。",
                "The daemon SSHD reads it, and the SRE team owns it.",
                // the same without spaces between the scripts
                "连接数膨胀导致CPU和DISK资源占用增加，结合应用程序TCPX最终被合入内核。"));

        assertThat(found).containsExactly("QAT", "SRE");
    }
    @Test
    void anAbbreviationWhoseWordsTheDocumentUsesAsATermBeforeIsKnownToItsReader() {
        // Rust in 2016 and Python's design FAQ; Basecamp's privacy policy spells DPA out in lower case
        List<String> found = quotes(run(Check.UNDEFINED_ACRONYMS,
                "Rust gives memory safety without garbage collection.",
                "Other languages pay for garbage collection at run time.",
                "Such code is hard to integrate with conservative GC or with a GC of another runtime.",
                "We sign a data processing addendum with each customer; the DPA says what we may do.",
                "This change is small and this change is safe, so every TC is logged.",
                "A quality gate is a check, and every QG is logged."));

        // "this change" twice is no term; "quality gate" once: two initials match by accident too often
        assertThat(found).containsExactly("TC", "QG");
    }

    @Test
    void aPersonsInitialsBeforeTheirSurnameNameThemThroughoutTheDocument() {
        // an APISIX interview: "TJ Holowaychuk", then "是 TJ" alone; "CX Department" has a dictionary word after it
        List<String> found = quotes(run(Check.UNDEFINED_ACRONYMS,
                "作者 **Linus Benedict Torvalds**、前端技术大牛 **TJ Holowaychuk**、前端框架 Vue.js 的作者。",
                "对我影响最大的开源精神的技术大牛是 TJ。",
                "另一位是KD Wrightson的作品，后来 KD 也加入了社区。",
                "The CX Department signs off each release."));

        assertThat(found).containsExactly("CX");
    }
}
