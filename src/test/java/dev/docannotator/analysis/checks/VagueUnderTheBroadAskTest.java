package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.runAll;
import static dev.docannotator.analysis.AnalysisFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.DefaultAnalyser;
import dev.docannotator.document.ExtractedText;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Under the broad ask ("Check everything", 全部检查) only the vague words that withhold what the reader needs — a
 * date, a figure, a checkable standard — are reported; hedges, degree words, discretion and quantifiers are the
 * author's voice and wait until vague words are named. The texts are those of the tenth held-out set (essays and a code of conduct
 * interpretation, where all 8 vague words the broad ask reported were judged false) and the planted proposals.
 */
class VagueUnderTheBroadAskTest {
    private final DefaultAnalyser analyser = new DefaultAnalyser();

    /** General writing: the kernel's management style and code of conduct, the Debian manifesto. */
    private static final ExtractedText ESSAYS = text(
            "Most people are idiots, and being a manager means you'll have to deal with it, and perhaps more "
                    + "importantly, that they have to deal with you.",
            "It is one thing to put together a system from scratch; it is quite another to ensure that the system "
                    + "is easy for others to install, and we will probably need a number of volunteers for that.",
            "提交给内核的贡献应该使用适当的语言。行为准则委员会根据流程审查案例，并根据需要和适当与TAB协商。",
            "委员会做出的任何决定都将提交到表中，以便在必要时与相关维护人员一起执行。",
            "做一些小的决定是很好的，并且会使您看起来好像知道自己在做什么。你也许会在道德和智力上比你周围的每个人都优越。");

    /** A plan: what it withholds is a date, a figure or a standard nobody can check. */
    private static final ExtractedText PLAN = text(
            "We expect the new platform to cut page load times approximately in half. We will review the results "
                    + "in the near future and publish the fixed version soon.",
            "Such description must be sufficiently detailed for a recipient of ordinary skill to be able to "
                    + "understand it, and the source must be made available in a timely manner.",
            "我们会尽快审查结果，并在适当的时候发布一份简短的报告。主要风险是第一周的支持请求可能比平时多。",
            "我们预计新平台可以把页面加载时间缩短大概一半，或许还需要适当增加人手。");

    @Test
    void hedgesDegreeWordsAndDiscretionInGeneralWritingAreNotReportedUnderTheBroadAsk() {
        assertThat(vague(ESSAYS, "Check everything")).isEmpty();
        assertThat(vague(ESSAYS, "全部检查")).isEmpty();
    }

    @Test
    void namedVagueWordsStillReportThemWhereTheSentenceCommits() {
        assertThat(quotes(vague(ESSAYS, "Find vague wording")))
                .contains("probably", "a number of", "适当", "必要时", "也许");
        assertThat(quotes(vague(ESSAYS, "检查模糊用词"))).contains("适当", "必要时");
    }

    @Test
    void aDateAFigureOrAStandardWithheldIsStillReported() {
        assertThat(quotes(vague(PLAN, "Check everything"))).containsExactly(
                "approximately", "in the near future", "soon", "sufficiently", "in a timely manner",
                "尽快", "适当", "可能", "大概", "适当");
        // the hedge 或许 only when vague words are named
        assertThat(quotes(vague(PLAN, "Find vague wording"))).contains("或许");
    }

    @Test
    void inReportsAndGuidesOnlyWhatTheAuthorPromisesEstimatesOrRequiresIsReportedUnderTheBroadAsk() {
        // the eleventh to thirteenth unseen sets: an announcement, a PEP, a HOWTO, a design document, judged false
        ExtractedText reports = text("More details will be announced soon and updates will be posted on the site.",
                "Python 3.X.0 will be developed for around 17 months.",
                "Software should only work with Unicode strings internally, decoding the input data as soon as "
                        + "possible and encoding the output only at the end.",
                "Bringing in experts can happen at any time and needs to be handled in a timely manner.",
                "当Master下线后，在Slave代理Master一段时间后，Master会自动完成元数据的同步。",
                "We will review the results in the near future, and the migration will take approximately six weeks.",
                // GitHub's DMCA policy: the figure is given, the hedge is honest
                "We will process your notice within approximately 1 business day, and we expect the fee to be about "
                        + "$20. 我们预计审核需要3天左右，大约三天完成。",
                // a share, a fraction or a change is the estimate itself
                "We expect to cut load times by approximately 50%, to approximately one-third of today's.",
                "We plan to migrate as soon as possible.",
                // a limit given approximately is no limit anyone can keep to
                "The upload limit is approximately 25 MB.");

        assertThat(quotes(vague(reports, "Check everything"))).containsExactly(
                "in the near future", "approximately", "approximately", "as soon as possible", "approximately");
        // named, vague words are read in every sentence that commits or instructs, as before
        assertThat(quotes(vague(reports, "Find vague wording")))
                .contains("soon", "as soon as possible", "in a timely manner", "一段时间", "approximately", "about",
                        "左右");
    }

    @Test
    void aStandardWhoseTestFollowsCanBeChecked() {
        // a paper on micro-robots: the consequence is the test; the licence's test is a reader's judgement
        ExtractedText paper = text("In order for the actuator to move, the voltage must be less than the maximum "
                + "voltage at which that curvature is sufficiently relieved to generate forward motion.",
                "The gap must be sufficiently close to the edge. Such description must be sufficiently detailed for "
                        + "a recipient of ordinary skill to be able to understand it.",
                // "close to" relates the value to zero; how close is what the reader is not told
                "The residual must be sufficiently close to zero before the next step.",
                // after "close" or "similar" a verb is still the consequence that tests it
                "The sensor must be sufficiently close to trigger the alarm, and two records sufficiently similar to "
                        + "be merged automatically.",
                // Dive into Deep Learning: a that-clause gives the consequence too
                "The model family must be sufficiently rich that, via another setting of the knobs, it "
                        + "can carry out the mapping.",
                // a state of mind before "that" is a hedge, and only "sufficiently" takes its test so
                "The team must be sufficiently sure that it ships, and must adequately demonstrate that it works.");

        List<Annotation> found = vague(paper, "Find vague wording");

        assertThat(quotes(found)).containsExactly("sufficiently", "sufficiently", "sufficiently", "sufficiently",
                "adequately");
        assertThat(found).extracting(Annotation::paragraph).containsExactly(2, 2, 3, 6, 6);
    }

    @Test
    void aBareSoonIsADateWithheldOnlyWhereSomeoneCommitsToIt() {
        // adduser's README: "it is not realistic to expect this to happen any time soon"
        ExtractedText memo = text("The nomination was made too soon. It soon became clear that the build was broken. "
                        + "It is not realistic to expect this to happen any time soon.",
                "Please restart the service as soon as the build finishes.",
                "We will publish the fixed version soon.");

        List<Annotation> found = vague(memo, "Check everything");

        assertThat(quotes(found)).containsExactly("soon");
        assertThat(found.get(0).paragraph()).isEqualTo(3);
    }

    private List<Annotation> vague(ExtractedText text, String requirement) {
        return runAll(analyser, text, analyser.parse(requirement)).stream()
                .filter(a -> a.category().equals("vague_words")).toList();
    }
}
