package dev.docannotator.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's headless Chromium through Debian's chromedriver, both named explicitly so that
 * Selenium Manager (which would try to download a browser) never runs.
 */
final class Chromium {

    static final Path BROWSER = Paths.get("/usr/bin/chromium");
    static final Path DRIVER = Paths.get("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** Why the browser cannot run here, or null when it can. */
    static String missingReason() {
        if (!Files.isExecutable(BROWSER)) {
            return BROWSER + " is missing (install the Debian package chromium)";
        }
        if (!Files.isExecutable(DRIVER)) {
            return DRIVER + " is missing (install the Debian package chromium-driver)";
        }
        return null;
    }

    /** A fresh browser with its own throw-away profile; {@code profile} is deleted by the caller. */
    static ChromeDriver start(Path profile, int width, int height) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(logFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toString());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--hide-scrollbars", "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + width + "," + height);
        ChromiumTrace.enableIfAsked(options);
        // An alert must stay open so that a test can see that one appeared (the XSS test).
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static File logFile() {
        try {
            Path dir = Files.createDirectories(Paths.get("target", "browser-logs"));
            return dir.resolve("chromedriver.log").toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
