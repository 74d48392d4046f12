package dev.docannotator.browser;

import static dev.docannotator.browser.AnnotationPage.TASK_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/** The small things a person meets: icon, limits from the server, focus ring, stale errors, wording, live list. */
@ExtendWith(BrowserExtension.class)
class PageDetailsTest {

    @RegisterExtension
    static final BrowserServer server = BrowserServer.perClass();

    @Test
    void bothPagesHaveAnIconAndTheFormStatesTheServersLimits(WebDriver driver) {
        AnnotationPage page = new AnnotationPage(driver, server.baseUrl()).open();
        assertThat(page.fetchInPage("/favicon.ico").get("status")).isEqualTo(200L);
        String icon = (String) page.script("return document.querySelector('link[rel=icon]').getAttribute('href')");
        assertThat(page.fetchInPage(icon).get("status")).isEqualTo(200L);

        @SuppressWarnings("unchecked")
        Map<String, Object> limits = dev.docannotator.common.Json.read(
                (String) page.fetchInPage("/api/limits").get("body"), Map.class);
        long maxBytes = ((Number) limits.get("max_upload_bytes")).longValue();
        page.waitUntil(Duration.ofSeconds(5), d -> driver.findElement(By.id("file-hint")).getText()
                .contains("up to " + (maxBytes / 1024 / 1024) + " MB"));
        assertThat(page.hook("requirement").getDomProperty("maxLength"))
                .isEqualTo(String.valueOf(limits.get("max_requirement_chars"))).isEqualTo("10000");

        new AdminConsole(driver, server.baseUrl()).open();
        icon = (String) page.script("return document.querySelector('link[rel=icon]').getAttribute('href')");
        assertThat(page.fetchInPage(icon).get("status")).isEqualTo(200L);
    }

    @Test
    void theFocusRingHasAtLeast3To1ContrastWithWhatSurroundsIt(WebDriver driver) {
        AnnotationPage page = new AnnotationPage(driver, server.baseUrl()).open();
        page.hook("requirement").sendKeys(Keys.TAB);
        @SuppressWarnings("unchecked")
        List<Object> colours = (List<Object>) page.script("""
                const el = document.activeElement, s = getComputedStyle(el);
                const card = getComputedStyle(el.closest('.card')).backgroundColor;
                return [s.outlineStyle, s.outlineColor, card, getComputedStyle(document.body).backgroundColor];""");
        assertThat(colours.get(0)).isEqualTo("solid");
        double ring = luminance((String) colours.get(1));
        assertThat(contrast(ring, luminance((String) colours.get(2)))).as("against the card").isGreaterThanOrEqualTo(3);
        assertThat(contrast(ring, luminance((String) colours.get(3)))).as("against the page").isGreaterThanOrEqualTo(3);
    }

    @Test
    void anOldErrorGoesWhenANewFileIsChosenAndAPausedTaskIsCalledPausedEverywhere(WebDriver driver,
            @TempDir Path dir) throws Exception {
        AnnotationPage page = new AnnotationPage(driver, server.baseUrl()).open();
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        page.start(empty, TestDocuments.REQUIREMENT);
        page.waitUntil(Duration.ofSeconds(10), d -> page.hook("error").isDisplayed());

        Path large = TestDocuments.large(dir, BrowserServer.LONG_DOCUMENT_PARAGRAPHS);
        page.hook("file-input").sendKeys(large.toAbsolutePath().toString());
        assertThat(page.hook("error").isDisplayed()).as("the old error after choosing a new file").isFalse();

        page.hook("start").click();
        page.waitForPresent("pause", Duration.ofSeconds(30));
        // "Your reviews" follows the running task without a refresh.
        By item = By.cssSelector("[data-testid='task-item'][data-task-id='" + page.taskId() + "']");
        page.waitUntil(Duration.ofSeconds(10), d -> !d.findElements(item).isEmpty());
        String firstMeta = textOf(driver, item);
        page.waitUntil(TASK_TIMEOUT, d -> page.progress() > 20 && !textOf(d, item).equals(firstMeta));
        page.hook("pause").click();
        page.waitForPresent("resume", Duration.ofSeconds(10));
        page.waitUntil(Duration.ofSeconds(10), d -> textOf(d, item).contains("Paused"));

        String card = driver.findElement(By.id("task-heading")).findElement(By.xpath("./ancestor::section")).getText();
        assertThat(card).contains("Paused").doesNotContainIgnoringCase("cancelled")
                .doesNotContain("Analysing against the requirement");

        // Opened again from the list, the paused task still says paused, not what it was doing.
        page.open();
        page.waitUntil(Duration.ofSeconds(10), d -> !d.findElements(item).isEmpty());
        driver.findElement(item).findElement(AnnotationPage.testId("task-open")).click();
        page.waitForStatus("cancelled", Duration.ofSeconds(10));
        card = driver.findElement(By.id("task-heading")).findElement(By.xpath("./ancestor::section")).getText();
        assertThat(card).contains("Paused").doesNotContain("Analysing against the requirement");
    }

    /** The element's text, or "" while the list is being re-rendered under our feet. */
    private static String textOf(WebDriver driver, By by) {
        try {
            return driver.findElement(by).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return "";
        }
    }

    private static double luminance(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9.,]", "").split(",");
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Double.parseDouble(parts[i]) / 255;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static double contrast(double a, double b) {
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }
}
