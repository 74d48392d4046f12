package dev.docannotator.browser;

import static dev.docannotator.browser.AnnotationPage.TASK_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.common.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/** A slow upload shows its own progress, and Pause appears only when the server knows the task, then works at once. */
@ExtendWith(BrowserExtension.class)
class UploadAndPauseTest {

    @RegisterExtension
    static final BrowserServer server = BrowserServer.perClass();

    @Test
    void aThrottledUploadShowsItsProgressAndPausePressedAsSoonAsShownPausesTheTask(WebDriver driver,
            @TempDir Path dir) throws Exception {
        AnnotationPage page = new AnnotationPage(driver, server.baseUrl()).open();
        // About 400 KB at 100 KB/s: the upload alone takes a few seconds.
        Path document = TestDocuments.large(dir, 4000);
        throttleUpload(driver, 100_000);
        page.script("window.__pauseWhileUnknown = [];"
                + "new MutationObserver(() => {"
                + "  const pause = document.querySelector('[data-testid=pause]');"
                + "  if (pause && !pause.__seen) { pause.__seen = true;"
                + "    const id = document.querySelector('[data-testid=status]').dataset.taskId;"
                + "    fetch('/api/tasks/' + id).then(r => { if (r.status !== 200) window.__pauseWhileUnknown.push(r.status); });"
                + "    pause.click(); }"
                + "}).observe(document.body, {childList: true, subtree: true});");

        page.start(document, TestDocuments.REQUIREMENT);

        page.waitUntil(Duration.ofSeconds(20), d -> {
            Object now = page.script("const bar = document.querySelector('[role=progressbar][aria-valuenow]:not([hidden])"
                    + ":not([data-testid=progress])'); return bar ? Number(bar.getAttribute('aria-valuenow')) : -1");
            return ((Number) now).intValue() > 0 && ((Number) now).intValue() < 100;
        });
        assertThat(page.hook("stage").getText()).as("the page says it is uploading, not queued").containsIgnoringCase("upload");
        assertThat(page.present("pause")).as("no Pause while the server does not know the task").isFalse();

        // The observer pressed Pause the moment it appeared.
        page.waitForStatus("cancelled", TASK_TIMEOUT);
        page.waitForPresent("resume", Duration.ofSeconds(10));
        assertThat((java.util.List<?>) page.script("return window.__pauseWhileUnknown")).isEmpty();
        assertThat(page.hook("error").isDisplayed()).as("no error after pausing").isFalse();
        page.waitUntil(Duration.ofSeconds(10), d -> "cancelled".equals(serverStatus(page)));
        assertThat(page.status()).isEqualTo("cancelled");
    }

    @SuppressWarnings("unchecked")
    private static String serverStatus(AnnotationPage page) {
        Map<String, Object> fetched = page.fetchInPage("/api/tasks/" + page.taskId());
        if (!Long.valueOf(200).equals(fetched.get("status"))) {
            return "http " + fetched.get("status");
        }
        return (String) Json.read((String) fetched.get("body"), Map.class).get("status");
    }

    /** Chrome's own network throttling (DevTools protocol): uploads leave at {@code bytesPerSecond}. */
    static void throttleUpload(WebDriver driver, int bytesPerSecond) {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of(
                "offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", bytesPerSecond));
    }
}
