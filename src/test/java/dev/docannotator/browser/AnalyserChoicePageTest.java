package dev.docannotator.browser;

import static dev.docannotator.browser.AnnotationPage.TASK_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.common.Json;
import dev.docannotator.testsupport.FakeOpenAiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The page offers the choice of analyser (rules, model, both) only when the server has a language model, in both
 * languages, and the choice reaches the server: here a fake OpenAI-compatible endpoint streaming SSE chat completions.
 */
@ExtendWith(BrowserExtension.class)
class AnalyserChoicePageTest {

    private static final String KEY = "sk-browser-test-key-0123456789";
    static final FakeOpenAiServer fake = startFake();

    @RegisterExtension
    static final BrowserServer withModel = BrowserServer.withModel(fake.baseUrl(), KEY);

    @RegisterExtension
    static final BrowserServer withoutModel = BrowserServer.perClass();

    private static FakeOpenAiServer startFake() {
        try {
            return new FakeOpenAiServer().findQuotesInWindow(List.of(
                    Map.of("quote", "deliver the goods soon", "category", "missing_date", "message", "No date given."),
                    Map.of("quote", "a quote the model made up", "anchor", "Payment",
                            "category", "missing_date", "message", "Invented.")), 6, 5);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    private static Path contract(Path dir) throws IOException {
        return Files.writeString(dir.resolve("contract.txt"), """
                The supplier shall deliver the goods soon after the order.

                Payment is due within thirty days. TODO: confirm the bank details.
                """);
    }

    private static void waitForCapabilities(AnnotationPage page) {
        page.waitUntil(Duration.ofSeconds(10), d -> "true".equals(
                d.findElement(By.id("analyser-field")).getDomAttribute("data-ready")));
    }

    private static JsonNode task(AnnotationPage page) throws IOException {
        return Json.mapper().readTree((String) page.fetchInPage("/api/tasks/" + page.taskId()).get("body"));
    }

    private static JsonNode annotations(AnnotationPage page) throws IOException {
        return Json.mapper().readTree((String) page.fetchInPage("/api/tasks/" + page.taskId() + "/annotations")
                .get("body")).get("annotations");
    }

    @Test
    void withAModelTheUserChoosesTheAnalyserAndTheModelIsAsked(WebDriver driver, @TempDir Path dir) throws Exception {
        AnnotationPage page = new AnnotationPage(driver, withModel.baseUrl()).open();
        waitForCapabilities(page);
        WebElement field = page.hook("analyser");
        assertThat(field.isDisplayed()).isTrue();
        Select choice = new Select(field);
        assertThat(choice.getFirstSelectedOption().getDomAttribute("value")).as("the server's default").isEqualTo("both");
        assertThat(choice.getOptions()).extracting(o -> o.getDomAttribute("value")).containsExactly("both", "rules", "llm");
        assertThat(driver.findElement(By.cssSelector("label[for='analyser']")).getText()).isEqualTo("Analysed by");

        // Both languages: the label and every choice follow a language switch.
        new Select(driver.findElement(By.id("lang-select"))).selectByValue("zh");
        assertThat(driver.findElement(By.cssSelector("label[for='analyser']")).getText()).isEqualTo("分析方式");
        assertThat(choice.getOptions()).extracting(WebElement::getText)
                .containsExactly("内置规则和语言模型", "仅内置规则", "仅语言模型");
        new Select(driver.findElement(By.id("lang-select"))).selectByValue("en");

        // The model alone: its findings, anchored, and nothing from the rules (the TODO is not asked for).
        choice.selectByValue("llm");
        int before = fake.received().size();
        page.start(contract(dir), "Make sure every deadline has a date").waitForStatus("completed", TASK_TIMEOUT);
        assertThat(fake.received().size()).isGreaterThan(before);
        FakeOpenAiServer.Received asked = fake.received().get(before);
        assertThat(asked.body().get("stream").asBoolean()).isTrue();
        assertThat(asked.body().at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(asked.authorization()).isEqualTo("Bearer " + KEY);
        assertThat(task(page).get("analyser").asText()).isEqualTo("llm");
        JsonNode found = annotations(page);
        assertThat(found).isNotEmpty().allSatisfy(a -> assertThat(a.get("source").asText()).isEqualTo("llm"));
        assertThat(found).extracting(a -> a.get("quote").asText()).containsExactly("deliver the goods soon");
        page.waitUntil(Duration.ofSeconds(5), d -> page.annotations().size() == 1);
        page.waitUntil(Duration.ofSeconds(5), d -> page.hook("checks").getText().contains("the language model"));

        // The rules alone: the model is not asked at all.
        choice.selectByValue("rules");
        int afterModel = fake.received().size();
        page.start(contract(dir), "Flag TODO markers").waitForStatus("completed", TASK_TIMEOUT);
        assertThat(task(page).get("analyser").asText()).isEqualTo("rules");
        assertThat(fake.received()).hasSize(afterModel);
        assertThat(annotations(page)).isNotEmpty()
                .allSatisfy(a -> assertThat(a.get("source").asText()).isEqualTo("rules"));
        assertThat(driver.getPageSource()).doesNotContain(KEY);
    }

    @Test
    void withBothAFailingModelThePageShowsTheRulesFindingsAndSaysTheModelWasNotUsed(WebDriver driver,
            @TempDir Path dir) throws Exception {
        AnnotationPage page = new AnnotationPage(driver, withModel.baseUrl()).open();
        waitForCapabilities(page);
        assertThat(new Select(page.hook("analyser")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("both");
        fake.then(new FakeOpenAiServer.Status(401, null)); // not retried: the run goes on with the rules
        page.start(contract(dir), "Flag TODO markers").waitForStatus("completed", TASK_TIMEOUT);
        JsonNode task = task(page);
        assertThat(task.get("analyser").asText()).isEqualTo("both");
        assertThat(task.at("/llm_failure/reason").asText()).isEqualTo("unauthorized");
        assertThat(annotations(page)).isNotEmpty()
                .allSatisfy(a -> assertThat(a.get("source").asText()).isEqualTo("rules"));
        page.waitUntil(Duration.ofSeconds(5), d -> page.hook("checks").getText()
                .contains("The language model could not be used"));
        assertThat(page.present("error") && page.hook("error").isDisplayed()).as("not an error: the review completed")
                .isFalse();
    }

    @Test
    void withoutAModelThereIsNoChoiceAndTheRulesRun(WebDriver driver, @TempDir Path dir) throws Exception {
        AnnotationPage page = new AnnotationPage(driver, withoutModel.baseUrl()).open();
        waitForCapabilities(page);
        assertThat(page.hook("analyser").isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("analyser-field")).isDisplayed()).isFalse();
        page.start(contract(dir), "Flag TODO markers").waitForStatus("completed", TASK_TIMEOUT);
        assertThat(page.present("error") && page.hook("error").isDisplayed()).as("no error").isFalse();
        assertThat(task(page).get("analyser").asText()).isEqualTo("rules");
    }
}
