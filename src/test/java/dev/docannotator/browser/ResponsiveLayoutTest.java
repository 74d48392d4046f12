package dev.docannotator.browser;

import static dev.docannotator.browser.AnnotationPage.TASK_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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

/** Both pages fit a 360 px wide phone screen, in English and Chinese: no horizontal scroll, even with long unbroken words. */
@ExtendWith(BrowserExtension.class)
class ResponsiveLayoutTest {

    @RegisterExtension
    static final BrowserServer server = BrowserServer.perClass();

    @Test
    void theAnnotationPageHasNoHorizontalScrollAt360Pixels(WebDriver driver, @TempDir Path dir) throws Exception {
        narrow(driver);
        AnnotationPage page = new AnnotationPage(driver, server.baseUrl()).open();
        assertNoHorizontalScroll(page);

        page.start(TestDocuments.longWords(dir), TestDocuments.REQUIREMENT).waitForStatus("completed", TASK_TIMEOUT);
        page.waitUntil(TASK_TIMEOUT, d -> (Boolean) page.script("return !document.getElementById('doc-text').hidden"));
        assertNoHorizontalScroll(page);

        new Select(driver.findElement(By.id("lang-select"))).selectByValue("zh");
        assertNoHorizontalScroll(page);
    }

    @Test
    void theConsoleHasNoHorizontalScrollAt360Pixels(WebDriver driver) {
        narrow(driver);
        AdminConsole console = new AdminConsole(driver, server.baseUrl()).open();
        console.typeToken(server.adminToken());
        driver.findElement(org.openqa.selenium.By.id("connect")).click();
        console.waitUntil(d -> !console.stage().isEmpty());
        AnnotationPage asPage = new AnnotationPage(driver, server.baseUrl());
        assertNoHorizontalScroll(asPage);

        new Select(driver.findElement(By.id("lang-select"))).selectByValue("zh");
        assertNoHorizontalScroll(asPage);
    }

    /** Emulates a 360 CSS px wide viewport (a desktop browser window cannot always be made that narrow). */
    private static void narrow(WebDriver driver) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 780, "deviceScaleFactor", 2, "mobile", true));
    }

    private static void assertNoHorizontalScroll(AnnotationPage page) {
        @SuppressWarnings("unchecked")
        List<Long> widths = (List<Long>) page.script("return [window.innerWidth,"
                + " document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        assertThat(widths.get(0)).as("viewport width").isEqualTo(360L);
        assertThat(widths.get(1)).as("scrollWidth <= clientWidth").isLessThanOrEqualTo(widths.get(2));
    }
}
