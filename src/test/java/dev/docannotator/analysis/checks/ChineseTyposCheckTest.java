package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.Check;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChineseTyposCheckTest {

    @Test
    void findsCommonMisspellingsInAManualWithTheirCorrection() {
        List<Annotation> found = run(Check.TYPOS_ZH,
                "安装说明：既使网络断开，程序也会保存草稿。用户因该先按装客户端，再用帐号和密码登陆。",
                "截止2024年底，布署在生产环境的节点共有12个。");

        assertThat(quotes(found)).containsExactly("既使", "因该", "按装", "帐号", "登陆", "截止", "布署");
        assertThat(found).extracting(Annotation::suggestion)
                .containsExactly("即使", "应该", "安装", "账号", "登录", "截至", "部署");
        assertThat(found).allSatisfy(a -> {
            assertThat(a.severity()).isEqualTo("error");
            assertThat(a.category()).isEqualTo("typos_zh");
        });
        assertThat(found.get(0).rule()).isEqualTo("typos_zh/既使");
        assertThat(found.get(0).message()).contains("即使");
    }

    @Test
    void rightUsesOfTheSameCharactersAreLeftAlone() {
        // landing on the moon, a deadline, "because this project", "oneself often", "cannot do it oneself"
        assertThat(run(Check.TYPOS_ZH,
                "探测器于昨日成功登陆月球。报名截止日期为五月一日。",
                "因该项目延期，自己经常加班；用户不能自己修改密码。")).isEmpty();
    }

    @Test
    void shouldBeforeAnAdverbOfTimeOrMannerIsFoundButBecauseOfThisProposalIsNot() {
        List<Annotation> found = run(Check.TYPOS_ZH,
                "值班安排：我们因该提前通知客户，运维人员因该尽量在白天完成切换。",
                "因该提案未获批准，迁移推迟到下个季度。");

        assertThat(quotes(found)).containsExactly("因该", "因该");
        assertThat(found).extracting(Annotation::suggestion).containsOnly("应该");
    }

    @Test
    void theCheckedInListHasAtLeastSixtyPairs() {
        assertThat(new ChineseTyposCheck().size()).isGreaterThanOrEqualTo(60);
    }
}
