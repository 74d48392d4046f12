package dev.docannotator.browser;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The operator console ({@code /admin}) seen only through its {@code data-testid} hooks. */
final class AdminConsole {

    private final WebDriver driver;
    private final String baseUrl;

    AdminConsole(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    AdminConsole open() {
        driver.get(baseUrl + "/admin");
        waitUntil(d -> hook("advance").isDisplayed());
        return this;
    }

    WebElement hook(String id) {
        return driver.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    AdminConsole typeToken(String token) {
        WebElement input = hook("admin-token");
        input.clear();
        input.sendKeys(token);
        return this;
    }

    AdminConsole typeReason(String reason) {
        WebElement input = hook("reason");
        input.clear();
        input.sendKeys(reason);
        return this;
    }

    String stage() {
        return hook("rollout-stage").getDomAttribute("data-stage");
    }

    String errorText() {
        return hook("admin-error").getText();
    }

    void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(25)).until(condition::apply);
    }
}
