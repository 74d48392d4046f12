package dev.docannotator.browser;

import static dev.docannotator.browser.AnnotationPage.TASK_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.common.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** Pause and resume from the page, for a user inside the PAUSABLE_STREAMING rollout. */
@ExtendWith(BrowserExtension.class)
class PauseResumeTest {

    @RegisterExtension
    static final BrowserServer server = BrowserServer.perClass();

    @Test
    void pauseStopsTheTaskWithin500MillisecondsAndThePageSaysSo(WebDriver driver, @TempDir Path dir) throws Exception {
        AnnotationPage page = new AnnotationPage(driver, server.baseUrl()).open();
        page.start(TestDocuments.large(dir, BrowserServer.LONG_DOCUMENT_PARAGRAPHS), TestDocuments.REQUIREMENT);
        page.waitForPresent("pause", Duration.ofSeconds(20));
        page.waitUntil(TASK_TIMEOUT, d -> page.progress() > 15);

        Map<String, Object> timing = pauseAndTime(driver, page.taskId());
        System.out.printf("Pause: the page said paused after %s ms, the server said cancelled after %s ms%n",
                timing.get("pageMs"), timing.get("serverMs"));

        assertThat(((Number) timing.get("pageMs")).doubleValue()).as("page says paused").isLessThan(500);
        assertThat(((Number) timing.get("serverMs")).doubleValue()).as("server says cancelled").isLessThan(500);
        assertThat(page.status()).isEqualTo("cancelled");
        assertThat(page.hook("stage").getText()).isNotBlank();
        assertThat(page.present("pause")).isFalse();
        page.waitForPresent("resume", Duration.ofSeconds(5));
        // The stream's own cancelled event arrives and the page still says paused.
        Map<String, Object> task = Json.read((String) page.fetchInPage("/api/tasks/" + page.taskId()).get("body"), Map.class);
        assertThat(task.get("status")).isEqualTo("cancelled");
        assertThat((Integer) task.get("progress")).isLessThan(100);
        assertThat(page.present("download")).isFalse();
    }

    @Test
    void resumeCompletesWithTheSameAnnotationsAsAnUninterruptedRun(WebDriver driver, @TempDir Path dir)
            throws Exception {
        Path document = TestDocuments.large(dir, BrowserServer.LONG_DOCUMENT_PARAGRAPHS);
        AnnotationPage page = new AnnotationPage(driver, server.baseUrl()).open();
        page.start(document, TestDocuments.REQUIREMENT).waitForStatus("completed", TASK_TIMEOUT);
        List<Map<String, Object>> uninterrupted = annotationsOf(page, page.taskId());

        page.open().start(document, TestDocuments.REQUIREMENT);
        page.waitForPresent("pause", Duration.ofSeconds(20));
        page.waitUntil(TASK_TIMEOUT, d -> page.progress() > 15);
        page.hook("pause").click();
        page.waitForPresent("resume", Duration.ofSeconds(5));
        int listedAtPause = page.annotations().size();
        page.hook("resume").click();
        page.waitForStatus("completed", TASK_TIMEOUT);

        List<Map<String, Object>> resumed = annotationsOf(page, page.taskId());
        assertThat(withoutIds(resumed)).isEqualTo(withoutIds(uninterrupted));
        assertThat(page.annotations()).as("each annotation listed once").hasSize(uninterrupted.size());
        assertThat(listedAtPause).isLessThanOrEqualTo(uninterrupted.size());
        assertThat(page.present("download")).isTrue();
    }

    @Test
    void aPausedTaskIsListedAfterAReloadAndResumesFromTheList(WebDriver driver, @TempDir Path dir) throws Exception {
        AnnotationPage page = new AnnotationPage(driver, server.baseUrl()).open();
        page.start(TestDocuments.large(dir, BrowserServer.LONG_DOCUMENT_PARAGRAPHS), TestDocuments.REQUIREMENT);
        page.waitForPresent("pause", Duration.ofSeconds(20));
        page.waitUntil(TASK_TIMEOUT, d -> page.progress() > 15);
        page.hook("pause").click();
        page.waitForPresent("resume", Duration.ofSeconds(5));
        String taskId = page.taskId();

        page.open();
        By item = By.cssSelector("[data-testid='task-item'][data-task-id='" + taskId + "']");
        page.waitUntil(Duration.ofSeconds(10), d -> !d.findElements(item).isEmpty());
        assertThat(driver.findElement(item).getDomAttribute("data-status")).isEqualTo("cancelled");
        assertThat(page.status()).as("nothing is followed while the task is paused").isNull();
        driver.findElement(item).findElement(AnnotationPage.testId("task-resume")).click();

        page.waitForStatus("completed", TASK_TIMEOUT);
        assertThat(page.taskId()).isEqualTo(taskId);
        assertThat(page.annotations()).hasSize(annotationsOf(page, taskId).size());
        assertThat(page.present("download")).isTrue();
    }

    /** Clicks Pause inside the page and measures until the page and the server each say cancelled. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> pauseAndTime(WebDriver driver, String taskId) {
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const taskId = arguments[0];
                const status = document.querySelector('[data-testid=status]');
                const t0 = performance.now();
                let pageMs = null;
                const seen = () => { if (pageMs === null && status.dataset.status === 'cancelled') pageMs = performance.now() - t0; };
                new MutationObserver(seen).observe(status, {attributes: true});
                document.querySelector('[data-testid=pause]').click();
                seen();
                (async () => {
                  for (;;) {
                    const r = await fetch('/api/tasks/' + encodeURIComponent(taskId), {credentials: 'same-origin'});
                    const task = await r.json();
                    if (task.status === 'cancelled') return done({pageMs, serverMs: performance.now() - t0});
                    if (performance.now() - t0 > 5000) return done({pageMs, serverMs: 99999});
                  }
                })();
                """, taskId);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> annotationsOf(AnnotationPage page, String taskId) {
        Map<String, Object> fetched = page.fetchInPage("/api/tasks/" + taskId + "/annotations");
        assertThat(fetched.get("status")).isEqualTo(200L);
        return (List<Map<String, Object>>) Json.read((String) fetched.get("body"), Map.class).get("annotations");
    }

    private static List<Map<String, Object>> withoutIds(List<Map<String, Object>> annotations) {
        return annotations.stream().map(a -> {
            Map<String, Object> copy = new java.util.TreeMap<>(a);
            copy.remove("id");
            return (Map<String, Object>) copy;
        }).toList();
    }
}
