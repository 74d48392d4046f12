package dev.docannotator.browser;

import static dev.docannotator.browser.AnnotationPage.TASK_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Screenshots of both pages in both languages at 360 and 1440 px, whole page, into target/page-screenshots/ for a
 * person to look at; each also checked for horizontal overflow.
 */
@ExtendWith(BrowserExtension.class)
class PageScreenshotsTest {

    static final Path OUT = Paths.get("target", "page-screenshots");

    @RegisterExtension
    static final BrowserServer server = BrowserServer.perClass();

    @Test
    void bothPagesInBothLanguagesAt360And1440Pixels(WebDriver driver, @TempDir Path dir) throws Exception {
        Files.createDirectories(OUT);
        AnnotationPage page = new AnnotationPage(driver, server.baseUrl()).open();
        page.start(TestDocuments.shortReport(dir), TestDocuments.REQUIREMENT).waitForStatus("completed", TASK_TIMEOUT);
        page.waitUntil(Duration.ofSeconds(10), d -> "true".equals(page.script(
                "return document.getElementById('doc-text').dataset.ready")));
        for (String lang : List.of("en", "zh")) {
            new Select(driver.findElement(By.id("lang-select"))).selectByValue(lang);
            for (int width : List.of(360, 1440)) {
                shoot(driver, page, "page-" + lang + "-" + width, width);
            }
        }
        server.rolloutToStage(2, "screenshots");
        AdminConsole console = new AdminConsole(driver, server.baseUrl()).open();
        console.typeToken(server.adminToken());
        driver.findElement(By.id("connect")).click();
        console.waitUntil(d -> !console.stage().isEmpty());
        for (String lang : List.of("en", "zh")) {
            new Select(driver.findElement(By.id("lang-select"))).selectByValue(lang);
            for (int width : List.of(360, 1440)) {
                shoot(driver, page, "console-" + lang + "-" + width, width);
            }
        }
    }

    static void shoot(WebDriver driver, AnnotationPage page, String name, int width) throws Exception {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 500));
        long height = ((Number) page.script("return document.documentElement.scrollHeight")).longValue();
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", (int) Math.min(height, 6000), "deviceScaleFactor", 1, "mobile", width < 500));
        @SuppressWarnings("unchecked")
        List<Long> widths = (List<Long>) page.script(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        assertThat(widths.get(0)).as(name + " has no horizontal scroll").isLessThanOrEqualTo(widths.get(1));
        Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        Files.write(OUT.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
