package dev.docannotator.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The annotation page ({@code /}) seen only through its {@code data-testid} hooks. */
final class AnnotationPage {

    static final Duration TASK_TIMEOUT = Duration.ofSeconds(60);

    private final WebDriver driver;
    private final String baseUrl;

    AnnotationPage(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    AnnotationPage open() {
        driver.get(baseUrl + "/");
        waitUntil(Duration.ofSeconds(10), d -> hook("start").isDisplayed());
        return this;
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    WebElement hook(String id) {
        return driver.findElement(testId(id));
    }

    List<WebElement> hooks(String id) {
        return driver.findElements(testId(id));
    }

    boolean present(String id) {
        return !hooks(id).isEmpty();
    }

    /** Chooses the file, writes the requirement and presses Start. */
    AnnotationPage start(Path document, String requirement) {
        fill(document, requirement);
        hook("start").click();
        return this;
    }

    /** Chooses the file and writes the requirement. */
    AnnotationPage fill(Path document, String requirement) {
        hook("file-input").sendKeys(document.toAbsolutePath().toString());
        WebElement box = hook("requirement");
        box.clear();
        box.sendKeys(requirement);
        return this;
    }

    String status() {
        return hook("status").getDomAttribute("data-status");
    }

    /** The id of the task on screen (the status element carries it). */
    String taskId() {
        return hook("status").getDomAttribute("data-task-id");
    }

    int progress() {
        return Integer.parseInt(hook("progress").getDomAttribute("aria-valuenow"));
    }

    AnnotationPage waitForStatus(String status, Duration timeout) {
        waitUntil(timeout, d -> status.equals(status()));
        return this;
    }

    AnnotationPage waitForPresent(String id, Duration timeout) {
        waitUntil(timeout, d -> present(id));
        return this;
    }

    void waitUntil(Duration timeout, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, timeout, Duration.ofMillis(20)).until(condition::apply);
    }

    List<WebElement> annotations() {
        return hooks("annotation");
    }

    /** Runs fetch() inside the page (same origin, same uid cookie) and returns {status, type, disposition, body}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> fetchInPage(String url) {
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'})"
                + ".then(async r => done({status: r.status, type: r.headers.get('content-type') || '',"
                + " disposition: r.headers.get('content-disposition') || '', body: await r.text()}))"
                + ".catch(e => done({status: -1, body: String(e)}));", url);
        return (Map<String, Object>) result;
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }
}
