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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Before the findings, the page says what was checked and which part of the requirement it did not understand. */
@ExtendWith(BrowserExtension.class)
class WhatRanPageTest {

    @RegisterExtension
    static final BrowserServer server = BrowserServer.perClass();

    @Test
    void thePageShowsTheChecksThatRanAndWhatWasNotUnderstood(WebDriver driver, @TempDir Path dir) throws Exception {
        AnnotationPage page = new AnnotationPage(driver, server.baseUrl()).open();
        page.start(TestDocuments.shortReport(dir), "Flag sentences longer than 25 words. Is the tone formal enough?")
                .waitForStatus("completed", TASK_TIMEOUT);

        @SuppressWarnings("unchecked")
        Map<String, Object> task = Json.read((String) page.fetchInPage("/api/tasks/" + page.taskId()).get("body"), Map.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checks = (List<Map<String, Object>>) task.get("checks");
        @SuppressWarnings("unchecked")
        Map<String, Object> requirement = (Map<String, Object>) task.get("requirement");
        assertThat(checks).as("the server says what ran").isNotEmpty();

        WebElement box = page.waitForPresent("checks", Duration.ofSeconds(5)).hook("checks");
        page.waitUntil(Duration.ofSeconds(5), d -> box.isDisplayed());
        String shown = box.getText();
        assertThat(shown).contains("Long sentence (over 25 words");
        for (Object phrase : (List<?>) requirement.get("not_understood")) {
            assertThat(shown).contains("Not understood").contains(String.valueOf(phrase));
        }
        // It comes before the findings.
        assertThat((Boolean) page.script("return !!(arguments[0].compareDocumentPosition("
                + "document.getElementById('ann-list')) & Node.DOCUMENT_POSITION_FOLLOWING)", box))
                .isTrue();
        assertThat(driver.findElements(By.cssSelector("#checks li"))).hasSizeGreaterThanOrEqualTo(checks.size());
    }
}
