package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.run;
import static dev.docannotator.analysis.AnalysisFixture.runAll;
import static dev.docannotator.analysis.AnalysisFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.DefaultAnalyser;
import dev.docannotator.analysis.Requirement;
import dev.docannotator.document.ExtractedText;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BlockChecksTest {

    @Nested
    class Terms {
        private List<Annotation> find(List<String> terms, String... paragraphs) {
            return run(new Requirement("find", Set.of(Check.TERMS), terms, false), paragraphs);
        }

        @Test
        void findsEveryOccurrenceIgnoringCaseAsWholeWords() {
            List<Annotation> found = find(List.of("login"),
                    "Login first. Then LOGIN again, not loginPage or relogin.", "The login page.");

            assertThat(quotes(found)).containsExactly("Login", "LOGIN", "login");
            assertThat(found).allSatisfy(a -> {
                assertThat(a.category()).isEqualTo("terms");
                assertThat(a.rule()).isEqualTo("terms/requested");
            });
            assertThat(found.get(2).paragraph()).isEqualTo(2);
        }

        @Test
        void findsChineseTermsInsideText() {
            assertThat(quotes(find(List.of("数据湖"), "我们的数据湖很大，数据湖需要治理。")))
                    .containsExactly("数据湖", "数据湖");
        }

        @Test
        void findsMultiWordTermsAndNothingWhenAbsent() {
            assertThat(quotes(find(List.of("data lake"), "Our Data Lake is a data lake."))).containsExactly(
                    "Data Lake", "data lake");
            assertThat(find(List.of("warehouse"), "Our Data Lake is a data lake.")).isEmpty();
        }
    }

    @Nested
    class LongSentences {
        @Test
        void flagsEnglishSentencesOverFortyWords() {
            String longOne = "This sentence " + "goes on and on ".repeat(10) + "until the end.";
            List<Annotation> found = run(Check.LONG_SENTENCE, "A short sentence. " + longOne + " Another short one.");

            assertThat(quotes(found)).containsExactly(longOne);
            assertThat(found.get(0).rule()).isEqualTo("long_sentence/en");
            assertThat(found.get(0).message()).contains("45 words");
        }

        @Test
        void flagsChineseSentencesOverEightyCharacters() {
            String longOne = "这是一个非常长的句子" + "，其中包含很多很多的内容和细节".repeat(6) + "。";
            List<Annotation> found = run(Check.LONG_SENTENCE, "短句。" + longOne + "又一个短句。");

            assertThat(quotes(found)).containsExactly(longOne);
            assertThat(found.get(0).rule()).isEqualTo("long_sentence/zh");
        }

        @Test
        void leavesOrdinarySentencesAlone() {
            assertThat(run(Check.LONG_SENTENCE, "Short and clear. Also fine.", "这句话很短。那句也不长！")).isEmpty();
        }
    }

    @Nested
    class Passive {
        @Test
        void flagsEnglishPassivesWithRegularAndIrregularParticiples() {
            List<Annotation> found = run(Check.PASSIVE_VOICE,
                    "The file was deleted by the job. Reports are written nightly. It has been always built here.");

            assertThat(quotes(found)).containsExactly("was deleted", "are written", "been always built");
            assertThat(found).allSatisfy(a -> assertThat(a.rule()).isEqualTo("passive_voice/en"));
        }

        @Test
        void flagsTheChineseBeiConstruction() {
            List<Annotation> found = run(Check.PASSIVE_VOICE, "文件被系统删除了。他盖着被子。");

            assertThat(quotes(found)).containsExactly("被系统删除了");
            assertThat(found.get(0).rule()).isEqualTo("passive_voice/zh");
        }

        @Test
        void leavesActiveSentencesAlone() {
            assertThat(run(Check.PASSIVE_VOICE, "The job deletes the file. She is tired. We need more speed.",
                    "系统删除文件。被告出庭。")).isEmpty();
        }
    }

    @Nested
    class Vague {
        @Test
        void flagsEnglishVagueWordsAsWholeWords() {
            List<Annotation> found = run(Check.VAGUE_WORDS,
                    "It will take approximately 3 days, maybe more, for about 20 users, etc. Something is fine.");

            // "etc." closing a list of examples is not vague (on real documents it never was)
            assertThat(quotes(found)).containsExactly("approximately", "maybe", "about");
            assertThat(found.get(0).rule()).isEqualTo("vague_words/approximately");
        }

        @Test
        void flagsChineseVagueWords() {
            List<Annotation> found = run(Check.VAGUE_WORDS, "预计大概需要3天左右，可能更久，也需要不少资源。这不可能。");

            assertThat(quotes(found)).containsExactly("大概", "左右", "可能", "不少");
            assertThat(found.get(0).rule()).isEqualTo("vague_words/大概");
        }

        @Test
        void leavesOrdinaryQuantifiersAndPossibilitiesAlone() {
            // real manuals: "for some tests", 您可能需要手动设置; but 可能比平时多 hedges an amount
            // zstd's README, grep(1), coreutils' README, the GPL and man(1) in Chinese
            List<Annotation> found = run(Check.VAGUE_WORDS, "For some tests, set some other encoding.",
                    "Several fast compression algorithms were tested; a few other algorithms can produce higher "
                            + "compression ratios by using various operators. Print sizes like 1K 234M 2G etc.",
                    "Keep it available for as long as needed to satisfy these requirements.",
                    "您可能需要手动设置，可能包括一些环境变量。一个手册页面包含若干个小节，复制交叉引用时可能更方便。",
                    "某些系统不同。支持请求可能比平时多。");

            assertThat(quotes(found)).containsExactly("可能");
            assertThat(found.get(0).paragraph()).isEqualTo(5);
        }

        @Test
        void leavesApproximateFiguresThatDescribeDataAlone() {
            // zstd's README describes its benchmark data; the planted proposal hedges a forecast
            List<Annotation> found = run(Check.VAGUE_WORDS,
                    "It consists of roughly 10K records weighing about 1KB each. Decompression speed is preserved "
                            + "and remains roughly the same at all settings.",
                    "We expect the new platform to cut page load times approximately in half. The move will take "
                            + "about 6 weeks.",
                    "每条记录大约1KB，共10万条左右。我们预计新平台可以把页面加载时间缩短大概一半。");

            assertThat(quotes(found)).containsExactly("approximately", "about", "大概");
        }

        @Test
        void anApproximateLimitIsNoLimit() {
            // a specification's limit or deadline must be checkable; the same figure describing data is fine
            List<Annotation> found = run(Check.VAGUE_WORDS,
                    "The upload limit is approximately 25 MB. The archive holds about 25 MB of records.",
                    "单个文件上限大约25 MB。归档中的记录大约25 MB。");

            assertThat(quotes(found)).containsExactly("approximately", "大约");
        }

        @Test
        void ifPossibleHedgesAPromiseOrAnInstructionNotADescription() {
            // coreutils' README describes what configure does; a plan or a request leaves the reader guessing
            List<Annotation> found = run(Check.VAGUE_WORDS,
                    "There is code in configure to find and, if possible, enable an appropriate compiler.",
                    "We will publish the report by Friday if possible. Please reply within a week if possible.");

            assertThat(quotes(found)).containsExactly("if possible", "if possible");
            assertThat(found).allSatisfy(a -> assertThat(a.paragraph()).isEqualTo(2));
        }

        @Test
        void possiblyThatWidensANounPhraseIsNotAHedge() {
            // the Artistic licence: "other (possibly commercial) programs"
            List<Annotation> found = run(Check.VAGUE_WORDS,
                    "You may embed this Package in aggregate with other (possibly commercial) programs as part of a "
                            + "larger (possibly commercial) software distribution. It returns a possibly empty list.",
                    "The release will possibly slip to May.");

            assertThat(quotes(found)).containsExactly("possibly");
            assertThat(found.get(0).paragraph()).isEqualTo(2);
        }

        @Test
        void leavesPreciseTextAlone() {
            assertThat(run(Check.VAGUE_WORDS, "It takes 3 days for 20 users. Read about the design.",
                    "需要3天。左右两侧对齐。这不可能。")).isEmpty();
        }
    }

    @Nested
    class Repeated {
        @Test
        void flagsRepeatedEnglishWordsIgnoringCase() {
            List<Annotation> found = run(Check.REPEATED_WORDS, "The the file is is ready. I knew that that was it.");

            assertThat(quotes(found)).containsExactly("The the", "is is");
            assertThat(found.get(0).suggestion()).isEqualTo("The");
        }

        @Test
        void flagsDoubledChineseCharactersButNotIdioms() {
            List<Annotation> found = run(Check.REPEATED_WORDS, "这是我的的文件，做完了了。此事不了了之，的的确确。");

            assertThat(quotes(found)).containsExactly("的的", "了了");
            assertThat(found.get(0).rule()).isEqualTo("repeated_words/zh");
        }

        @Test
        void aCommandBeforeAPageOrFileNameIsNotARepeatedWord() {
            // man(1) in Chinese: "man man.7 显示章节 7 中宏包 man 对应的手册页"; a real doubled word before a full stop stays
            assertThat(quotes(run(Check.REPEATED_WORDS, "示例 man man.7 显示章节 7 中宏包 man 对应的手册页。",
                    "Compile it with cc cc.c first. Then read the manual manual.")))
                    .containsExactly("manual manual");
        }

        @Test
        void twoOperandsInCapitalsAreNotADoubledWordButOnesInAPassageSetInCapitalsAreAndANameIsOnlyAWarning() {
            // tar(1)'s synopsis and its -b option; a disclaimer set in capitals; a place name
            List<Annotation> found = run(Check.REPEATED_WORDS,
                    "tar -A [OPTIONS] ARCHIVE ARCHIVE",
                    "tar {--catenate|--concatenate} [OPTIONS] ARCHIVE ARCHIVE",
                    "Set record size to BLOCKS x 512 bytes. It can can be suffixed with a size suffix.",
                    "IN NO EVENT SHALL THE THE AUTHORS BE LIABLE FOR ANY CLAIM.",
                    "The ferry leaves for Walla Walla at noon.");

            assertThat(quotes(found)).containsExactly("can can", "THE THE", "Walla Walla");
            assertThat(found).extracting(Annotation::severity).containsExactly("error", "error", "warning");
        }

        @Test
        void commandsThatDifferInCaseAFileNameAndAPromptLineAreNotDoubledWordsAndTheTheIsOnlyAWarning() {
            // sed(1)'s command list, xz's README (its file table and a gdb session); the last two are real slips
            List<Annotation> found = run(Check.REPEATED_WORDS,
                    "h H    Copy/append pattern space to hold space.",
                    "g G    Copy/append hold space to pattern space.",
                    "INSTALL.generic     Generic install instructions for those not familiar with the build.",
                    "get a backtrace using gdb:\n  $ gdb /path/to/app-binary   # Load the app.\n"
                            + "  (gdb) core core   # Open the coredump.",
                    "The the report is late.",
                    "(a) the the licensee may copy it.");

            assertThat(quotes(found)).containsExactly("The the", "the the");
            assertThat(found).extracting(Annotation::severity).containsExactly("warning", "error");
        }

        @Test
        void aNounBeforeTheOptionsPlaceholderIsNotADoubledWordButATypoInTheSamePageIs() {
            // wget(1), gpg(1), make(1) rendered as text: the italic placeholder reads as the noun again
            List<Annotation> found = run(Check.REPEATED_WORDS, "NAME", "       wget - the network downloader",
                    "SYNOPSIS", "       wget [option]... [URL]...",
                    "       -T seconds\n       --timeout=seconds\n           Set the network timeout to seconds seconds.",
                    "       --status-file file\n              Same as --status-fd, except the status data is written to"
                            + "\n              file file.",
                    "       -o file, --old-file=file, --assume-old=file\n            Do not remake the file file even if"
                            + " it is older than its dependencies.",
                    "              via the defined external methods.  If a fingerprint is given and\n"
                            + "              and   the  methods  defined  by  --auto-key-locate  define  LDAP",
                    "       Run it with -v to\n       to see more; support for the prefix was was added in 7.75.0.");

            assertThat(quotes(found)).containsExactly("and\n              and", "to\n       to", "was was");
        }

        @Test
        void outsideAManualPageOrAfterAJustifiedLinesFunctionWordADoubledWordStaysASlip() {
            // a README that shows one option with a placeholder; a manual whose justified line puts "is" after "-r"
            assertThat(quotes(run(Check.REPEATED_WORDS, "Run `tool --output=file` to keep the log.",
                    "Copy the file file to the server.")))
                    .containsExactly("file file");
            assertThat(quotes(run(Check.REPEATED_WORDS, "NAME", "       cp - copy files", "SYNOPSIS", "       cp [OPTION]...",
                    "       -r is  implied by -a.", "       The copy is is made in place.")))
                    .containsExactly("is is");
        }

        @Test
        void aWordEndingAHyphenatedCompoundAndThenTheWordAgainIsASlip() {
            assertThat(quotes(run(Check.REPEATED_WORDS, "This is a well-known known issue of the parser.")))
                    .containsExactly("known known");
        }

        @Test
        void theSameNounIsStillADoubledWordWhereNoOptionTakesItAsAPlaceholder() {
            assertThat(quotes(run(Check.REPEATED_WORDS, "Read the passphrase from file file. Set it to seconds seconds.")))
                    .containsExactly("file file", "seconds seconds");
        }

        @Test
        void aWordInAHyphenatedCompoundIsAnotherName() {
            // gpg(1)'s import options (two names of one item), dpkg(1)'s placeholder, XML in a specification
            List<Annotation> found = run(Check.REPEATED_WORDS,
                    "              import-show\n              show-only\n                     Show a listing of the key.",
                    "           Update dpkg's and dselect's idea of which packages are available with information "
                            + "from the package package-file.",
                    "<mime-type type=\"text/plain\"> lists the the glob patterns of the type.");

            assertThat(quotes(found)).containsExactly("the the");
        }

        @Test
        void aTermListsHeadBeforeItsDescriptionAndAPageHeaderAreNotDoubledWords() {
            // gpg(1)'s edit commands, curl(1)'s feature list, apt-get(8)'s page header; a slip in a description stays
            List<Annotation> found = run(Check.REPEATED_WORDS,
                    "              check  Check the signatures on all selected user IDs.",
                    "              HSTS   HSTS support is present.",
                    "APT-GET(8)                            APT                           APT-GET(8)",
                    "              save   Save all changes to the keyring and and quit.");

            assertThat(quotes(found)).containsExactly("and and");
        }

        @Test
        void leavesCleanTextAndPlaceholdersAlone() {
            assertThat(run(Check.REPEATED_WORDS, "The file is ready.", "Run it with --dir DIR.", "这是我的文件。"))
                    .isEmpty();
        }
    }

    @Nested
    class TodoMarkers {
        @Test
        void flagsMarkersAsWarnings() {
            List<Annotation> found = run(Check.TODO_MARKERS, "TODO: finish. Owner TBD.", "价格待定，XXX公司负责，内容待补充。");

            assertThat(quotes(found)).containsExactly("TODO", "TBD", "待定", "XXX", "待补充");
            // a marker may sit in a page header or a quoted example: worth a look, not surely wrong
            assertThat(found).allSatisfy(a -> assertThat(a.severity()).isEqualTo("warning"));
            assertThat(found.get(0).rule()).isEqualTo("todo_markers/todo");
        }

        @Test
        void theValueAnOptionTakesIsNotABlankButALetterToFillInIs() {
            // curl(1)'s option list; a form letter with its blank left in
            assertThat(quotes(run(Check.TODO_MARKERS,
                    "       --engine <name>\n              Select the OpenSSL crypto engine to use for cipher operations.",
                    "       -A, --user-agent <name>\n              (HTTP) Specify the User-Agent string to send.",
                    "       --proxy-service-name=<name> changes the service name.",
                    "Dear <name>, the meeting moved to Friday. Signed: <name>")))
                    .containsExactly("<name>", "<name>");
        }

        @Test
        void aFileCalledTodoIsNotUnfinishedWork() {
            // From the READMEs of man-db and gzip: the project's TODO file, named as a file.
            assertThat(run(Check.TODO_MARKERS, "Read docs/TODO for future plans.",
                    "Several planned features are not yet supported (see the file TODO).",
                    "Plans are listed in TODO.md and in the files TODO and NEWS.", "计划见文件 TODO。")).isEmpty();
            assertThat(quotes(run(Check.TODO_MARKERS, "See the file list. TODO: add the rest. Owner: TBD/TBC.", "")))
                    .containsExactly("TODO", "TBD", "TBC");
        }

        @Test
        void aTemplateTheTextTellsTheReaderToFillInIsNotUnfinishedWork() {
            // From the Apache licence's appendix: the notice to copy, its fields named as blanks for the reader.
            assertThat(run(Check.TODO_MARKERS,
                    "To apply the License to your work, attach the following boilerplate notice, with the fields"
                            + " enclosed by brackets \"[]\" replaced with your own identifying information.",
                    "Copyright [yyyy] [name of copyright owner]",
                    "使用本模板时，请将方括号中的内容替换为贵公司的信息。",
                    "甲方：某某公司")).isEmpty();
            // the same blank in a proposal that says nothing of the kind is still unfinished
            assertThat(quotes(run(Check.TODO_MARKERS, "The contract starts on [insert date] and is signed by [name of"
                    + " client].", "合同由某某公司签署。"))).containsExactly("[insert date]", "[name of client]", "某某公司");
        }

        @Test
        void aWordThatMerelyContainsAFillInVerbDoesNotMakeTheBlanksATemplate() {
            // "field-replaceable" and "substitution" name no instruction to the reader: the blanks are unfinished
            List<Annotation> found = run(Check.TODO_MARKERS,
                    "The battery pack is field-replaceable, and substitution of the brackets voids the warranty.",
                    "Warranty holder: [Client name]. Purchased on [insert date].");

            assertThat(quotes(found)).containsExactly("[Client name]", "[insert date]");
            // a form the text quotes to explain it is shown, not left to fill in (the Go survey's charts)
            assertThat(run(Check.TODO_MARKERS, "The number of respondents is included in the chart, in the form "
                    + "“n = [number of respondents]”.")).isEmpty();
            // a quotation that is nothing but the blank is still one to fill
            assertThat(quotes(run(Check.TODO_MARKERS, "The subject line of the mail to customers is \"[insert "
                    + "subject]\" and it goes out on Monday."))).containsExactly("[insert subject]");
            // the same blanks after an instruction in the reader's own words stay a template
            assertThat(run(Check.TODO_MARKERS, "Replace the fields in brackets with your own details.",
                    "Warranty holder: [Client name]. Purchased on [insert date].")).isEmpty();
        }

        @Test
        void aMarkerTheTextQuotesAsSpeechOrATermIsNoLeftover() {
            // the kernel's management style in Chinese: XXX stands for any topic, on purpose
            assertThat(run(Check.TODO_MARKERS,
                    "职责变成了“听起来像是个好主意——去尝试吧”，或者“听起来不错，但是XXX呢？”。",
                    "第二个版本是一个很好的方法，要么学习一些关于“XXX”的新东西，要么指出一些聪明的替代方案。",
                    "Search the sources for the word \"TODO\" and the tag “FIXME” before a release.")).isEmpty();
            // the same markers outside quotation marks are still leftovers, as is a quoted TBD beside a bare one
            assertThat(quotes(run(Check.TODO_MARKERS, "但是XXX呢？维护窗口待定。",
                    "The reviewer wrote \"looks fine\". TODO: confirm the window. The rollback plan is TBD.")))
                    .containsExactly("XXX", "待定", "TODO", "TBD");
            // an inch sign and a quote much later are no quotation around the leftover between them
            assertThat(quotes(run(Check.TODO_MARKERS, "Print the cover at 8.5\" wide on heavy paper. TODO: confirm the "
                    + "paper weight and the number of copies with the print shop before the order goes out. The label "
                    + "on the box reads \"Cover\".")))
                    .containsExactly("TODO");
        }

        @Test
        void leavesWordsThatContainMarkersAlone() {
            assertThat(run(Check.TODO_MARKERS, "The todo app and TODOS are products. Xxx.", "已确定。")).isEmpty();
        }
    }

    @Nested
    class NumberWords {
        @Test
        void flagsWordsAndFiguresThatDisagree() {
            List<Annotation> found = run(Check.NUMBER_MISMATCH,
                    "We need three (4) servers and 5 (five) disks, twenty-one (21) users.", "需要三个（4个）节点和两（2）块盘。");

            assertThat(quotes(found)).containsExactly("three (4)", "三个（4个）");
            assertThat(found).allSatisfy(a -> assertThat(a.rule()).isEqualTo("number_mismatch/words_vs_digits"));
        }
    }

    @Test
    void theDefaultChecksTogetherStayAnchoredOnMixedText() {
        // passives by default only where the actor of a decision is hidden: "was approved", 被经理批准
        ExtractedText t = text("The the report must be approved approximately TODO.", "", "报告被经理批准了了，预计大概待定。",
                "Mixed 中文 and English (SLA) text.");
        Requirement all = new DefaultAnalyser().parse("");

        List<Annotation> found = runAll(new DefaultAnalyser(), t, all);

        assertThat(found).extracting(Annotation::category).contains(
                "repeated_words", "passive_voice", "vague_words", "todo_markers");
    }
}
