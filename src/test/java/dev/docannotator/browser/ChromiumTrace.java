package dev.docannotator.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A Chromium trace of a browser test, for finding where main-thread time goes (each task's CPU time, which a loaded
 * machine does not stretch the way it stretches wall time). Asked for with {@code -Dbrowser.trace=FILE}: chromedriver
 * then traces the browser (its performance log) and {@link #save} writes the events, one JSON object a line, as
 * chromedriver hands them over ({@code {"message":{"method":"Tracing.dataCollected","params":{...event}}}}).
 */
final class ChromiumTrace {

    /** The timeline of each task (script, style, layout, paint, parsing, garbage collection) with CPU times. */
    private static final String CATEGORIES = "toplevel,devtools.timeline,disabled-by-default-devtools.timeline,"
            + "v8.execute,blink.user_timing,disabled-by-default-v8.gc";

    private ChromiumTrace() {
    }

    private static String file() {
        String file = System.getProperty("browser.trace");
        return file == null || file.isBlank() ? null : file;
    }

    static void enableIfAsked(ChromeOptions options) {
        if (file() == null) return;
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", false, "enablePage", false,
                "traceCategories", CATEGORIES, "bufferUsageReportingInterval", 1000));
    }

    /** Writes the trace recorded so far (and ends chromedriver's recording of it), when one was asked for. */
    static void save(WebDriver driver) {
        String file = file();
        if (file == null) return;
        Path path = Paths.get(file);
        try (Writer out = Files.newBufferedWriter(path)) {
            // chromedriver hands over at most 100,000 entries at a time.
            for (int handed = 100_000; handed >= 100_000; ) {
                List<LogEntry> entries = driver.manage().logs().get(LogType.PERFORMANCE).getAll();
                for (LogEntry entry : entries) {
                    out.write(entry.getMessage());
                    out.write('\n');
                }
                handed = entries.size();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("Chromium trace written to " + path.toAbsolutePath());
    }
}
