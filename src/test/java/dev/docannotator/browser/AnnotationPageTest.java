package dev.docannotator.browser;

import static dev.docannotator.browser.AnnotationPage.TASK_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The annotation page against the real server: upload, live stream, highlights, downloads, errors, escaping. */
@ExtendWith(BrowserExtension.class)
class AnnotationPageTest {

    @RegisterExtension
    static final BrowserServer server = BrowserServer.perClass();

    @Test
    void uploadStreamsProgressAndAnnotationsAndOffersWorkingDownloads(WebDriver driver, @TempDir Path dir)
            throws Exception {
        AnnotationPage page = new AnnotationPage(driver, server.baseUrl()).open();
        assertThat(page.present("download")).isFalse();

        page.start(TestDocuments.shortReport(dir), TestDocuments.REQUIREMENT).waitForStatus("completed", TASK_TIMEOUT);

        assertThat(page.progress()).isEqualTo(100);
        assertThat(page.hook("stage").getText()).isNotBlank();
        String taskId = page.taskId();
        Map<String, Object> json = page.fetchInPage("/api/tasks/" + taskId + "/annotations");
        assertThat(json.get("status")).isEqualTo(200L);
        List<WebElement> listed = page.annotations();
        assertThat(listed).hasSize(((List<?>) parse(json).get("annotations")).size());
        assertThat(listed).anySatisfy(a -> assertThat(a.getText()).contains("TODO"));
        // The findings are highlighted over the document's text, and a highlight links to its list entry.
        page.waitUntil(Duration.ofSeconds(10), d -> "true".equals(page.script(
                "return document.getElementById('doc-text').dataset.ready")));
        @SuppressWarnings("unchecked")
        List<String> marked = (List<String>) page.script(
                "return [...document.querySelectorAll('#doc-text .hl')].map(a => a.textContent)");
        assertThat(marked).anySatisfy(text -> assertThat(text).contains("TODO"));
        // Clicking a highlight moves to its list entry.
        page.script("document.querySelector('#doc-text .hl').click()");
        assertThat((String) page.script("return document.activeElement.dataset.testid")).isEqualTo("annotation");
        // Paragraphs keep their spacing: each line is its own block with a gap below it.
        String text = (String) parse(json).get("text");
        assertThat((Long) page.script("return document.querySelectorAll('#doc-text .para:not(.cont)').length"))
                .isEqualTo((long) text.split("\n", -1).length).isGreaterThanOrEqualTo(2L);
        assertThat(((Number) page.script("const p = document.querySelector('#doc-text .para');"
                + "return parseFloat(getComputedStyle(p).marginBottom)")).doubleValue()).isGreaterThan(4);
        assertThat((String) page.script("return document.getElementById('doc-text').textContent"))
                .contains("TODO: add the figures for March.");

        WebElement download = page.waitForPresent("download", Duration.ofSeconds(5)).hook("download");
        assertThat(download.getDomAttribute("href")).isEqualTo("/api/tasks/" + taskId + "/result");
        Map<String, Object> file = page.fetchInPage(download.getDomAttribute("href"));
        assertThat(file.get("status")).isEqualTo(200L);
        // TXT comes back as a highlighted review page (report.annotated.html); the name keeps the upload's base.
        assertThat((String) file.get("disposition")).contains("attachment").contains("report.annotated.");
        assertThat((String) file.get("body")).contains("add the figures for March.");

        page.waitUntil(Duration.ofSeconds(5), d -> !page.hook("task-list").findElements(
                AnnotationPage.testId("task-item")).isEmpty());
        assertThat(page.hook("task-list").getText()).contains("report.txt");
    }

    @Test
    void annotationsAppearWhileTheStreamRuns(WebDriver driver, @TempDir Path dir) throws Exception {
        AnnotationPage page = new AnnotationPage(driver, server.baseUrl()).open();
        page.script("window.__seen = [];"
                + "new MutationObserver(() => window.__seen.push([document.querySelectorAll("
                + "'[data-testid=annotation]').length, document.querySelector('[data-testid=status]').dataset.status]))"
                + ".observe(document.getElementById('ann-list'), {childList: true, subtree: true});");

        page.start(TestDocuments.large(dir, 300), TestDocuments.REQUIREMENT).waitForStatus("completed", TASK_TIMEOUT);

        @SuppressWarnings("unchecked")
        List<List<Object>> seen = (List<List<Object>>) page.script("return window.__seen");
        assertThat(seen).as("annotations were added to the list before the task completed")
                .anySatisfy(entry -> assertThat(entry.get(1)).isIn("queued", "running"));
        Map<String, Object> json = page.fetchInPage("/api/tasks/" + page.taskId() + "/annotations");
        assertThat(page.annotations()).hasSize(((List<?>) parse(json).get("annotations")).size());
    }

    @Test
    void afterAReloadTheRunningTaskIsFollowedAgainToTheEnd(WebDriver driver, @TempDir Path dir) throws Exception {
        AnnotationPage page = new AnnotationPage(driver, server.baseUrl()).open();
        page.start(TestDocuments.large(dir, BrowserServer.LONG_DOCUMENT_PARAGRAPHS), TestDocuments.REQUIREMENT);
        page.waitUntil(TASK_TIMEOUT, d -> page.progress() > 15 && !page.annotations().isEmpty());
        String taskId = page.taskId();

        // The page goes away mid-stream; the new one re-attaches and replays the events from the first.
        page.open();
        page.waitUntil(Duration.ofSeconds(10), d -> taskId.equals(page.taskId()));
        page.waitForStatus("completed", TASK_TIMEOUT);

        Map<String, Object> json = page.fetchInPage("/api/tasks/" + taskId + "/annotations");
        assertThat(page.annotations()).hasSize(((List<?>) parse(json).get("annotations")).size());
        assertThat(page.progress()).isEqualTo(100);
        assertThat(page.present("download")).isTrue();
    }

    @Test
    void afterADroppedConnectionThePageReattachesWithLastEventIdAndMissesNothing(WebDriver driver, @TempDir Path dir)
            throws Exception {
        try (DroppingProxy proxy = new DroppingProxy(server.port())) {
            AnnotationPage page = new AnnotationPage(driver, proxy.baseUrl()).open();
            page.start(TestDocuments.large(dir, BrowserServer.LONG_DOCUMENT_PARAGRAPHS), TestDocuments.REQUIREMENT);
            page.waitUntil(TASK_TIMEOUT, d -> page.progress() > 15 && !page.annotations().isEmpty());
            String taskId = page.taskId();

            proxy.dropAll();
            page.waitForStatus("completed", TASK_TIMEOUT);

            assertThat(proxy.requestLines()).anySatisfy(line -> assertThat(line)
                    .matches("GET /api/tasks/" + taskId + "/events\\?last_event_id=[1-9][0-9]* HTTP/1\\.1"));
            assertThat(proxy.requestLines()).anySatisfy(line -> assertThat(line).matches("(?i)Last-Event-ID: [1-9][0-9]*"));
            Map<String, Object> json = page.fetchInPage("/api/tasks/" + taskId + "/annotations");
            assertThat(page.annotations()).as("every annotation once, none lost in the gap")
                    .hasSize(((List<?>) parse(json).get("annotations")).size());
            assertThat(page.hook("error").isDisplayed()).isFalse();
        }
    }

    @Test
    void aRejectedUploadShowsTheServersOwnMessage(WebDriver driver, @TempDir Path dir) throws Exception {
        AnnotationPage page = new AnnotationPage(driver, server.baseUrl()).open();
        Path binary = java.nio.file.Files.write(dir.resolve("picture.txt"),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});

        page.start(binary, TestDocuments.REQUIREMENT);
        page.waitUntil(Duration.ofSeconds(10), d -> page.hook("error").isDisplayed());

        // The same request made directly: the page must show exactly the server's sentence.
        @SuppressWarnings("unchecked")
        Map<String, Object> direct = (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "const form = new FormData(); form.append('message', 'x'); form.append('task_type', 'DOC_ANNOTATE');"
                        + "form.append('file', new Blob([new Uint8Array([0x89,80,78,71,13,10,26,10,0,0,0,13,73,72,68,82])]),"
                        + " 'picture.txt');"
                        + "fetch('/api/chat/stream', {method: 'POST', body: form, headers: {'Accept-Language': 'en'}})"
                        + ".then(async r => done({status: r.status, body: await r.json()}));");
        assertThat((Long) direct.get("status")).isBetween(400L, 499L);
        @SuppressWarnings("unchecked")
        String message = (String) ((Map<String, Object>) ((Map<String, Object>) direct.get("body")).get("error"))
                .get("message");
        assertThat(page.hook("error").getText()).isEqualTo(message);
        assertThat(page.present("pause")).isFalse();
        assertThat(page.present("download")).isFalse();
    }

    @Test
    void markupInADocumentIsShownLiterallyAndNeverRuns(WebDriver driver, @TempDir Path dir) throws Exception {
        AnnotationPage page = new AnnotationPage(driver, server.baseUrl()).open();

        page.start(TestDocuments.withMarkup(dir), TestDocuments.REQUIREMENT).waitForStatus("completed", TASK_TIMEOUT);
        page.waitUntil(Duration.ofSeconds(10), d -> (Boolean) page.script(
                "return !document.getElementById('doc-text').hidden"));

        assertThat((String) page.script("return document.getElementById('doc-text').textContent"))
                .contains("Intro <img src=x onerror=alert(1)> and <script>alert(2)</script> stay plain text.")
                .contains("<b>bold</b>");
        assertThat((Long) page.script("return document.querySelectorAll('img, b, main script').length"))
                .isZero();
        assertThat(alertOpen(driver)).as("an alert was opened").isFalse();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(Map<String, Object> fetched) {
        return dev.docannotator.common.Json.read((String) fetched.get("body"), Map.class);
    }

    private static boolean alertOpen(WebDriver driver) {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }
}
