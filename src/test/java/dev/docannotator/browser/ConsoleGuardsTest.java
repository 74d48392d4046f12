package dev.docannotator.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console guards operators from one-click mistakes (force, rollback to 0 and freeze ask first), says in
 * plain words why advancing is blocked, charts each gate against its threshold, and speaks both languages.
 */
@ExtendWith(BrowserExtension.class)
class ConsoleGuardsTest {

    @RegisterExtension
    static final BrowserServer server = BrowserServer.perClass();

    private AdminConsole connect(WebDriver driver) {
        AdminConsole console = new AdminConsole(driver, server.baseUrl()).open();
        console.typeToken(server.adminToken());
        driver.findElement(By.id("connect")).click();
        console.waitUntil(d -> !console.stage().isEmpty());
        return console;
    }

    private static boolean dialogOpen(WebDriver driver) {
        return Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.getElementById('confirm-dialog').open"));
    }

    @Test
    void forceRollbackToZeroAndFreezeEachAskFirstAndCancellingChangesNothing(WebDriver driver) {
        server.rolloutToStage(1, "start of the guard test");
        AdminConsole console = connect(driver);

        // Force advance: asked; Cancel leaves the stage alone.
        console.typeReason("force it");
        driver.findElement(By.id("force")).click();
        console.hook("advance").click();
        console.waitUntil(d -> dialogOpen(d));
        console.hook("confirm-cancel").click();
        console.waitUntil(d -> !dialogOpen(d));
        assertThat(server.rolloutStage()).isEqualTo("1");
        // Asked again and confirmed: it advances.
        console.hook("advance").click();
        console.waitUntil(d -> dialogOpen(d));
        console.hook("confirm").click();
        console.waitUntil(d -> "2".equals(console.stage()));

        // Rollback to 0 (off for everyone): asked.
        new Select(driver.findElement(By.id("rollback-to"))).selectByValue("0");
        console.typeReason("turn it off");
        console.hook("rollback").click();
        console.waitUntil(d -> dialogOpen(d));
        console.hook("confirm-cancel").click();
        assertThat(server.rolloutStage()).isEqualTo("2");

        // Freeze: asked; confirmed, it freezes.
        console.typeReason("incident");
        driver.findElement(By.id("freeze")).click();
        console.waitUntil(d -> dialogOpen(d));
        console.hook("confirm").click();
        console.waitUntil(d -> !driver.findElement(By.id("rollout-frozen")).getText().equals("no")
                && !driver.findElement(By.id("rollout-frozen")).getText().equals("—"));
        assertThat(driver.findElement(By.id("rollout-frozen")).getText()).isEqualTo("yes");

        console.typeReason("incident over");
        driver.findElement(By.id("unfreeze")).click();
        console.waitUntil(d -> driver.findElement(By.id("rollout-frozen")).getText().equals("no"));
        // A rollback to the previous stage (not to 0) needs no confirmation.
        new Select(driver.findElement(By.id("rollback-to"))).selectByValue("");
        console.typeReason("one step back");
        console.hook("rollback").click();
        console.waitUntil(d -> "1".equals(console.stage()));
        assertThat(dialogOpen(driver)).isFalse();
    }

    @Test
    void theServersErrorsAreShownAsSentencesWithACapitalLetter(WebDriver driver) {
        server.rolloutToStage(1, "start of the error test");
        AdminConsole console = connect(driver);
        console.typeReason("no percentage given");
        console.hook("percentage").clear();
        console.hook("set-percentage").click();
        console.waitUntil(d -> console.hook("admin-error").isDisplayed());
        // The server says "percentage is required: …"; the console shows a sentence.
        assertThat(console.errorText()).startsWith("Percentage is required");
    }

    @Test
    void whyAdvanceIsBlockedIsAReadableListAndNothingIsListedAtTheLastStage(WebDriver driver) {
        // A fresh stage: no observations of the other tests in its window.
        server.rolloutToStage(0, "reset");
        server.rolloutToStage(1, "start of the blockers test");
        AdminConsole console = connect(driver);

        WebElement check = driver.findElement(By.id("advance-check"));
        List<WebElement> reasons = check.findElements(By.cssSelector("li"));
        assertThat(reasons).as("soak time and the four gates").hasSizeGreaterThanOrEqualTo(5);
        String text = check.getText();
        assertThat(text).contains("Cancel latency (p95)").contains("Soak time")
                .doesNotContain("cancel_latency_p95").doesNotContain("_")
                .doesNotContainPattern("\\d+\\.\\d{3,}")
                .doesNotContainPattern("\\d+(\\.\\d+)? s\\b");

        server.rolloutToStage(7, "everyone");
        driver.findElement(By.id("refresh")).click();
        console.waitUntil(d -> "7".equals(console.stage()));
        assertThat(check.findElements(By.cssSelector("li"))).isEmpty();
        assertThat(check.getText()).contains("last stage");
        assertThat(console.hook("advance").isEnabled()).isFalse();
        server.rolloutToStage(1, "back to the start");
    }

    @Test
    void eachGateShowsItsFigureOverTheStageAsAChartAgainstItsThreshold(WebDriver driver) {
        server.rolloutToStage(0, "reset");
        server.rolloutToStage(1, "start of the chart test");
        var metrics = server.cohortMetrics();
        for (int i = 0; i < 40; i++) {
            metrics.cancelLatency(true, Duration.ofMillis(100 + i * 5));
            metrics.streamFinished(true, i % 20 != 0);
        }
        AdminConsole console = connect(driver);

        WebElement latency = console.hook("gates").findElement(By.cssSelector("li[data-gate='cancel_latency_p95']"));
        WebElement chart = latency.findElement(By.cssSelector("svg.chart"));
        assertThat(chart.findElements(By.cssSelector("line.threshold"))).hasSize(1);
        assertThat(chart.findElement(By.cssSelector("polyline.series")).getDomAttribute("points")).contains(",");
        assertThat(chart.getDomAttribute("aria-label")).contains("500 ms");
        WebElement memory = console.hook("gates").findElement(By.cssSelector("li[data-gate='memory_released']"));
        assertThat(memory.findElements(By.cssSelector("svg.chart"))).as("no figure yet: no chart").isEmpty();
        assertThat(memory.getText()).contains("No figures");
    }

    @Test
    void theChineseConsoleNamesStagesActionsMetricsAndReasonsInChinese(WebDriver driver) {
        server.rolloutToStage(2, "for the language test");
        AdminConsole console = connect(driver);
        new Select(driver.findElement(By.id("lang-select"))).selectByValue("zh");

        assertThat(console.hook("rollout-stage").getText()).isEqualTo("2 · 早期用户");
        String stages = driver.findElement(By.id("stages")).getText();
        assertThat(stages).contains("金丝雀").contains("全量").doesNotContain("canary").doesNotContain("early users");
        assertThat(console.hook("history").getText()).contains("强制推进").doesNotContain("force_advance");
        assertThat(driver.findElement(By.id("metrics")).getText()).contains("流成功率").doesNotContain("stream_success_rate");
        assertThat(driver.findElement(By.id("advance-check")).getText()).contains("观察期").doesNotContain("Soak");
        assertThat(console.hook("gates").getText()).doesNotContainPattern("(?i)\\b(pass|fail|threshold|samples)\\b");

        // A write refused by the page itself speaks Chinese too.
        console.hook("reason").clear();
        console.hook("advance").click();
        console.waitUntil(d -> console.hook("admin-error").isDisplayed());
        assertThat(console.errorText()).contains("原因");
        server.rolloutToStage(1, "back");
    }
}
