package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.Check;
import dev.docannotator.analysis.text.Genre;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DocumentChecksTest {

    @Nested
    class InconsistentTerms {
        @Test
        void flagsMinoritySpellingsAndSuggestsTheDominantOne() {
            List<Annotation> found = run(Check.INCONSISTENT_TERMS,
                    "Send an email. The email arrives.", "E-mail is slow.", "Please log-in. The login page.",
                    "Use the login form.");

            assertThat(quotes(found)).containsExactly("E-mail", "log-in");
            assertThat(found.get(0).suggestion()).isEqualTo("Email");
            assertThat(found.get(1).suggestion()).isEqualTo("login");
            assertThat(found.get(0).rule()).isEqualTo("inconsistent_terms/email");
            assertThat(found.get(0).paragraph()).isEqualTo(2);
            assertThat(found.get(0).message()).contains("\u201cemail\u201d 2 times");
        }

        @Test
        void flagsSpaceAndInnerCapitalVariants() {
            List<Annotation> found = run(Check.INCONSISTENT_TERMS,
                    "The database is up. Back up the database daily.", "The data base is slow.",
                    "JavaScript and JavaScript again; Javascript once.");

            assertThat(quotes(found)).containsExactly("data base", "Javascript");
            assertThat(found.get(1).suggestion()).isEqualTo("JavaScript");
        }

        @Test
        void flagsKnownChineseVariants() {
            List<Annotation> found = run(Check.INCONSISTENT_TERMS, "请先登录系统。登录后修改账号。", "登陆失败时联系管理员。");

            assertThat(quotes(found)).containsExactly("登陆");
            assertThat(found.get(0).suggestion()).isEqualTo("登录");
        }

        @Test
        void leavesConsistentTextSentenceStartsPhrasesAndUrlsAlone() {
            assertThat(run(Check.INCONSISTENT_TERMS,
                    "Email is fast. Send email now.", "Log in on the login page. Set up the setup.",
                    "Maybe it may be so.", "GitHub hosts it at https://github.com/acme.", "请登录。登录后继续。"))
                    .isEmpty();
        }
    }

    @Nested
    class Acronyms {
        @Test
        void flagsAcronymsUsedBeforeTheirDefinitionOrNeverDefined() {
            List<Annotation> found = run(Check.UNDEFINED_ACRONYMS,
                    "The SLA applies to the RPO.", "A Service Level Agreement (SLA) is a contract.",
                    "The SLA and the RPO again, with a PDF over HTTP via the API.");

            assertThat(quotes(found)).containsExactly("SLA", "RPO");
            assertThat(found.get(0).rule()).isEqualTo("undefined_acronyms/used_before_definition");
            assertThat(found.get(0).message()).contains("paragraph 2");
            assertThat(found.get(1).rule()).isEqualTo("undefined_acronyms/never_defined");
            assertThat(found).allSatisfy(a -> assertThat(a.paragraph()).isEqualTo(1));
        }

        @Test
        void acceptsEveryDefinitionStyle() {
            assertThat(run(Check.UNDEFINED_ACRONYMS,
                    "Recovery Point Objective (RPO) first, then RPOs.", "MTTR (mean time to repair) matters; MTTR is key.",
                    "服务等级协议（SLA）很重要，SLA必须遵守。", "KPI: key performance indicator", "Every KPI counts."))
                    .isEmpty();
        }

        @Test
        void flagsUndefinedAcronymsInChineseText() {
            List<Annotation> found = run(Check.UNDEFINED_ACRONYMS, "系统的RTO必须小于一小时。");

            assertThat(quotes(found)).containsExactly("RTO");
        }

        @Test
        void ignoresWellKnownAcronymsMarkersNumeralsAndCapitalHeadings() {
            assertThat(run(Check.UNDEFINED_ACRONYMS, "Export a PDF via the REST API over HTTPS, OK?",
                    "TODO in part II.", "INTRODUCTION TO THE NEW SYSTEM", "serve --port PORT --data-dir DIR FILE",
                    "NOTE: the CLI reads README files.")).isEmpty();
        }

        @Test
        void leavesManualPagePlaceholdersVariablesAndFormatsAloneButNotARealAbbreviation() {
            // from grep(1), man(1) and login(1): a metavariable is used in prose after its option introduced it
            List<Annotation> found = run(Check.UNDEFINED_ACRONYMS,
                    "GREP(1) User Commands GREP(1)",
                    "-D ACTION, --devices=ACTION If an input file is a device, use ACTION to process it.",
                    "--color[=WHEN] Surround the matches. WHEN is never, always, or auto.",
                    "login [-p] [ENV=VAR...]", "SYSTEM If $SYSTEM is set, it acts like -m.",
                    "The date may be written YYYY-MM-DD. Under Linux, the SAK mechanism can be used.",
                    "Use it with GNU, POSIX or BSD systems.");

            assertThat(quotes(found)).containsExactly("SAK");
        }
    }

    @Nested
    class Quantities {
        @Test
        void flagsTheSameQuantityStatedWithAnotherValue() {
            List<Annotation> found = run(Check.NUMBER_MISMATCH,
                    "The upload limit is 25 MB.", "Files pass when the upload limit is 25 MB or less.",
                    "Note that the upload limit is 30 MB.");

            assertThat(quotes(found)).containsExactly("30 MB");
            Annotation a = found.get(0);
            assertThat(a.suggestion()).isEqualTo("25 MB");
            assertThat(a.rule()).isEqualTo("number_mismatch/quantity");
            assertThat(a.message()).contains("upload limit").contains("paragraph 1");
        }

        @Test
        void aManualPagesStatusOrSettingWithoutAUnitIsNotAQuantityButOneWithAUnitStillIs() {
            // gzip(1) and patch(1): values under different conditions; a manual's size limit still has one value
            String[] manual = {"NAME", "gzip - compress or expand files", "SYNOPSIS", "gzip [ -cdfhklLnNrtvV19 ] [ name ... ]",
                    "DESCRIPTION", "Exit status is normally 0; if an error occurs, the exit status is 1.",
                    "If a warning occurs, the exit status is 2.", "The block size limit is 64 KB.",
                    "Note that the block size limit is 32 KB."};
            assertThat(Genre.of(String.join("\n", manual))).isEqualTo(Genre.MANUAL);

            assertThat(quotes(run(Check.NUMBER_MISMATCH, manual))).containsExactly("32 KB");
            // the same in a zh_CN page's words
            String[] chinese = {"名称", "gzip - 压缩或解压文件", "大纲", "gzip [ -cdfhklLnNrtvV19 ] [ 名称 ... ]", "描述",
                    "正常时退出状态为0；如果发生错误，退出状态为1。", "如果出现警告，退出状态为2。", "块大小上限为64KB。",
                    "注意：块大小上限为32KB。"};
            assertThat(Genre.of(String.join("\n", chinese))).isEqualTo(Genre.MANUAL);
            assertThat(quotes(run(Check.NUMBER_MISMATCH, chinese))).containsExactly("32KB");
        }

        @Test
        void flagsPercentagesOfOneNamedThingThatDiffer() {
            List<Annotation> found = run(Check.NUMBER_MISMATCH,
                    "We target a success rate of 95%.", "In tests the success rate is 90 percent.");

            assertThat(quotes(found)).containsExactly("90 percent");
            assertThat(found.get(0).rule()).isEqualTo("number_mismatch/percentage");
        }

        @Test
        void aChineseQuantityNamedForOneOwnerIsComparedWithItsOwnAndWithOnesNamingNone() {
            // a value with no owner may be about the named one; the same owner's two values differ
            assertThat(quotes(run(Check.NUMBER_MISMATCH, "Redis 缓存上限为 1GB。", "注意：缓存上限为 2GB。")))
                    .containsExactly("2GB");
            assertThat(quotes(run(Check.NUMBER_MISMATCH, "NOI2024 自测次数上限为 50 次。", "NOI2024 自测次数上限为 30 次。",
                    "NOI2025 自测次数上限为 20 次。"))).containsExactly("30 次");
        }

        @Test
        void flagsChineseQuantitiesThatDiffer() {
            List<Annotation> found = run(Check.NUMBER_MISMATCH, "上传文件大小上限为25MB。", "注意：文件大小上限为30MB。");

            assertThat(quotes(found)).containsExactly("30MB");
            assertThat(found.get(0).suggestion()).isEqualTo("25MB");
        }

        @Test
        void leavesDifferentSubjectsTensesUnitsQualifiersAndDatesAlone() {
            assertThat(run(Check.NUMBER_MISMATCH,
                    "The upload limit is 25 MB and the download limit is 50 MB.",
                    "The price was 10 dollars; the price is 12 dollars.",
                    "The timeout is 30 seconds. The timeout is 30 seconds.",
                    "The size is at least 1 MB and the size is at most 25 MB.",
                    "The release date is 2024-01-01; the release date is 2025-02-02.",
                    "It is 5 km away and it is 7 km away.",
                    "两（2）块盘。上传上限为25MB，下载上限为50MB。", "这是因为3个节点故障，这是因为4个节点故障。",
                    // OI Wiki: two contests' limits, each named before its subject
                    "选手的自测次数有指定上限（NOI2024 自测次数上限为 50 次，NOI2025 自测次数上限为 30 次）。",
                    "Total: 5", "Total: 7", "合计：5", "合计：7")).isEmpty();
        }
    }
}
