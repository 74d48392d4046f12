package dev.docannotator.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.rollout.RolloutSettings;
import dev.docannotator.testsupport.TestServer;
import dev.docannotator.workers.WorkerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console's workers section lists the real worker processes and restarts, stops and starts them. */
@ExtendWith(BrowserExtension.class)
class WorkersConsoleTest {
    private static final String TOKEN = "workers-console-token-0123456789";
    private static TestServer server;
    private static Path tokenDir;

    @BeforeAll
    static void start() throws Exception {
        tokenDir = Files.createTempDirectory("workers-console-");
        server = TestServer.start(s -> s, b -> b
                .workers(WorkerSettings.builder().heapMb(128).warmUpGrammar(false).build())
                .rollout(new RolloutSettings(tokenDir, TOKEN, null, null, null)));
        assertThat(server.app().workers().orElseThrow().awaitReady(Duration.ofSeconds(90))).isTrue();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        Files.deleteIfExists(tokenDir);
    }

    @Test
    void theConsoleListsTheWorkersAndRestartsStopsAndStartsThem(WebDriver driver) {
        AdminConsole console = new AdminConsole(driver, "http://localhost:" + server.port()).open();
        console.typeToken(TOKEN);
        driver.findElement(By.id("connect")).click();
        await(driver, d -> states(d).equals(List.of("idle", "idle")));
        assertThat(console.hook("workers-mode").getText()).isEqualTo("worker processes");
        String pid = cell(driver, "w1", 2);
        assertThat(pid).matches("\\d+");

        row(driver, "w1").findElement(By.cssSelector("[data-testid='worker-restart']")).click();
        await(driver, d -> !cell(d, "w1", 2).equals(pid) && cell(d, "w1", 2).matches("\\d+")
                && states(d).equals(List.of("idle", "idle")));
        assertThat(cell(driver, "w1", 5)).isEqualTo("1");

        console.hook("workers-stop").click();
        await(driver, d -> console.hook("confirm").isDisplayed());
        console.hook("confirm").click();
        await(driver, d -> states(d).equals(List.of("stopped", "stopped")));

        console.hook("workers-start").click();
        await(driver, d -> states(d).equals(List.of("idle", "idle")));
        assertThat(console.hook("workers-error").isDisplayed()).isFalse();
    }

    private static void await(WebDriver driver, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(90), Duration.ofMillis(50)).until(d -> {
            try {
                return condition.apply(d);
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return false; // the list was redrawn meanwhile
            }
        });
    }

    private static List<String> states(WebDriver driver) {
        return driver.findElements(By.cssSelector("[data-testid='worker']")).stream()
                .map(r -> r.getDomAttribute("data-state")).toList();
    }

    private static WebElement row(WebDriver driver, String id) {
        return driver.findElement(By.cssSelector("[data-testid='worker'][data-worker-id='" + id + "']"));
    }

    /** The text of column {@code index} (0 = the id) of worker {@code id}'s row. */
    private static String cell(WebDriver driver, String id, int index) {
        return row(driver, id).findElements(By.cssSelector("th, td")).get(index).getText();
    }
}
