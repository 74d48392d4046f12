package dev.docannotator.browser;

import static dev.docannotator.browser.AnnotationPage.TASK_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.common.Json;
import dev.docannotator.rollout.FeatureDecider;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;

/** A user outside the PAUSABLE_STREAMING rollout never sees Pause. */
@ExtendWith(BrowserExtension.class)
class RolloutGateTest {

    private static final FeatureDecider NOBODY = (feature, userId) -> false;
    @RegisterExtension
    static final BrowserServer server = BrowserServer.perClass(NOBODY);

    @Test
    void aUserOutsideTheRolloutSeesNoPauseWhileTheTaskRuns(WebDriver driver, @TempDir Path dir) throws Exception {
        AnnotationPage page = new AnnotationPage(driver, server.baseUrl()).open();
        Map<String, Object> features = Json.read((String) page.fetchInPage("/api/features").get("body"), Map.class);
        assertThat(features).isEqualTo(Map.of("features", Map.of("PAUSABLE_STREAMING", false)));
        page.script("window.__pauseSeen = false;"
                + "new MutationObserver(() => { if (document.querySelector('[data-testid=pause]')) window.__pauseSeen = true; })"
                + ".observe(document.body, {childList: true, subtree: true});");

        page.start(TestDocuments.large(dir, BrowserServer.LONG_DOCUMENT_PARAGRAPHS), TestDocuments.REQUIREMENT);
        page.waitUntil(TASK_TIMEOUT, d -> "running".equals(page.status()));
        assertThat(page.present("pause")).isFalse();
        page.waitForStatus("completed", TASK_TIMEOUT);

        assertThat((Boolean) page.script("return window.__pauseSeen")).as("Pause appeared at some moment").isFalse();
        assertThat(page.present("resume")).isFalse();
        assertThat(page.present("download")).isTrue();
    }
}
