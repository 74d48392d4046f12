package dev.docannotator.analysis.grammar;

import static dev.docannotator.analysis.AnalysisFixture.runAll;
import static dev.docannotator.analysis.AnalysisFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.AnalyserOptions;
import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.DefaultAnalyser;
import dev.docannotator.analysis.EnglishVariant;
import dev.docannotator.analysis.Requirement;
import dev.docannotator.document.ExtractedText;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.languagetool.JLanguageTool;

/** LanguageTool takes seconds to load, so this class shares one analyser and keeps to a few sentences. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrammarCheckTest {
    private static final Requirement GRAMMAR = new Requirement("grammar", Set.of(Check.GRAMMAR), List.of(), false);

    private DefaultAnalyser analyser;

    @BeforeAll
    void loadOnce() {
        analyser = new DefaultAnalyser();
        long t0 = System.nanoTime();
        analyser.warmUpGrammar();
        System.out.printf("LanguageTool (en-US) first load and check: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    void findsAVersusAnWithTheReplacement() {
        List<Annotation> found = runAll(analyser, text("I ate a apple yesterday."), GRAMMAR);

        assertThat(found).anySatisfy(a -> {
            assertThat(a.quote()).isEqualTo("a");
            assertThat(a.rule()).isEqualTo("grammar/EN_A_VS_AN");
            assertThat(a.suggestion()).isEqualTo("an");
            assertThat(a.category()).isEqualTo("grammar");
            assertThat(a.message()).doesNotContain("<suggestion>");
        });
    }

    @Test
    void aHyphenatedNameBuiltOfTheDocumentsNamesIsNotASlipButATypoInsideOneIs() {
        // the fourteenth unseen set: a post about Tokio names the crate tokio-core
        List<Annotation> found = runAll(analyser, text(
                "We have been hard at work on the next major revision of Tokio, an asynchronous runtime.",
                "The Tokio scheduler executes futures. The old tokio-core crate and the recieve-buffer code were "
                        + "replaced."), GRAMMAR);

        assertThat(found).extracting(Annotation::quote).containsExactly("recieve-buffer");
    }

    @Test
    void aWordRegularlyBuiltFromAKnownOneIsNoSlipButADoublingErrorStillIs() {
        // Python's FAQ and Unicode HOWTO, Go's PGO proposal: unhashable, undecodable, inlined are right; occured and
        // forgetable are the slips writers make at the same endings
        List<Annotation> found = runAll(analyser, text(
                "Lists are unhashable, and the bytes were undecodable. Call stacks will include inlined frames.",
                "An error occured in a forgetable step of the long build that we run every night on the old servers.",
                "Wait untill the server writed the file to the shared disk before you start the next step."), GRAMMAR);

        assertThat(found).extracting(Annotation::quote).contains("occured", "forgetable", "untill", "writed")
                .doesNotContain("unhashable", "undecodable", "inlined");
    }

    @Test
    void aWordTheDocumentLinksToByNameIsAName() {
        // Jest 30's notes: the package is named once, by the link that leads to it; a slip beside it is still found
        List<Annotation> found = runAll(analyser, text(
                "By relying on the new [unrs-resolver](https://github.com/unrs/unrs-resolver), module resolution "
                        + "became faster. The old resolver was seperate."), GRAMMAR);

        assertThat(found).extracting(Annotation::quote).containsExactly("seperate");
    }

    @Test
    void aMarkdownLinksBracketsAreSyntaxNotTheStartOfAPhrase() {
        // the Open Source Guide: "starts [its contributing guide](…)" was read as "It's"; Toward Go 2's “[Go at
        // Google](…)” as a space after a quote. A slip inside a link's text is still found.
        List<Annotation> found = runAll(analyser, text(
                "For example, here's how Rubinius starts [its contributing guide](https://github.com/rubinius/rubinius/)"
                        + ": with a welcome. See Rob Pike's 2012 article “[Go at Google](https://talks.golang.org/x)”"
                        + " and [an other guide](https://example.org/g) we wrote."), GRAMMAR);

        assertThat(found).extracting(Annotation::quote).containsExactly("an other");
    }

    @Test
    void aWriteThatEndsItsPhraseIsOneOperationNotAnInfinitive() {
        // the System Design Primer: "After a write, reads will see it"; a verb after "a" elsewhere is still a slip
        List<Annotation> found = runAll(analyser, text("Strong consistency. After a write, reads will see it. "
                + "They made a decide, then left."), GRAMMAR);

        assertThat(found).extracting(Annotation::quote).containsExactly("a decide");
    }

    @Test
    void aCapitalALabellingTheNounBeforeItIsNoArticle() {
        // Tokio's scheduler post: "processor A spawns 20 tasks"; an article before a plural is still a slip
        List<Annotation> found = runAll(analyser, text("Processor B is idle. Then, the task being executed by "
                + "processor A spawns 20 tasks. We bought a apples for the team."), GRAMMAR);

        assertThat(found).extracting(Annotation::quote).containsExactly("a apples");
    }

    @Test
    void findsSubjectVerbDisagreement() {
        List<Annotation> found = runAll(analyser, text("She go to school every day."), GRAMMAR);

        assertThat(found).anySatisfy(a -> {
            assertThat(a.quote()).contains("go");
            assertThat(a.suggestion()).isEqualTo("goes");
            assertThat(a.severity()).isEqualTo("warning");
        });
    }

    @Test
    void findsMisspellingsAsWarningsAndAnchorsThemInTheWholeText() {
        ExtractedText t = text("All good here.", "This sentance is wrong.");

        List<Annotation> found = runAll(analyser, t, GRAMMAR);

        assertThat(found).singleElement().satisfies(a -> {
            assertThat(a.quote()).isEqualTo("sentance");
            assertThat(a.start()).isEqualTo(t.text().indexOf("sentance"));
            assertThat(a.paragraph()).isEqualTo(2);
            assertThat(a.severity()).isEqualTo("warning");
            assertThat(a.rule()).startsWith("grammar/MORFOLOGIK_RULE_EN_US");
            assertThat(a.suggestion()).isEqualTo("sentence");
        });
    }

    @Test
    void aNameInARepositoryOrTeamPathKeepsThePathsSpellingButNotInASentence() {
        // in the words of Node.js's GOVERNANCE.md: a repository and a team are paths, "Node.js" would break them
        List<Annotation> paths = runAll(analyser, text("Triagers assess newly opened issues in the nodejs/node and "
                + "nodejs/help repositories. The GitHub team for triagers is @nodejs/issue-triage."), GRAMMAR);
        List<Annotation> prose = runAll(analyser, text("We run nodejs on every server of the cluster."), GRAMMAR);

        assertThat(paths).extracting(Annotation::rule).doesNotContain("grammar/NODE_JS");
        assertThat(prose).extracting(Annotation::rule).contains("grammar/NODE_JS");
        // a slip beside a slash is still a slip
        assertThat(runAll(analyser, text("Check the read/wirte permissions before you recieve/send data."), GRAMMAR))
                .extracting(Annotation::quote).contains("wirte", "recieve");
    }

    @Test
    void aLoginInParenthesesAfterAPersonsNameIsTheirsButASlipInParenthesesIsStillOne() {
        // Debian's history: "jensen" is Jens Schmalzing's login
        assertThat(runAll(analyser, text("On July 30th Jens Schmalzing (jensen) died in a tragic accident at his "
                + "workplace in Munich."), GRAMMAR)).extracting(Annotation::quote).doesNotContain("jensen");
        assertThat(runAll(analyser, text("The board met on Friday (tomorow) and approved the plan."), GRAMMAR))
                .extracting(Annotation::quote).contains("tomorow");
        // a handle is made of the name; a word in brackets after two capitalised words is not one
        assertThat(GrammarCheck.isHandleAfterName("Ian Murdock (imurdock) founded it.", 13, 21)).isTrue();
        assertThat(GrammarCheck.isHandleAfterName("We publish Open Source (sofware) only.", 24, 31)).isFalse();
    }

    @Test
    void wellFormedConstructionsLanguageToolMisreadsAreLeftButTheSlipsThoseRulesAreForAreNot() {
        // CC0, wget's README, Debian's history and the kernel's management-style essay: each judged false
        List<Annotation> found = runAll(analyser, text(
                "The Affirmer wishes to contribute to a commons of creative, cultural and scientific works.",
                "Additional permission under GNU GPL version 3 section 7 is granted to the user.",
                "The source is kept inside of the pools directory on every mirror of the archive.",
                "You end up coming up smelling like roses, and you avoided yet another decision."), GRAMMAR);
        assertThat(found).extracting(Annotation::rule).doesNotContain("grammar/A_NNS", "grammar/CD_NN",
                "grammar/POSSESSIVE_APOSTROPHE", "grammar/ADVERB_VERB_ADVERB_REPETITION");
        assertThat(runAll(analyser, text("We ordered three book and a chairs for the office."), GRAMMAR))
                .extracting(Annotation::rule).contains("grammar/CD_NN", "grammar/A_NNS");
    }

    @Test
    void leavesCorrectEnglishAndChineseBlocksAlone() {
        assertThat(runAll(analyser, text("She goes to school every day.", "这是一个中文段落，没有英文错误。"), GRAMMAR))
                .isEmpty();
    }

    @Test
    void britishVariantAcceptsBritishSpelling() {
        ExtractedText t = text("The colour of the centre is grey.");
        List<Annotation> american = runAll(analyser, t, analyser.parse("Check the grammar in American English"));
        // the server's variant reaches the checks through the parsed requirement's settings
        DefaultAnalyser britishServer = new DefaultAnalyser(new AnalyserOptions(EnglishVariant.BRITISH));
        List<Annotation> british = runAll(britishServer, t, britishServer.parse("check grammar"));

        assertThat(american).filteredOn(a -> a.category().equals("grammar")).extracting(Annotation::quote)
                .contains("colour");
        assertThat(british).filteredOn(a -> a.category().equals("grammar")).isEmpty();
    }

    @Test
    void theOtherEnglishsSpellingIsTheAuthorsEnglishWhenTheRequirementNamesNoneButSlipsStillCount() {
        ExtractedText readme = text("Initialise the database with mandb before the first run; its behaviour is "
                + "described in the manual and organised by section. Nothing will be recieved from the network.");

        List<Annotation> found = runAll(analyser, readme, analyser.parse("Check the grammar and spelling"));

        assertThat(found).filteredOn(a -> a.category().equals("grammar")).extracting(Annotation::quote)
                .containsExactly("recieved");
    }

    @Test
    void keepsOneInstancePerThreadAndReusesIt() throws Exception {
        LanguageToolPool pool = new LanguageToolPool(EnglishVariant.AMERICAN);
        JLanguageTool mine = pool.forCurrentThread();
        AtomicReference<JLanguageTool> other = new AtomicReference<>();
        Thread worker = new Thread(() -> other.set(pool.forCurrentThread()));
        worker.start();
        worker.join();

        assertThat(pool.forCurrentThread()).isSameAs(mine);
        assertThat(other.get()).isNotNull().isNotSameAs(mine);
        long t0 = System.nanoTime();
        Thread third = new Thread(pool::warmUp);
        third.start();
        third.join();
        System.out.printf("LanguageTool instance for one more thread: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    void measuresTheTimePerParagraph() {
        String paragraph = "The service stores every uploaded document for thirty days. Users can download the "
                + "annotated copy at any time, and the administrator can remove old files from the archive.";
        String[] paragraphs = new String[40];
        for (int i = 0; i < paragraphs.length; i++) {
            paragraphs[i] = paragraph + " Item " + i + ".";
        }
        ExtractedText t = text(paragraphs);

        for (int pass = 1; pass <= 2; pass++) { // the second pass shows the cost once the JIT has warmed up
            long t0 = System.nanoTime();
            List<Annotation> found = runAll(analyser, t, GRAMMAR);
            double perParagraph = (System.nanoTime() - t0) / 1e6 / paragraphs.length;
            System.out.printf("LanguageTool pass %d: %.1f ms per paragraph (%d chars, 2 sentences) over %d paragraphs%n",
                    pass, perParagraph, paragraphs[0].length(), paragraphs.length);
            assertThat(found).isEmpty();
        }
    }

    @Test
    void aHardWrappedIndentedParagraphIsReadAsOneParagraphWithoutLayoutComplaints() {
        ExtractedText t = text("   Permission is hereby granted, free of charge, to any person\n"
                + "   obtaining a copy of this software, to deal in the Software\n   without restriction.");

        assertThat(runAll(analyser, t, GRAMMAR)).isEmpty();
    }

    @Test
    void spellingSkipsCodeAndTheDocumentsOwnNamesButNotTypos() {
        ExtractedText t = text("Zorbix reads its settings from `zorbix_conf` and the --verbos flag.",
                "Install Zorbix with make_install, then recieve the first report.");

        List<Annotation> found = runAll(analyser, t, GRAMMAR);

        assertThat(found).extracting(Annotation::quote).containsExactly("recieve");
        assertThat(found.get(0).severity()).isEqualTo("warning");
    }

    @Test
    void spellingSkipsCommandsTheDocumentKeepsUsingAndListsOfNames() {
        // grep(1) names grep all the time; coreutils' README lists its programs; the typo occurs once
        ExtractedText t = text("Use grep to search, and man-db to read manuals.",
                "Then call grep again, or read the man-db manual.",
                "The programs are: chcon chgrp chroot cksum csplit dircolors mkfifo nproc numfmt pathchk runcon stdbuf.",
                "We recieve reports.");

        List<Annotation> found = runAll(analyser, t, GRAMMAR);

        assertThat(found).extracting(Annotation::quote).containsExactly("recieve");
    }

    @Test
    void inAManualOnlyWordsThatLookLikeASlipAreMisspellingsNotCommandsLibrariesOrSentenceStarts() {
        // man-db's README, coreutils' README and grep(1): each of these words occurs once, none is a typo
        ExtractedText t = text(
                "configure will look for database interface libraries in the order gdbm, Berkeley DB and finally ndbm.",
                "Then you would run this command: sudo env PATH=\"$PATH\" make check. Their names are self "
                        + "explanatory: [:cntrl:], [:punct:] and [:xdigit:].",
                "Typically PATTERNS should be quoted when grep is used in a shell command.",
                "Special thanks to Paul Eggert and Kaveh Ghazi, who tested it on hppa and the occured failures.");

        List<Annotation> found = runAll(analyser, t, GRAMMAR);

        assertThat(found).extracting(Annotation::quote).contains("occured")
                .doesNotContain("gdbm", "ndbm", "sudo", "cntrl", "punct", "Eggert", "Kaveh", "Ghazi", "hppa",
                        "Typically");
        assertThat(found).noneSatisfy(a -> assertThat(a.severity()).isEqualTo("error"));
    }

    @Test
    void styleOpinionsLabelsExtensionsNamesAndPlaceholderPluralsAreNotGrammarButSlipsStillAre() {
        // the Artistic licence's parallel clauses, gzip's README, a GNU manual's footer, a printf-style spec, ls(1) and
        // man(1)'s prompt string for less
        ExtractedText t = text(
                "You may make and give away verbatim copies. You may apply bug fixes. You may charge a fee.",
                "Files created by pack used the .z extension, which gunzip can decompress.",
                "Copyright (C) 1992, 1993 Jean-loup Gailly and Paul Ferguson.",
                "General help using GNU software: <https://www.gnu.org/gethelp/>",
                "LETTERs are as follows for the new group, lower case for the old group.",
                "-a, --all do not ignore entries starting with . -A, --almost-all do not list implied . and ..",
                "do not ignore entries starting with .",
                "The default prompt is \\ Manual\\ page\\ \\$MAN_PN\\ ?ltline\\ %lt?L/%L.: "
                        + "byte\\ %bB?s/%s..?\\ (END):?pB\\ %pB\\\\%.. (press h for help or q to quit)",
                "We recieve reports. She go to school every day. The report is late . It comes tomorrow.");

        List<Annotation> found = runAll(analyser, t, GRAMMAR);

        assertThat(found).extracting(Annotation::rule).doesNotContain(
                "grammar/ENGLISH_WORD_REPEAT_BEGINNING_RULE", "grammar/ADVISE_VBG", "grammar/DOUBLE_PUNCTUATION",
                "grammar/SENTENCE_WHITESPACE");
        assertThat(found).extracting(Annotation::quote).doesNotContain("Gailly", "LETTERs").contains("recieve");
        // the one space before a full stop is the misplaced one, not the extension or the directory "."
        assertThat(found).filteredOn(a -> a.rule().equals("grammar/COMMA_PARENTHESIS_WHITESPACE")).hasSize(1);
        assertThat(found).anySatisfy(a -> assertThat(a.quote()).contains("go"));
    }

    @Test
    void optionValuesOptionSyntaxStyleOpinionsAndHouseStyleAreNotReportedButSlipsInTheSameDocumentsAre() {
        // tar(1), gpasswd(1), bash's and apt's READMEs and the LGPL: one block each, as the layout pass joins them
        ExtractedText t = text(
                "-n, --seek Assume the archive is seekable.",
                "Valid values for METHOD are seek and raw. Default is seek with fallback to raw when not applicable.",
                "NAME can be either a user name or numeric UID.",
                "By default, the remote host is accessed via the rsh command. Nowadays it is common to use ssh instead.",
                "This means that tar first tried to decompress archive.Z using compress.",
                "Use --pax-option=keyword[[:]=value][,keyword[[:]=value]] to control pax keywords.",
                "-A, --administrators user,... Set the list of administrative users.",
                "You need to edit sources.list to add a repository.",
                "To compile Bash, type make. Bash auto-configures the build process.",
                "Each team is elected for a release cycle (every major release).  Sub-teams within the core team are "
                        + "self-selected.",
                "If the object file uses only small inline functions (ten lines or less in length), then the use of "
                        + "the object file is unrestricted.",
                "Further more, translating APT is split into two independent parts.",
                "The bug tracker is full with open bug reports.",
                "Case sensitive matching is the default.");

        List<Annotation> found = runAll(analyser, t, GRAMMAR);

        assertThat(found).extracting(Annotation::quote)
                .containsExactlyInAnyOrder("Further more", "full with", "Case sensitive");
    }

    @Test
    void aSpaceInAnInlineFormulaOrAPaddedCallIsNotAStraySpaceButAStrayOneInProseStillIs() {
        // bzip2's manual and a journal paper read from PDF (its italic maths arrives as maths letters, spaced glyph by
        // glyph); the paper's "(ESATC) )" and a space before a comma in a plain sentence are the author's slips
        ExtractedText t = text(
                "The call bzalloc ( opaque, n, m ) is expected to return a pointer p to n * m bytes of memory, and "
                        + "bzfree ( opaque, p ) should free that memory.",
                "The control voltage is pulsed, changing between a maximum (𝑉ℎ𝑖𝑔ℎ ) and a minimum (𝑉𝑙𝑜𝑤 ).",
                "For each cluster, we define 𝑉𝑑𝑙 = 𝑀𝑖𝑛 (𝑉𝑑𝑖 , 𝑉𝑑𝑗 ) , 𝑉𝑑ℎ = 𝑀𝑎𝑥 (𝑉𝑑𝑖 , 𝑉𝑑𝑗 ), respectively.",
                "The pulse releases all the cluster Ck , k > j and the device D1 of Cj that were set.",
                "The control voltage bandwith requirements, ξn , the number of control pulses of n-robot grow.",
                "We propose an Electronically SATurated Cluster system (ESATC) ) that needs one control line.",
                "The report is late , as usual.");

        List<Annotation> found = runAll(analyser, t, GRAMMAR);

        assertThat(found).filteredOn(a -> a.rule().equals("grammar/COMMA_PARENTHESIS_WHITESPACE"))
                .extracting(a -> t.text().substring(a.start() - 7, a.end()))
                .containsExactlyInAnyOrder("(ESATC) )", "is late ,");
    }

    @Test
    void anOpenFormRightWhereItStandsIsNotACompoundToJoinButACompoundBeforeItsNounIs() {
        // adduser's README, chsh(1), the GFDL and the kernel's hardware process: predicative "well supported" and
        // "well connected in", a verb with its object, "any one entity"; a compound before its noun and a verb that is always hyphenated are still reported
        ExtractedText t = text(
                "Creating system accounts is not well supported yet. We are planning to improve this.",
                "A restricted shell would prevent the user from ever changing her login shell back to its default.",
                "Only one passage of Front-Cover Text may be added by (or through arrangements made by) any one entity.",
                "This is a well supported library.",
                "The fix is cherry picked from the upstream branch.",
                "The expert supports our process and is ideally well connected in the Linux kernel community.");

        List<Annotation> found = runAll(analyser, t, GRAMMAR);

        assertThat(found).extracting(Annotation::quote).containsExactlyInAnyOrder("well supported", "cherry picked");
        assertThat(found).allSatisfy(a -> assertThat(a.start()).isGreaterThan(t.text().indexOf("This is a")));
    }

    @Test
    void aSpaceThatKeepsAFullStopOutOfAnAddressAProjectNamedWithInAndANounVerbPairAreNotSlipsButSlipsStillAre() {
        // zlib's FAQ, Debian's users-and-groups note and adduser's README; the last two sentences are real slips
        ExtractedText t = text(
                "Yes. See http://www.pdflib.com/ . To modify PDF forms, see the project page.",
                "In Debian, the use of a utility such as sudo to gain privilege is preferred over such accounts.",
                "The Debian Policy Manual reserves ranges for these global static users and groups.",
                "The report is late . We will send it tomorrow.",
                "The servers is down since the update.");

        List<Annotation> found = runAll(analyser, t, GRAMMAR);

        assertThat(found).extracting(Annotation::quote).containsExactlyInAnyOrder(" .", "is");
        assertThat(found).allSatisfy(a -> assertThat(a.start()).isGreaterThan(t.text().indexOf("The report")));
    }

    @Test
    void namesEscapesManualReferencesFooterLabelsQuotedCharactersAndHouseCompoundsAreNotSlipsButSlipsStillAre() {
        // sed(1), OpenSSH's README.Debian and useradd(8); the last two sentences are real slips
        ExtractedText t = text(
                "The c may be any character.  GNU sed also supports some special 2-address forms.",
                "This matches the newline character, and similarly for \\a, \\t, and other sequences.",
                "SEE ALSO\n       awk(1), ed(1), grep(1), tr(1), perlre(1), sed.info, any of various books on sed.",
                "GNU  sed  home page: <https://www.gnu.org/software/sed/>.  General help\n"
                        + "       using GNU software: <https://www.gnu.org/gethelp/>.",
                "The server refuses the old protocol (scp2 will fall back to it), to use sftp, or to use another way.",
                "This has the side-effect of causing glibc to remove certain environment variables.",
                "Names may contain a comma (','), or a whitespace (space: ' ', end of line: '\\n', tabulation: '\\t').",
                "This sentance is wrong.",
                "The servers is down since the update.");

        List<Annotation> found = runAll(analyser, t, GRAMMAR);

        assertThat(found).extracting(Annotation::quote).containsExactlyInAnyOrder("sentance", "is");
    }

    @Test
    void wellFormedConstructionsLanguageToolMisreadsAreNotSlipsButTheSlipsItWasMadeForStillAre() {
        // ssh(1), GnuPG's README, shared-mime-info's spec, man-db's README and bzip2's manual; the last five blocks
        // are real slips
        ExtractedText t = text(
                "In the example below, we look at encrypting communication for an IRC client, even though the IRC "
                        + "server it connects to does not directly support encrypted communication.",
                "To install both versions alongside, it is suggested to rename the 1.4 version of \"gpg\" to "
                        + "\"gpg1\" as well as the corresponding man page.",
                "Different programs agree on the type of a file and information is not duplicated.",
                "Details about this support can be found in the generic install document of the package.",
                "Also recorded is the total compressed size for 14 files of the corpus.",
                "He is both very rich as well as handsome.",
                "He is a perfect trained dog.",
                "What kind of a man is he?",
                "Their install is working.",
                "The servers is down since the update.");

        List<Annotation> found = runAll(analyser, t, GRAMMAR);

        assertThat(found).extracting(Annotation::rule).containsExactlyInAnyOrder("grammar/BOTH_AS_WELL_AS",
                "grammar/ADVERB_OR_HYPHENATED_ADJECTIVE", "grammar/KIND_OF_A", "grammar/A_INSTALL", "grammar/AGREEMENT_SENT_START");
        assertThat(found).allSatisfy(a -> assertThat(a.start()).isGreaterThan(t.text().indexOf("He is both")));
    }

    @Test
    void aSurnameAfterAnInitialAKeywordAQuotedAddressAndAPaddedSubshellAreNotSlipsButSlipsStillAre() {
        // ssh(1)'s references and options, GnuPG's README and its shell snippet; the last two blocks are real slips
        ExtractedText t = text(
                "J. Schlyter and W. Griffin, Using DNS to Securely Publish Secure Shell (SSH) Key Fingerprints, "
                        + "RFC 4255, January 2006.",
                "See the Ciphers keyword in ssh_config(5) for more information.",
                "For details see \"https://gnupg.org/faq/whats-new-in-2.1.html\" .",
                "The following snippet creates them:\n      [ ! -d /run/user ] && mkdir /run/user\n"
                        + "      awk -F: </etc/passwd '$3 >= 1000 && $3 < 65000 {print $3}' \\\n"
                        + "        | ( while read uid rest; do\n              if [ ! -d \"/run/user/$uid\" ]; then\n"
                        + "                mkdir /run/user/$uid\n                chmod 700 /run/user/$uid\n"
                        + "              fi\n            done )",
                "The report is late . We will send it tomorrow.",
                "This sentance is wrong.");

        List<Annotation> found = runAll(analyser, t, GRAMMAR);

        assertThat(found).extracting(Annotation::quote).containsExactlyInAnyOrder(" .", "sentance");
        assertThat(found).allSatisfy(a -> assertThat(a.start()).isGreaterThan(t.text().indexOf("The report")));
    }

    @Test
    void aCapitalAfterAWordIsNoInitialSoTheMisspellingAfterItsFullStopIsStillReported() {
        ExtractedText t = text("We chose Plan B. Recieve the results by Friday.");

        assertThat(runAll(analyser, t, GRAMMAR)).extracting(Annotation::quote).contains("Recieve");
    }

    @Test
    void anExitStatusListCutToItsConditionsIsNotAMissingVerb() {
        // diff(1)'s EXIT STATUS; the second block is a real slip
        ExtractedText t = text(
                "Exit status is 0 if inputs are the same, 1 if different, 2 if trouble.",
                "The servers is down since the update.");

        assertThat(runAll(analyser, t, GRAMMAR)).extracting(Annotation::quote).containsExactly("is");
    }

    @Test
    void aDoubledWordIsReportedOnceByTheRepeatedWordsCheck() {
        Requirement both = new Requirement("grammar and repeated words", Set.of(Check.GRAMMAR, Check.REPEATED_WORDS),
                List.of(), false);

        List<Annotation> found = runAll(analyser, text("Send the the report to the office."), both);

        assertThat(found).extracting(Annotation::category).containsExactly("repeated_words");
    }

    @Test
    void acceptsTheEnglishVariantsLanguageToolKnows() {
        assertThat(EnglishVariant.fromSetting("en-AU").languageCode()).isEqualTo("en-AU");
        assertThat(EnglishVariant.fromSetting("Canadian")).isEqualTo(EnglishVariant.CANADIAN);
        assertThat(EnglishVariant.fromSetting("en_NZ")).isEqualTo(EnglishVariant.NEW_ZEALAND);
        assertThat(org.languagetool.Languages.getLanguageForShortCode(EnglishVariant.SOUTH_AFRICAN.languageCode()))
                .isNotNull();
    }
}
