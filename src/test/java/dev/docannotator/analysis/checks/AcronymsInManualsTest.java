package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Check;
import org.junit.jupiter.api.Test;

/** Capitals in grep(1), coreutils' and man-db's READMEs that are not undefined abbreviations; and ones that are. */
class AcronymsInManualsTest {

    @Test
    void announcedForwardReferencesAddressesNamesWithHyphensAndMakeVariablesAreLeftAlone() {
        assertThat(run(Check.UNDEFINED_ACRONYMS,
                "-E, --extended-regexp Interpret PATTERNS as extended regular expressions (EREs, see below).",
                "By default, under MS-DOS and MS-Windows, grep guesses whether a file is text or binary.",
                "To enable the 64 bit mode one can use: ./configure LDFLAGs=-maix64 and rebuild.",
                "Write to the Free Software Foundation, Inc., 51 Franklin St, Fifth Floor, Boston, MA 02110-1301 USA.",
                "Extended regular expressions (ERE) add alternation.")).isEmpty();
    }

    @Test
    void anAbbreviationUsedBeforeItsDefinitionWithoutNoticeOrNeverDefinedIsStillReported() {
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "Colors are given as SGR substrings for the terminal.",
                "Select Graphic Rendition (SGR) sequences are defined by the terminal.",
                "For compatibility with the old FSSTND, the following locations are also defined.")))
                .containsExactly("SGR", "FSSTND");
    }

    @Test
    void placeholdersOfASynopsisAnOptionsNameAndAFormatSpecAreNotAbbreviations() {
        // diff3(1), diff(1) and printf-style specs: the capitals name what the user types, every use after that too
        assertThat(run(Check.UNDEFINED_ACRONYMS,
                "diff3 [OPTION]... MYFILE OLDFILE YOURFILE",
                "Compare three files line by line. MYFILE is the version you changed, YOURFILE the other one.",
                "--GTYPE-group-format=GFMT format GTYPE input groups with GFMT",
                "GTYPE is old, new or changed.",
                "%[-][WIDTH][.[PREC]]{doxX}LETTER printf-style spec for LETTER, where LETTER is one of F, L or N."))
                .isEmpty();
    }

    @Test
    void wordsInCapitalsAndAbbreviationsKnownByTheirLettersAreNotAskedForButAnUnknownOneStillIs() {
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                // emphasis in a licence; a manual's placeholder named after a word it also writes in lower case
                "You may distribute the Package provided that you do at least ONE of the following.",
                "Compare FILES line by line; both files must be readable.",
                // everyday names in compressors' and version control manuals (listed, with their source)
                "For gzip format, gunzip checks a 32 bit CRC. The -n option outputs an RCS format diff.",
                "Press the SAK before you log in.")))
                .containsExactly("SAK");
    }

    @Test
    void aNameSpelledOutInATitleAVariableListedWithOthersAndAHyphenSplitAtALineEndDefineOrExplainTheCapitals() {
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "Mozilla Public License Version 2.0",
                "If a copy of the MPL was not distributed with this file, You can obtain one.",
                "grep reads the environment variables LC_ALL, LC_foo, LANG, in that order.",
                "By default, under MS-DOS and MS-\nWindows, grep guesses whether a file is text or binary.",
                "Comply with article 11 of the WIPO copyright treaty.")))
                .containsExactly("WIPO");
    }

    @Test
    void aFormatLinesOperandsAndWhatTheSentenceCallsAFileAVariableAFieldOrAPrefixAreNamesNotAbbreviations() {
        // tar(1)'s --group-map, -f and --totals, bash's README, login(1), gpasswd(1); the last one is an abbreviation
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "Each non-empty line in FILE defines translation for a single group. It must consist of two fields:",
                "OLDGRP NEWGRP[:NEWGID]",
                "OLDGRP is either a valid group name or a GID prefixed with +. Unless NEWGID is supplied, NEWGRP must "
                        + "also be either a valid group name or a +GID.",
                "If this option is not given, tar will first examine the environment variable `TAPE'.",
                "Allowed signals are: SIGHUP, SIGQUIT, SIGINT, SIGUSR1, and SIGUSR2. The SIG prefix can be omitted.",
                "For details, see the file COMPAT. The file NOTES contains platform-specific installation notes.",
                "The comment is taken from the GECOS field. You cannot change any NIS or LDAP group.",
                "Under Linux, the SAK mechanism can be used by users to initiate a trusted path.")))
                .containsExactly("SAK");
    }

    @Test
    void englishWordsInCapitalsMetavariablesDefinedInPlaceAndPeersOfKnownAbbreviationsAreNotAskedFor() {
        // the GFDL and D-Bus's README; emphasis in a release checklist. DTD stays: nothing tells the reader what it is
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "A section \"Entitled XYZ\" means a named subunit of the Document whose title either is precisely XYZ"
                        + " or contains XYZ in parentheses. (Here XYZ stands for a specific section name mentioned below,"
                        + " such as \"Acknowledgements\".)",
                "Examples of suitable formats for Transparent copies include plain ASCII without markup, SGML or XML"
                        + " using a publicly available DTD, and standard-conforming simple HTML.",
                "Think of the low-level API as analogous to Xlib, and the high-level API as analogous to Qt/GTK+/HTML.",
                "Signing the release tag is MANDATORY. Read the WARNING at the end of this section first.",
                "On systems where SAK is enabled, press it before you log in.",
                // a pair of counterparts is not a list of peers: knowing the API does not tell what the ABI is
                "API/ABI Policy",
                "Development snapshots make no ABI stability guarantees for new ABI introduced since the last release.")))
                .containsExactly("DTD", "SAK", "ABI");
    }
    @Test
    void anAbbreviationGeneralDictionariesCarryAsAWordAndTwoLettersSpelledOutJustBeforeAreNotAskedFor() {
        // systemd's README: SCSI is in most dictionaries, "Real-Time group scheduling" defines RT in place;
        // PSI and FHS are in none and never spelled out, so they are still asked for
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "Optional dependencies: util-linux with PSI support; support for some SCSI devices serial number"
                        + " retrieval, to create by-id device names.",
                "We recommend to turn off Real-Time group scheduling in the kernel when using systemd. RT group"
                        + " scheduling effectively makes RT scheduling unavailable for most userspace.",
                "The layout follows the FHS.",
                // two initials far from their abbreviation are an accident, not a definition
                "The Test Cases page lists what is checked before a release.",
                "Every TC review is signed by two people.")))
                .containsExactly("PSI", "FHS", "TC");
        // the same in a Chinese manual page
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "mandb 可以处理 SCSI 设备上的手册页。",
                "与 FHS 兼容的全局索引数据库缓存。")))
                .containsExactly("FHS");
    }
    @Test
    void anAbbreviationRightAfterAProductsNameIsThatProductsOwnVocabulary() {
        // zlib's FAQ and systemd's README; the same letters with no product before them are still asked for
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "Where can I get a Windows DLL version?",
                "We support the latest Ubuntu LTS and non-LTS releases.",
                "Under Linux, the SAK mechanism can be used by users to initiate a trusted path.",
                "Each MTA is configured by the administrator.")))
                .containsExactly("SAK", "MTA");
        assertThat(quotes(run(Check.UNDEFINED_ACRONYMS,
                "可以从 zlib 网站获取 Windows DLL 版本。",
                "在 Linux 下，可以使用 SAK 机制。")))
                .containsExactly("SAK");
    }
}
