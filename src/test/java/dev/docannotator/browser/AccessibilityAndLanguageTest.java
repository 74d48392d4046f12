package dev.docannotator.browser;

import static dev.docannotator.browser.AnnotationPage.TASK_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/** Labels, live progress, keyboard use, and English/Chinese including what the server is told. */
@ExtendWith(BrowserExtension.class)
class AccessibilityAndLanguageTest {

    /** Controls (visible or not) without an accessible name: label, aria-label(ledby) or text. */
    private static final String UNNAMED_CONTROLS = """
            return [...document.querySelectorAll('input, textarea, select, button, a[href]')].filter(el => {
              if (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')) return false;
              if (el.labels && el.labels.length && [...el.labels].some(l => l.textContent.trim())) return false;
              return !(el.textContent || '').trim();
            }).map(el => el.outerHTML);
            """;

    @RegisterExtension
    static final BrowserServer server = BrowserServer.perClass();

    @Test
    void everyControlOnBothPagesHasAnAccessibleName(WebDriver driver, @TempDir Path dir) throws Exception {
        AnnotationPage page = new AnnotationPage(driver, server.baseUrl()).open();
        page.start(TestDocuments.shortReport(dir), TestDocuments.REQUIREMENT).waitForStatus("completed", TASK_TIMEOUT);
        page.waitUntil(Duration.ofSeconds(10), d -> page.present("download"));
        assertThat((List<?>) page.script(UNNAMED_CONTROLS)).isEmpty();

        new AdminConsole(driver, server.baseUrl()).open();
        assertThat((List<?>) page.script(UNNAMED_CONTROLS)).isEmpty();
    }

    @Test
    void progressIsAProgressbarAndTheStageIsAnnouncedPolitely(WebDriver driver) {
        AnnotationPage page = new AnnotationPage(driver, server.baseUrl()).open();
        var progress = page.hook("progress");
        assertThat(progress.getDomAttribute("role")).isEqualTo("progressbar");
        assertThat(progress.getDomAttribute("aria-valuemin")).isEqualTo("0");
        assertThat(progress.getDomAttribute("aria-valuemax")).isEqualTo("100");
        assertThat(progress.getDomAttribute("aria-valuenow")).isEqualTo("0");
        assertThat((String) page.script(
                "return arguments[0].closest('[aria-live]')?.getAttribute('aria-live')", page.hook("stage")))
                .isEqualTo("polite");
        assertThat(page.hook("error").getDomAttribute("role")).isEqualTo("alert");
    }

    @Test
    void theFormWorksFromTheKeyboardAndSaysWhatIsMissing(WebDriver driver) {
        AnnotationPage page = new AnnotationPage(driver, server.baseUrl()).open();
        page.hook("requirement").sendKeys("Check the dates");
        page.hook("requirement").sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getDomAttribute("data-testid")).isEqualTo("start");

        driver.switchTo().activeElement().sendKeys(Keys.ENTER);

        page.waitUntil(Duration.ofSeconds(5), d -> d.findElement(By.id("form-message")).isDisplayed());
        assertThat(driver.switchTo().activeElement().getDomAttribute("data-testid")).isEqualTo("file-input");
        assertThat(page.status()).isNull();
    }

    @Test
    void switchingToChineseTranslatesThePageAndTellsTheServer(WebDriver driver, @TempDir Path dir) throws Exception {
        try (DroppingProxy proxy = new DroppingProxy(server.port())) {
            AnnotationPage page = new AnnotationPage(driver, proxy.baseUrl()).open();
            new Select(driver.findElement(By.id("lang-select"))).selectByValue("zh");

            assertThat((String) ((JavascriptExecutor) driver).executeScript("return document.documentElement.lang"))
                    .isEqualTo("zh-CN");
            assertThat(page.hook("start").getText()).isEqualTo("开始");
            page.start(TestDocuments.shortReport(dir), TestDocuments.REQUIREMENT).waitForStatus("completed", TASK_TIMEOUT);

            List<String> lines = proxy.requestLines();
            int post = lines.indexOf("POST /api/chat/stream HTTP/1.1");
            assertThat(post).isNotNegative();
            assertThat(lines.subList(post, lines.size()))
                    .anySatisfy(line -> assertThat(line).matches("(?i)Accept-Language: zh-CN,zh;.*"));
            assertThat(page.hook("status").getText()).isEqualTo("已完成");

            // The choice is remembered for the next visit.
            page.open();
            assertThat(page.hook("start").getText()).isEqualTo("开始");
        }
    }
}
