package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.run;
import static dev.docannotator.analysis.AnalysisFixture.runAll;
import static dev.docannotator.analysis.AnalysisFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.DefaultAnalyser;
import org.junit.jupiter.api.Test;

/** Spellings that only look inconsistent in manuals and licences (grep(1), ls(1), the Apache and Mozilla licences). */
class InconsistentTermsInManualsTest {

    @Test
    void aCompoundHyphenatedBeforeItsNounAndOpenAsANounIsOneSpelling() {
        assertThat(run(Check.INCONSISTENT_TERMS,
                "Follow symbolic links only if they are on the command line.",
                "Exit status is 2 if serious trouble (e.g., cannot access command-line argument).",
                "Options given on the command line override the environment.")).isEmpty();
    }

    @Test
    void aSynopsisPlaceholderAndAnAdjectiveBeforeItsNounAreNotSpellingsButANounCompoundSpelledTwoWaysIs() {
        // sed(1): "q [exit-code]" and "The exit code argument", "the next newline" and "a new line of input";
        // xargs(1): whitespace and white space for the same thing
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "q [exit-code]",
                "Immediately quit the sed script without processing any more input. The exit code argument is a GNU "
                        + "extension.",
                "Q [exit-code]",
                "The comment extends until the next newline (or the end of a -e script fragment).",
                "Text to append, which has each embedded newline preceded by a backslash.",
                "Start the next cycle with the resultant pattern space, without reading a new line of input.",
                "Input items are terminated by a null character instead of by whitespace.",
                "Useful when input items might contain white space, quote marks, or backslashes.")))
                .containsExactly("white space");
    }

    @Test
    void aCompoundHyphenatedBeforeItsNounIsNotComparedButItsNounUsesAre() {
        // a journal paper: "steering-arm actuator" is the adjective, right; "pulls down the steering-arm, and" is the
        // noun the paper writes open everywhere else, so that one use is the variant, not the open nouns
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "Each microrobot has a steering-arm actuator that determines whether the robot turns.",
                "The voltage pulls down the steering-arm, and hence the robot turns. We study several steering-arm "
                        + "geometries.",
                "The transition voltages are determined by the steering-arm designs.",
                "The steering arm can be raised or lowered. This waveform controls the state of the steering arm.",
                "The control pulse snaps down the steering arm.")))
                .containsExactly("steering-arm");
    }

    @Test
    void aHyphenatedNounBeforeAPrepositionIsStillComparedWithTheOpenNoun() {
        // a manual page: "existing port-forwardings with" is the noun, not a modifier; "with" is no noun it could modify
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "Dynamic port forwardings can also be specified in the configuration file.",
                "The escape sequence allows the cancellation of existing port-forwardings with -KL for local ones.",
                "Only the superuser can forward privileged ports, and port forwardings are listed with -O.")))
                .containsExactly("port-forwardings");
        // bzip2's manual: "worst-case and average-case compression time", two modifiers of one noun
        assertThat(run(Check.INCONSISTENT_TERMS,
                "The ratio between worst-case and average-case compression time is in the region of 10:1.",
                "In the worst case the sort takes longer.")).isEmpty();
    }

    @Test
    void aFileNamedInCapitalsAfterTheWordFileIsNotAVariant() {
        // gcc's README.Bugs: the file BUGS beside the info node "Bugs"
        assertThat(run(Check.INCONSISTENT_TERMS,
                "The gcc bug tracker is the place to report bugs. Read the Bugs section of the manual: run info --node "
                        + "\"(gcc)Bugs\". Or see the file BUGS included with the gcc source code.")).isEmpty();
    }

    @Test
    void aTermTheDocumentDefinesInBracketsIsNotACaseVariantOfTheAbbreviationItCites() {
        // a journal paper cites STRING [6] and defines its own String(-Cluster) system, broken at a line end
        assertThat(run(Check.INCONSISTENT_TERMS,
                "Strictly non-nested hysteresis gaps (STRING) [6] is a microrobotic system. The STRING system can access "
                        + "n + 1 states, and STRING reduces the control bandwidth.",
                "Definition: STRIctly Non-nested hysteresis-Gaps (String)-Cluster system: two robots in different "
                        + "clusters form a String system.",
                "Let the robots be a String- Cluster system sorted by voltage, as compared to [6] String which could "
                        + "control one robot.")).isEmpty();
    }

    @Test
    void oneNameCapitalisedInsideSentencesAndInCapitalsIsStillInconsistentWhenNotDefined() {
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "Strictly non-nested hysteresis gaps (STRING) is a system. The STRING system is fast.",
                "Two robots form a String system.")))
                .containsExactly("String");
    }

    @Test
    void capitalsThatMarkAnAbbreviationsLettersAreNotASpellingOfTheWord() {
        // a journal paper spells out its abbreviation: "STRIctly Non-nested hysteresis-Gaps (String)"
        assertThat(run(Check.INCONSISTENT_TERMS,
                "Strictly speaking, the gaps are strictly nested in the first system.",
                "Definition: STRIctly Non-nested hysteresis-Gaps (String) is the second system.")).isEmpty();
    }

    @Test
    void theOpenFormUsedAsAModifierAsWellIsStillInconsistent() {
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "Pass it on the command-line.", "Command-line options win.", "Read the command-line help.",
                "Or give it on the command line.")))
                .containsExactly("command line");
    }

    @Test
    void capitalsInHeadingsRunInHeadingsFileNamesAndPluralMetavariablesAreNotVariants() {
        assertThat(run(Check.INCONSISTENT_TERMS,
                "APPENDIX: How to apply the Apache License to your work. Attach the notice in the appendix.",
                "Include the notice in a location (such as a LICENSE file in a relevant directory). This license "
                        + "applies to the license notice.",
                "List information about the FILEs (the current directory by default). Sort the files by name.",
                "SYSTEM  If $SYSTEM is set, it has the same effect as the -m option. The system default is used.")).isEmpty();
    }

    @Test
    void oneNameInCapitalsAndCapitalisedInsideSentencesIsStillInconsistent() {
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "Open the App and sign in. The App shows your orders.", "Download the APP from the store.")))
                .containsExactly("APP");
    }

    @Test
    void aModifierStaysAModifierWhenItsNounIsOnTheNextLine() {
        // grep(1): "(i.e., a selected line when the -v command-line⏎option is omitted)"
        assertThat(run(Check.INCONSISTENT_TERMS,
                "Follow symbolic links only if they are on the command line.",
                "Skip any command-line file with a name suffix that matches the pattern.",
                "SGR substring for selected lines when the -v command-line\n                     option is omitted.")).isEmpty();
    }

    @Test
    void aProgramWrittenAsCodeOrAManualPageIsNotASpellingOfItsPackage() {
        // man-db's README runs `mandb`; man(1) in Chinese refers to mandb(8)
        assertThat(run(Check.INCONSISTENT_TERMS,
                "Build man-db with the translations you want. Sort out the man-db configuration file.",
                "Run `mandb` to create the databases. Acknowledge any warnings emitted by mandb.")).isEmpty();
        assertThat(run(Check.INCONSISTENT_TERMS,
                "该操作只在极少数情况下才需要进行，一般情况下只运行 mandb(8) 更好。",
                "man-db 配置文件。")).isEmpty();
    }

    @Test
    void onATieTheRequirementsEnglishDecidesAndOtherwiseTheFirstSpellingUsed() {
        String text = "The programme is funded from the infrastructure budget, and the program manager reports monthly.";
        DefaultAnalyser analyser = new DefaultAnalyser();

        // American English by default: "programme" is the one to change, and only that one
        assertThat(quotes(run(Check.INCONSISTENT_TERMS, text))).containsExactly("programme");
        assertThat(quotes(runAll(analyser, text(text), analyser.parse("Check consistent terms in British English"))))
                .containsExactly("program");
        // tar(1): nonzero and non-zero, twice each; neither is a national spelling, the first one used stays
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "To create incremental archives of non-zero level N, copy the snapshot file.",
                "Do not exit with nonzero on unreadable files.",
                "Treat non-zero exit codes of children as error.",
                "If a child exited with a nonzero exit code, tar exits with that code as well.")))
                .containsExactly("nonzero", "nonzero");
    }

    @Test
    void wordsOfAQuotedMessageAndTheKeywordThatNamesItAreNotSpellings() {
        // tar(1)'s --warning keywords, each over the message it silences
        assertThat(run(Check.INCONSISTENT_TERMS,
                "Keywords applicable for tar --create: file-shrank \"%s: File shrank by %s bytes; padding with zeros\" "
                        + "xdev \"%s: file is on a different filesystem; not dumped\" "
                        + "file-changed \"%s: file changed as we read it\" record-size \"Record size = %lu blocks\"",
                "Find differences between archive and file system.",
                "Stay in local file system when creating archive. Set record size to BLOCKSx512 bytes.",
                "When a file changed while it was read, the archive may be inconsistent.")).isEmpty();
        // the same list laid out as a manual does: each keyword a block of its own over its message
        assertThat(run(Check.INCONSISTENT_TERMS,
                "Keywords applicable for tar --extract:", "existing-file", "\"%s: skipping existing file\"",
                "record-size", "\"Record size = %lu blocks\"",
                "Don't replace existing files when extracting. Set record size to BLOCKSx512 bytes.",
                "Overwrite existing files when extracting; the record size must be a multiple of 512.")).isEmpty();
    }

    @Test
    void aNameInItsOwnCapitalsIsNotASpellingOfTheCommandOrTheCommonNoun() {
        // apt's README (CMake and cmake, CTest and ctest) and bash's ("Bourne Again SHell")
        assertThat(run(Check.INCONSISTENT_TERMS,
                "APT uses CMake. You can also use the Ninja generator of CMake; pass -G Ninja to the cmake invocation.",
                "These tests are executed by ctest. CTest by default does not show the output of tests.",
                "Bash is the GNU Project's Bourne Again SHell, a complete implementation of the POSIX shell spec.",
                "See the shell's features.")).isEmpty();
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "The JavaScript client talks to the JavaScript server; the Javascript tests run in a browser.")))
                .containsExactly("Javascript");
    }

    @Test
    void aChineseTieKeepsTheStandardForm() {
        assertThat(quotes(run(Check.INCONSISTENT_TERMS, "说明新的登录页面。客户登陆以后可以找到解答。")))
                .containsExactly("登陆");
        assertThat(quotes(run(Check.INCONSISTENT_TERMS, "客户登陆以后可以找到解答。说明新的登录页面。")))
                .containsExactly("登陆");
    }

    @Test
    void partOfAProperNameOrADefinedTermIsNotASpellingOfTheCommonWord() {
        // the GNU Free Documentation License: "World Wide Web" is the Web's name, "Front-Cover Texts" a defined term
        assertThat(run(Check.INCONSISTENT_TERMS,
                "This License grants a world-wide, royalty-free license, unlimited in duration, to use that work.",
                "Massive Multiauthor Collaboration Site means any World Wide Web server that publishes works.",
                "The Cover Texts are listed as Front-Cover Texts or Back-Cover Texts in the notice.",
                "Copies must carry all these Cover Texts: Front-Cover Texts on the front cover.",
                "You may add a passage of up to five words as a Front-Cover Text.")).isEmpty();
    }

    @Test
    void aCapitalisedWordInsideANameOfThreeWordsOrMoreIsNotASpellingOfTheCommonWord() {
        // Debian's FAQ: "Filesystem" names the standard; the prose's "filesystem" beside "file system" still differs
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "Debian provides a file system that follows the Linux Filesystem Hierarchy Standard.",
                "The combination of the Linux kernel, the file system and the GNU tools is the system.")))
                .isEmpty();
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "Debian provides a file system that follows the Linux Filesystem Hierarchy Standard.",
                "Mount the filesystem before you install the GNU tools.")))
                .containsExactly("file system");
        // "The" only opens the sentence: two capitalised words are no such name
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "The Filesystem Team meets on Mondays.", "Every file system is checked before the release.")))
                .hasSize(1);
    }

    @Test
    void aNameIsStillComparedWithTheSameNameAndAProjectWithItsLowerCaseSpelling() {
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "Publish it on any World Wide Web server.", "The World Wide Web Consortium agrees.",
                "A World-Wide Web page is enough.")))
                .containsExactly("World-Wide");
        // dbus' README: "D-Bus is …" continues no name, so "dbus" is still the same project spelled another way
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "D-Bus is a simple system for interprocess communication.", "Bootstrapping D-Bus needs care.",
                "A full build of dbus needs the tests.")))
                .containsExactly("dbus");
    }
    @Test
    void aPackageWithItsVersionAndAProgramWithItsNumberAreNotSpellingsOfTheProjectOrOfTheWords() {
        // a README's dependency list beside its prose, and a policy's "The dbus daemon (dbus-daemon-1)"
        assertThat(run(Check.INCONSISTENT_TERMS,
                "Services that the init system relies on, such as D-Bus, should use the same prefix.",
                "dbus >= 1.4.0 (strictly speaking optional, but recommended)",
                "If using dbus < 1.9.18, override the default policy directory.")).isEmpty();
        assertThat(run(Check.INCONSISTENT_TERMS,
                "init 系统依赖的服务（例如 D-Bus）应使用相同的安装前缀。",
                "dbus >= 1.4.0（严格来说可选，但建议安装）")).isEmpty();
        assertThat(run(Check.INCONSISTENT_TERMS,
                "messagebus: The dbus daemon (dbus-daemon-1) runs as this user and group.")).isEmpty();
        // without a version, dbus in prose is still the project spelled another way
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "Services that the init system relies on, such as D-Bus, should use the same prefix.",
                "D-Bus is a simple system for interprocess communication.", "A full build of dbus needs the tests.")))
                .containsExactly("dbus");
    }

    @Test
    void aDefinedTermWhoseCapitalsSpellItsAbbreviationIsNotASpellingOfTheCommonWordsButAStrayVariantIs() {
        // a two-column paper: the capitals of "Nested Hysteresis-Gaps (NHGs)" mark the letters of NHG
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "The hysteresis gaps of two microrobots that overlap form a Nested Hysteresis-Gaps (NHGs) structure.",
                "Each pair of hysteresis gaps is sorted by the snap-down voltage.",
                "A system of n arms is a STRIctly Non-nested hysteresis-Gaps (String) system.",
                "Wider hysteresis gaps need larger control voltages.",
                "Narrow hysteresis gaps are harder to tell apart.",
                "The release voltage sets the width of the hysteresis-gaps.")))
                .containsExactly("hysteresis-gaps");
    }
}
