package dev.docannotator.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;

/** The operator console drives the rollout only with the admin token. */
@ExtendWith(BrowserExtension.class)
class AdminConsoleTest {

    @RegisterExtension
    static final BrowserServer server = BrowserServer.perClass();

    @Test
    void withTheTokenTheConsoleAdvancesOneStageAndRecordsIt(WebDriver driver) {
        AdminConsole console = new AdminConsole(driver, server.baseUrl()).open();
        console.typeToken(server.adminToken());
        driver.findElement(org.openqa.selenium.By.id("connect")).click();
        console.waitUntil(d -> !console.stage().isEmpty());
        int before = Integer.parseInt(console.stage());
        int historyBefore = console.hook("history").findElements(org.openqa.selenium.By.tagName("li")).size();

        console.typeReason("canary looks healthy");
        // Gates need soak time and traffic a fresh server lacks; forcing is the operator's explicit choice.
        driver.findElement(org.openqa.selenium.By.id("force")).click();
        console.hook("advance").click();
        // Forcing asks first.
        console.waitUntil(d -> console.hook("confirm").isDisplayed());
        console.hook("confirm").click();

        console.waitUntil(d -> console.stage().equals(String.valueOf(before + 1)));
        assertThat(console.hook("rollout-percentage").getText()).endsWith("%");
        assertThat(console.hook("history").getText()).contains("canary looks healthy");
        assertThat(console.hook("history").findElements(org.openqa.selenium.By.tagName("li")))
                .hasSize(historyBefore + 1);
        assertThat(console.hook("gates").isDisplayed()).isTrue();
        assertThat(console.hook("admin-error").isDisplayed()).isFalse();
        assertThat(driver.getCurrentUrl()).doesNotContain(server.adminToken());
    }

    @Test
    void withoutTheTokenTheConsoleIsRefusedAndNothingChanges(WebDriver driver) {
        AdminConsole console = new AdminConsole(driver, server.baseUrl()).open();
        String stageBefore = server.rolloutStage();

        console.typeReason("no token");
        console.hook("advance").click();

        console.waitUntil(d -> console.hook("admin-error").isDisplayed());
        assertThat(console.errorText()).isNotBlank();
        assertThat(server.rolloutStage()).isEqualTo(stageBefore);
        assertThat(console.stage()).isEmpty();
    }

    @Test
    void aConsoleWithAStaleVersionIsRefusedAndThenShowsTheCurrentState(WebDriver driver) {
        AdminConsole console = new AdminConsole(driver, server.baseUrl()).open();
        console.typeToken(server.adminToken());
        driver.findElement(org.openqa.selenium.By.id("connect")).click();
        console.waitUntil(d -> !console.stage().isEmpty());
        String versionShown = driver.findElement(org.openqa.selenium.By.id("rollout-version")).getText();

        server.setPercentageElsewhere(7, "changed by someone else");
        console.typeReason("based on an old view");
        console.hook("percentage").clear();
        console.hook("percentage").sendKeys("9");
        console.hook("set-percentage").click();

        console.waitUntil(d -> console.hook("admin-error").isDisplayed());
        console.waitUntil(d -> console.hook("rollout-percentage").getText().equals("7%"));
        assertThat(driver.findElement(org.openqa.selenium.By.id("rollout-version")).getText()).isNotEqualTo(versionShown);
        assertThat(console.hook("history").getText()).contains("changed by someone else")
                .doesNotContain("based on an old view");
    }

    @Test
    void theTokenIsKeptInSessionStorageOnly(WebDriver driver) {
        AdminConsole console = new AdminConsole(driver, server.baseUrl()).open();
        console.typeToken(server.adminToken());
        driver.findElement(org.openqa.selenium.By.id("connect")).click();
        console.waitUntil(d -> !console.stage().isEmpty());

        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
        assertThat(js.executeScript("return JSON.stringify(localStorage)").toString())
                .doesNotContain(server.adminToken());
        assertThat(js.executeScript("return document.cookie").toString()).doesNotContain(server.adminToken());
        assertThat(driver.getCurrentUrl()).doesNotContain(server.adminToken());

        driver.navigate().refresh();
        console.waitUntil(d -> !console.stage().isEmpty());
        assertThat(console.hook("admin-token").getDomProperty("value")).isEqualTo(server.adminToken());
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(5))
                .until(d -> console.hook("admin-error").getText().isEmpty());
    }
}
