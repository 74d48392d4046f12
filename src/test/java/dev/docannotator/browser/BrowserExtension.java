package dev.docannotator.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Gives each test a fresh headless Chromium ({@link WebDriver} parameter), quits it afterwards and saves
 * a screenshot of every failing test under {@code target/browser-screenshots/}.
 * Without Chromium the tests fail when the environment variable {@code CI} is set and are skipped otherwise.
 */
public final class BrowserExtension
        implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback, ParameterResolver {

    static final Path SCREENSHOTS = Paths.get("target", "browser-screenshots");
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BrowserExtension.class);
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        String missing = Chromium.missingReason();
        if (missing != null) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("Browser tests cannot run in CI: " + missing);
            }
            throw new TestAbortedException("Skipping browser test: " + missing
                    + ". (With the environment variable CI set, this is a failure.)");
        }
        Path profile = Files.createTempDirectory("docannotator-chromium-");
        context.getStore(NS).put("profile", profile);
        context.getStore(NS).put("driver", Chromium.start(profile, WIDTH, HEIGHT));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WebDriver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return driver(context);
    }

    /** Runs right after the test method, while the browser is still open. */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        ChromeDriver driver = driver(context);
        if (driver == null) {
            return;
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            String name = context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName() + ".png";
            Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException | WebDriverException e) {
            // The test's own failure is what matters; a missing screenshot must not hide it.
            System.err.println("Could not save a screenshot: " + e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        ChromeDriver driver = driver(context);
        if (driver != null) {
            driver.quit();
        }
        Path profile = context.getStore(NS).get("profile", Path.class);
        if (profile != null) {
            deleteTree(profile);
        }
    }

    private static ChromeDriver driver(ExtensionContext context) {
        return context.getStore(NS).get("driver", ChromeDriver.class);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
