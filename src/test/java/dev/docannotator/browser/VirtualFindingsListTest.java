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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * A long findings list is virtual: the page holds the entries near the list's visible part only, each saying where
 * it stands among the findings the filters show (aria-posinset of aria-setsize), and an entry far down the list is
 * rendered and focused when its highlight is clicked in the document. (The main-thread budget is LongReviewTest's.)
 */
@ExtendWith(BrowserExtension.class)
class VirtualFindingsListTest {

    @RegisterExtension
    static final BrowserServer server = BrowserServer.perClass();

    @Test
    void aLongListHoldsOnlyTheEntriesInViewEachWithItsPositionAndReachesAnyFromTheDocument(
            WebDriver driver, @TempDir Path dir) throws Exception {
        AnnotationPage page = new AnnotationPage(driver, server.baseUrl()).open();
        page.start(TestDocuments.manyFindings(dir, 900), "Find \"some\", vague words and TODO markers.")
                .waitForStatus("completed", TASK_TIMEOUT);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = (List<Map<String, Object>>) Json.read((String) page.fetchInPage(
                "/api/tasks/" + page.taskId() + "/annotations").get("body"), Map.class).get("annotations");
        int total = all.size();
        long todoCount = all.stream().filter(a -> "todo_markers".equals(a.get("category"))).count();
        assertThat(total).isGreaterThan(1_500);
        page.waitUntil(Duration.ofSeconds(60), d -> (Boolean) page.script("const list = document.getElementById('ann-list');"
                + "return list.dataset.rendered === arguments[0] && list.dataset.settled === 'true'", String.valueOf(total)));

        // A few chunks in the page, not every entry; the first says "1 of total".
        long inPage = (Long) page.script("return document.querySelectorAll('[data-testid=annotation]').length");
        assertThat(inPage).isPositive().isLessThan(total / 2);
        assertThat(page.script("const first = document.querySelector('[data-testid=annotation]');"
                + "return [first.getAttribute('aria-posinset'), first.getAttribute('aria-setsize')]"))
                .isEqualTo(List.of("1", String.valueOf(total)));

        // The last highlight in the document leads to its entry, rendered now, focused, at its place in the list.
        page.waitUntil(Duration.ofSeconds(60), d -> "true".equals(page.script(
                "return document.getElementById('doc-text').dataset.ready")));
        String index = (String) page.script("const marks = document.querySelectorAll('#doc-text .hl');"
                + "const last = marks[marks.length - 1]; last.click(); return last.dataset.annotationIndex");
        assertThat(Integer.parseInt(index)).isGreaterThan(total / 2);
        assertThat(page.script("const a = document.activeElement;"
                + "return [a.dataset.testid, a.id, a.getAttribute('aria-posinset'), a.getAttribute('aria-setsize')]"))
                .isEqualTo(List.of("annotation", "ann-" + index, String.valueOf(Integer.parseInt(index) + 1),
                        String.valueOf(total)));

        // The list shows it (the chunks on the way, rendered or not, do not move it out of view).
        page.waitUntil(Duration.ofSeconds(30), d -> (Boolean) page.script("const list = document.getElementById('ann-list');"
                + "const box = list.getBoundingClientRect(), at = document.activeElement.getBoundingClientRect();"
                + "return at.top >= box.top - 1 && at.bottom <= box.bottom + 1"));

        // Filtered and back at the top, the positions count what the filter shows.
        page.script("document.getElementById('ann-list').scrollTop = 0");
        new Select(page.hook("filter-category")).selectByValue("todo_markers");
        page.waitUntil(Duration.ofSeconds(30), d -> (Boolean) page.script("const list = document.getElementById('ann-list');"
                + "return list.dataset.filtered === 'true' && list.dataset.settled === 'true' && [...list.querySelectorAll("
                + "'[data-testid=annotation]')].find(li => li.getClientRects().length > 0)"
                + "?.getAttribute('aria-posinset') === '1'"));
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) page.script("return [...document.querySelectorAll('[data-testid=annotation]')]"
                + ".filter(li => li.getClientRects().length > 0).map(li => li.dataset.category + ' '"
                + " + li.getAttribute('aria-posinset') + ' of ' + li.getAttribute('aria-setsize'))");
        assertThat(shown).isNotEmpty().first().isEqualTo("todo_markers 1 of " + todoCount);
        assertThat(shown).allSatisfy(e -> assertThat(e).startsWith("todo_markers ").endsWith(" of " + todoCount));
    }
}
