package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.only;
import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.Check;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an editor would catch and the old checks missed or got wrong, in English and Chinese. */
class HardCasesTest {

    @Test
    void passivesWithGetAndChinesePassiveMarkersEndAtTheirClause() {
        List<Annotation> found = run(Check.PASSIVE_VOICE,
                "Customers got notified late, but we got started on the fix at once.",
                "该账号遭到恶意攻击，服务器被位于境外的多个僵尸网络节点持续攻击了三天。",
                "会议受到广泛关注。他盖着被子睡觉。");

        assertThat(quotes(found)).containsExactly("got notified", "遭到恶意攻击",
                "被位于境外的多个僵尸网络节点持续攻击了三天", "受到广泛关注");
    }

    @Test
    void aWordRepeatedAcrossALineBreakAndDoubledChineseWordsAreErrorsButReduplicationIsNot() {
        List<Annotation> found = run(Check.REPEATED_WORDS,
                "Permission is granted to\nto any person obtaining a copy.",
                "用户需要需要先登录。我们常常看看日志，人人都要研究研究再决定。");

        assertThat(quotes(found)).containsExactly("to\nto", "需要需要");
        assertThat(found).allSatisfy(a -> assertThat(a.severity()).isEqualTo("error"));
    }

    @Test
    void oneTermInBritishAndAmericanSpellingOrInDifferentCaseIsInconsistent() {
        List<Annotation> found = run(Check.INCONSISTENT_TERMS,
                "The training programme starts in May. Colleagues organise the programme locally.",
                "Each program ends with an exam; the centres organize it.",
                "用户可在手机App中查看订单，App会推送通知。下载APP后登录即可。",
                "SEE ALSO the manual. The software is provided AS IS, see also the licence.");

        // organise/organize is a 1:1 tie: the requirement's English (American by default) decides
        assertThat(quotes(found)).containsExactly("organise", "program", "APP");
        assertThat(found.get(1).suggestion()).isEqualTo("programme");
        assertThat(found.get(0).suggestion()).isEqualTo("organize");
    }

    @Test
    void aSiteGeneratorsOwnTemplateExpressionsAreNoBlanksAndNoWords() {
        // 18F's research guide and Mozilla's open-event guide, Jekyll pages: {{ site.baseurl }} is filled in by the
        // site generator; a mail merge's {{customer.name}} is still a blank. The link's address is not words: the
        // sentence is exactly 40 words without it (measured: "longer than 39 words" reports 40), so any word of the
        // address would put it over the limit.
        List<Annotation> found = run(only(Check.TODO_MARKERS, Check.LONG_SENTENCE),
                "## Designing an event for {{ site.assignment }}",
                "Write a brief summary of the data you collected that, when read together with your [research plan]"
                        + "({{ site.baseurl }}/resources/research-plan), documents the research itself: the questions you"
                        + " started with, how you went about answering them in detail, and why it matters to you.",
                "Dear {{customer.name}}, see [bias]({{site.baseurl}}/research/bias) and {{ post.title }}.");

        assertThat(quotes(found)).containsExactly("{{customer.name}}");
    }

    @Test
    void placeholdersLeftInATemplateAreFlagged() {
        List<Annotation> found = run(Check.TODO_MARKERS,
                "Dear <name>, your contract starts on [insert date] and is signed by {{company}}.",
                "合同金额为XX万元，由某某公司于××年××月支付。",
                "See reference [1] and pass <file> to the [optional] tool.");

        assertThat(quotes(found)).containsExactly("<name>", "[insert date]", "{{company}}", "XX", "某某公司", "××", "××");
        assertThat(found).allSatisfy(a -> assertThat(a.rule()).isEqualTo("todo_markers/placeholder"));
    }

    @Test
    void aMarkdownLinksTextIsNoBlankToFillIn() {
        // Basecamp's privacy policy and the Open Source Guide: a table of contents, a link to a file
        List<Annotation> found = run(Check.TODO_MARKERS,
                "- [Your rights with respect to your information](#your-rights-with-respect-to-your-information)",
                "Put it in [your CONTRIBUTING file][contributing] and ask [Company processors](#company-processors).",
                "[contributing]: https://example.org/CONTRIBUTING.md",
                "Send it to [your manager] by [insert date][insert time].");

        assertThat(quotes(found)).containsExactly("[your manager]", "[insert date]", "[insert time]");
    }

    @Test
    void aPeriodInDigitsAndInWordsAboutTheSameThingMustAgree() {
        List<Annotation> found = run(Check.NUMBER_MISMATCH,
                "The pilot runs for 6 weeks in two regions. Training takes three days.",
                "After eight weeks of the pilot, the team reports back. The audit lasts 2 days.",
                "试点期为3个月。试点半年后进行评估。项目周期6个月，项目半年内完成。");

        assertThat(quotes(found)).containsExactly("eight weeks", "半年");
        assertThat(found.get(0).suggestion()).isEqualTo("6 weeks");
        assertThat(found.get(1).suggestion()).isEqualTo("3个月");

        // Nacos' roadmap: an ordinal year and a year of the calendar are no periods
        assertThat(run(Check.NUMBER_MISMATCH, "项目开源以来已经走过了第四个年头。项目周期为2年。项目上一年度的报告已经发布。"))
                .isEmpty();
    }
    @Test
    void theSamePeriodWrittenInDigitsAndInWordsInTwoSentencesIsStyleNotAContradiction() {
        // two documents: one that wrote all three periods both ways would have made the mix its habit
        List<Annotation> found = new ArrayList<>(run(Check.NUMBER_MISMATCH,
                "The migration is expected to take 6 months with two engineers from the platform group.",
                "The migration needs three engineers working for six months."));
        found.addAll(run(Check.NUMBER_MISMATCH,
                "迁移预计需要6个月，由平台组的两名工程师完成。迁移需要三名工程师工作半年。",
                "试用期为6个月，试用期半年内可以解约。"));

        assertThat(quotes(found)).containsExactly("six months", "半年");
        assertThat(found).allSatisfy(a -> {
            assertThat(a.rule()).isEqualTo("number_mismatch/written_two_ways");
            assertThat(a.severity()).isEqualTo("info");
        });
        assertThat(found.get(0).suggestion()).isEqualTo("6 months");
        assertThat(found.get(1).suggestion()).isEqualTo("6个月");
    }
    @Test
    void aYearAndAHalfIsEighteenMonthsNotOneYear() {
        List<Annotation> found = run(Check.NUMBER_MISMATCH, "项目周期为18个月，由两名工程师完成。项目一年半内完成。");

        // the same period written two ways, not a contradiction of 18 and 12 months
        assertThat(quotes(found)).containsExactly("一年半");
        assertThat(found.get(0).rule()).isEqualTo("number_mismatch/written_two_ways");
        assertThat(found.get(0).suggestion()).isEqualTo("18个月");
        // 一年半载, "a year or so", is no period
        assertThat(run(Check.NUMBER_MISMATCH, "项目周期为18个月，由两名工程师完成。项目一年半载也完成不了。",
                "试点期为12个月。试点一年半载后再评估。")).isEmpty();
    }

    @Test
    void aChineseFigureSpacedFromItsMeasureWordIsTheSamePeriod() {
        // "需要6⏎个月" hard-wrapped reads back as "需要6 个月"; some writers space figures from Han characters anyway
        List<Annotation> found = run(Check.NUMBER_MISMATCH,
                "迁移预计需要6 个月，由平台组的两名工程师完成。", "迁移需要三名工程师工作半年。",
                "试点期为 3 个月。试点半年后进行评估。");

        assertThat(quotes(found)).containsExactly("半年", "半年");
        assertThat(found.get(0).rule()).isEqualTo("number_mismatch/written_two_ways");
        assertThat(found.get(1).rule()).isEqualTo("number_mismatch/words_vs_digits");
    }

    @Test
    void aChineseFigureStartsWhereItsNumberStartsNotInsideAYearADecimalOrALongerNumeral() {
        // "2024年" is a year, not "024年" (24 years); "2.5小时" is not "5小时"; "一百二十天" is not "二十天"
        assertThat(run(Check.NUMBER_MISMATCH,
                "试点于2024年启动，为期两年。",
                "完整备份需要2.5小时。备份在夜间运行，每次不超过五小时。",
                "审批流程最长一百二十天。审批流程通常需要20天。")).isEmpty();
        // a figure of its own after Han characters or a space still counts
        assertThat(quotes(run(Check.NUMBER_MISMATCH, "试点期为3个月。试点半年后进行评估。"))).containsExactly("半年");
    }

    @Test
    void anEnglishFigureStartsWhereItsNumberStartsNotAfterADecimalPoint() {
        // "2.5 hours" is not "5 hours", so "five hours" later is no second spelling of it
        assertThat(run(Check.NUMBER_MISMATCH,
                "A full backup takes 2.5 hours. A full backup never runs longer than five hours.")).isEmpty();
        // a figure of its own still counts
        assertThat(quotes(run(Check.NUMBER_MISMATCH,
                "A full backup takes 5 hours. A full backup never runs longer than five hours.")))
                .containsExactly("five hours");
    }
}
