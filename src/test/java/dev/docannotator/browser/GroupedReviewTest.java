package dev.docannotator.browser;

import static dev.docannotator.browser.AnnotationPage.TASK_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.common.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A long review can be read by category: the grouped view shows one collapsible group per category with its count,
 * works from the keyboard, follows the page language, and keeps the filters and the document links working.
 */
@ExtendWith(BrowserExtension.class)
class GroupedReviewTest {

    @RegisterExtension
    static final BrowserServer server = BrowserServer.perClass();

    private static int count(AnnotationPage page, String selector) {
        return ((Number) page.script("return document.querySelectorAll(arguments[0]).length", selector)).intValue();
    }

    private static int shown(AnnotationPage page, String selector) {
        return ((Number) page.script("return [...document.querySelectorAll(arguments[0])]"
                + ".filter(e => e.getClientRects().length > 0).length", selector)).intValue();
    }

    private static WebElement group(WebDriver driver, String category) {
        return driver.findElement(By.cssSelector("[data-testid=annotation-group][data-category='" + category + "']"));
    }

    private static WebElement toggle(WebDriver driver, String category) {
        return group(driver, category).findElement(By.cssSelector("[data-testid=group-toggle]"));
    }

    @Test
    void findingsGroupByCategoryWithCountsCollapseFromTheKeyboardInBothLanguages(WebDriver driver,
            @TempDir Path dir) throws Exception {
        AnnotationPage page = new AnnotationPage(driver, server.baseUrl()).open();
        page.start(TestDocuments.manyFindings(dir, 40), "Find \"some\", vague words and TODO markers.")
                .waitForStatus("completed", TASK_TIMEOUT);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = Json.read((String) page.fetchInPage("/api/tasks/" + page.taskId() + "/annotations")
                .get("body"), Map.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = (List<Map<String, Object>>) body.get("annotations");
        Map<String, Integer> perCategory = new LinkedHashMap<>();
        all.forEach(a -> perCategory.merge(String.valueOf(a.get("category")), 1, Integer::sum));
        assertThat(perCategory).hasSizeGreaterThanOrEqualTo(3);
        int total = all.size();
        page.waitUntil(Duration.ofSeconds(20), d -> count(page, "[data-testid=annotation]") == total);
        assertThat(page.present("annotation-group")).as("flat until asked").isFalse();
        assertThat(page.hook("groups-collapse-all").isDisplayed()).isFalse();
        new Select(page.hook("filter-category")).selectByValue("todo_markers"); // the flat list filters as before
        assertThat(shown(page, "[data-testid=annotation]")).isEqualTo(perCategory.get("todo_markers"));
        new Select(page.hook("filter-category")).selectByValue("");
        assertThat(shown(page, "[data-testid=annotation]")).isEqualTo(total);

        // Grouping is a checkbox: Space on it from the keyboard.
        page.hook("group-by-category").sendKeys(Keys.SPACE);
        page.waitUntil(Duration.ofSeconds(20), d -> count(page, "[data-testid=annotation-group] [data-testid=annotation]")
                == total);
        assertThat(page.hooks("annotation-group")).hasSize(perCategory.size());
        for (Map.Entry<String, Integer> category : perCategory.entrySet()) {
            WebElement group = group(driver, category.getKey());
            assertThat(group.findElement(By.cssSelector("[data-testid=group-count]")).getText())
                    .isEqualTo(String.valueOf(category.getValue()));
            assertThat(group.findElements(By.cssSelector("[data-testid=annotation]"))).hasSize(category.getValue())
                    .allSatisfy(li -> assertThat(li.getDomAttribute("data-category")).isEqualTo(category.getKey()));
        }
        assertThat(toggle(driver, "todo_markers").getText()).startsWith("TODO marker");
        assertThat(toggle(driver, "todo_markers").getDomAttribute("aria-label"))
                .isEqualTo("TODO marker: " + perCategory.get("todo_markers") + " findings");

        // A group header is a button: Enter collapses it, Space opens it again, and focus stays on it.
        WebElement todo = toggle(driver, "todo_markers");
        todo.sendKeys(Keys.ENTER);
        assertThat(todo.getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(shown(page, "[data-category=todo_markers] [data-testid=annotation]")).isZero();
        assertThat(shown(page, "[data-testid=annotation]")).isEqualTo(total - perCategory.get("todo_markers"));
        assertThat((Boolean) page.script("return document.activeElement === arguments[0]", todo)).isTrue();
        todo.sendKeys(Keys.SPACE);
        assertThat(todo.getDomAttribute("aria-expanded")).isEqualTo("true");
        assertThat(shown(page, "[data-category=todo_markers] [data-testid=annotation]"))
                .isEqualTo(perCategory.get("todo_markers"));

        // Collapse all leaves only the headers; a highlight clicked in the document opens its group at its entry.
        page.hook("groups-collapse-all").click();
        assertThat(shown(page, "[data-testid=annotation]")).isZero();
        assertThat(shown(page, "[data-testid=group-toggle]")).isEqualTo(perCategory.size());
        page.waitUntil(Duration.ofSeconds(20), d -> "true".equals(page.script(
                "return document.getElementById('doc-text').dataset.ready")));
        WebElement mark = driver.findElement(By.cssSelector("#doc-text .hl[data-category=todo_markers]"));
        page.script("arguments[0].click()", mark);
        page.waitUntil(Duration.ofSeconds(5), d -> "true".equals(toggle(driver, "todo_markers")
                .getDomAttribute("aria-expanded")));
        assertThat((String) page.script("return document.activeElement.closest('[data-testid=annotation-group]')"
                + "?.dataset.category")).isEqualTo("todo_markers");
        page.hook("groups-expand-all").click();
        assertThat(shown(page, "[data-testid=annotation]")).isEqualTo(total);

        // A category filter leaves that category's group only.
        new Select(page.hook("filter-category")).selectByValue("vague_words");
        assertThat(shown(page, "[data-testid=annotation-group]")).isEqualTo(1);
        assertThat(shown(page, "[data-testid=annotation]")).isEqualTo(perCategory.get("vague_words"));
        new Select(page.hook("filter-category")).selectByValue("");

        // Chinese: the control, the group names and their spoken counts; the grouping stays.
        new Select(driver.findElement(By.id("lang-select"))).selectByValue("zh");
        page.waitUntil(Duration.ofSeconds(20), d -> count(page, "[data-testid=annotation-group] [data-testid=annotation]")
                == total);
        assertThat(page.hook("group-by-category").findElement(By.xpath("..")).getText()).isEqualTo("按类别分组");
        assertThat(page.hook("groups-collapse-all").getText()).isEqualTo("全部折叠");
        assertThat(toggle(driver, "todo_markers").getText()).doesNotContain("TODO marker");
        assertThat(toggle(driver, "todo_markers").getDomAttribute("aria-label"))
                .endsWith("：" + perCategory.get("todo_markers") + " 处问题");
        new Select(driver.findElement(By.id("lang-select"))).selectByValue("en");

        // Off again: the flat list, every finding once.
        page.hook("group-by-category").click();
        page.waitUntil(Duration.ofSeconds(20), d -> count(page, "#ann-list [data-testid=annotation]") == total);
        assertThat(page.present("annotation-group")).isFalse();
        assertThat(page.hook("groups-expand-all").isDisplayed()).isFalse();

        // Screenshots of the grouped view (one group collapsed) for a person to review; no horizontal scroll.
        page.hook("group-by-category").click();
        page.waitUntil(Duration.ofSeconds(20), d -> count(page, "[data-testid=annotation-group] [data-testid=annotation]")
                == total);
        toggle(driver, "vague_words").click();
        page.script("document.getElementById('ann-list').scrollTop = 0; window.scrollTo(0, 0)");
        java.nio.file.Files.createDirectories(PageScreenshotsTest.OUT);
        for (String lang : List.of("en", "zh")) {
            new Select(driver.findElement(By.id("lang-select"))).selectByValue(lang);
            page.waitUntil(Duration.ofSeconds(20), d -> count(page,
                    "[data-testid=annotation-group] [data-testid=annotation]") == total);
            for (int width : List.of(360, 1440)) {
                PageScreenshotsTest.shoot(driver, page, "grouped-" + lang + "-" + width, width);
            }
        }
    }
}
