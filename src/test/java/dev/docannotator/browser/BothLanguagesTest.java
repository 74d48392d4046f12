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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * In Chinese, neither page shows a sentence of the English message set: every text a person reads on the page,
 * in the task card, the list, the filters and the console (stage names, gates, history, metrics) is translated.
 */
@ExtendWith(BrowserExtension.class)
class BothLanguagesTest {

    @RegisterExtension
    static final BrowserServer server = BrowserServer.perClass();

    /** The English texts (with their placeholders cut off) that are not the same in Chinese. */
    private static final String ENGLISH_LEFT = """
            const done = arguments[arguments.length - 1];
            import('/i18n.js').then(m => {
              const en = m.MESSAGES.en, zh = m.MESSAGES.zh;
              // What the page itself says: not the findings' messages, the document or the reasons recorded in the
              // history (text that people and the server wrote, kept as written).
              const copy = document.body.cloneNode(true);
              copy.querySelectorAll('#ann-list, #doc-text, #history .h-reason, script').forEach(n => n.remove());
              const text = copy.textContent.replace(/\s+/g, ' ');
              const left = Object.keys(en).filter(k => en[k] !== zh[k])
                .flatMap(k => en[k].split(/\\{\\w+\\}/).map(s => s.trim()).filter(s => /[A-Za-z]{3,}.*\\s.*[A-Za-z]{2,}/.test(s))
                  .map(s => [k, s]))
                .filter(([k, s]) => text.includes(s));
              done(left.map(([k, s]) => k + ': ' + s));
            });
            """;

    @SuppressWarnings("unchecked")
    private static List<String> englishLeft(WebDriver driver) {
        return (List<String>) ((JavascriptExecutor) driver).executeAsyncScript(ENGLISH_LEFT);
    }

    @Test
    void theAnnotationPageInChineseShowsNoEnglishSentence(WebDriver driver, @TempDir Path dir) throws Exception {
        AnnotationPage page = new AnnotationPage(driver, server.baseUrl()).open();
        new Select(driver.findElement(By.id("lang-select"))).selectByValue("zh");
        assertThat(englishLeft(driver)).isEmpty();

        page.start(TestDocuments.shortReport(dir), "找出 TODO 和含糊的词").waitForStatus("completed", TASK_TIMEOUT);
        page.waitUntil(Duration.ofSeconds(10), d -> "true".equals(page.script(
                "return document.getElementById('doc-text').dataset.ready")));
        page.waitUntil(Duration.ofSeconds(10), d -> !page.hook("task-list").findElements(By.cssSelector("li")).isEmpty());
        assertThat(page.hook("status").getText()).isEqualTo("已完成");
        assertThat(new Select(page.hook("filter-category")).getOptions().get(0).getText()).startsWith("全部类别");
        assertThat(englishLeft(driver)).isEmpty();
        // Quotes are set upright: Chinese has no italic, and a slanted CJK face is hard to read.
        assertThat(page.script("return getComputedStyle(document.querySelector('.ann-quote')).fontStyle"))
                .isEqualTo("normal");
    }

    @Test
    void theConsoleInChineseShowsNoEnglishSentence(WebDriver driver) {
        server.rolloutToStage(2, "language check");
        AdminConsole console = new AdminConsole(driver, server.baseUrl()).open();
        new Select(driver.findElement(By.id("lang-select"))).selectByValue("zh");
        console.typeToken(server.adminToken());
        driver.findElement(By.id("connect")).click();
        console.waitUntil(d -> !console.stage().isEmpty());

        assertThat(englishLeft(driver)).isEmpty();
        assertThat(driver.findElement(By.id("advance-check")).getText()).contains("观察期");
    }
}
