package dev.docannotator.browser;

import dev.docannotator.analysis.DefaultAnalyser;
import dev.docannotator.document.DocumentHandlers;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.docx.DocxHandler;
import dev.docannotator.document.pdf.PdfHandler;
import dev.docannotator.document.text.TextHandler;
import dev.docannotator.http.AdminRoutes;
import dev.docannotator.pipeline.Engine;
import dev.docannotator.rollout.FeatureDecider;
import dev.docannotator.rollout.Rollout;
import dev.docannotator.rollout.RolloutSettings;
import dev.docannotator.storage.Database;
import dev.docannotator.testsupport.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real server for the browser tests: the server's {@link TestServer} (the whole application on a random port
 * with a temporary data directory) plus the operator API with a known admin token and a chosen feature decider.
 * Its analyser runs at a steady pace per step so that a long document stays pausable for several seconds.
 */
final class BrowserServer implements AutoCloseable {

    /** Paragraphs of {@link TestDocuments#large}: at {@link #PACE} per step, several seconds of analysis. */
    static final int LONG_DOCUMENT_PARAGRAPHS = 300;
    static final Duration PACE = Duration.ofMillis(20);
    private static final String ADMIN_TOKEN = "browser-test-admin-token-0123456789";

    private final Path rolloutDir;
    private final Database rolloutDatabase;
    private final Rollout rollout;
    private final TestServer server;

    private BrowserServer(Path rolloutDir, Database rolloutDatabase, Rollout rollout, TestServer server) {
        this.rolloutDir = rolloutDir;
        this.rolloutDatabase = rolloutDatabase;
        this.rollout = rollout;
        this.server = server;
    }

    /** A server on which PAUSABLE_STREAMING is on for everyone. */
    static BrowserServer start() throws IOException {
        return start(FeatureDecider.ALL_ON);
    }

    static BrowserServer start(FeatureDecider decider) throws IOException {
        Path rolloutDir = Files.createTempDirectory("docannotator-rollout-");
        Database rolloutDatabase = Database.open(rolloutDir.resolve("rollout.db"));
        Rollout rollout = Rollout.create(rolloutDatabase,
                new RolloutSettings(rolloutDir, ADMIN_TOKEN, null, 1, null), Clock.systemUTC());
        TestServer server = TestServer.start(settings -> settings, builder -> builder
                .engine(pacedEngine())
                .featureDecider(decider)
                .cohortMetrics(rollout.metrics())
                .routes(new AdminRoutes(rollout.service(), rollout.adminToken())));
        return new BrowserServer(rolloutDir, rolloutDatabase, rollout, server);
    }

    private static Engine pacedEngine() {
        DocumentLimits limits = DocumentLimits.defaults();
        DocumentHandlers handlers = new DocumentHandlers(List.of(new DocxHandler(limits), new PdfHandler(limits),
                TextHandler.plainText(limits), TextHandler.markdown(limits)));
        return new Engine(handlers, new PacedAnalyser(new DefaultAnalyser(), PACE), limits);
    }

    String baseUrl() {
        return "http://localhost:" + server.port();
    }

    int port() {
        return server.port();
    }

    String adminToken() {
        return ADMIN_TOKEN;
    }

    /** The rollout stage as the server holds it, read without the browser. */
    String rolloutStage() {
        return String.valueOf(rollout.service().current().stage());
    }

    /** Another operator's change, made straight through the rollout service. */
    void setPercentageElsewhere(int percentage, String reason) {
        rollout.service().setPercentage("another-operator", reason, rollout.service().current().version(), percentage);
    }

    @Override
    public void close() {
        try {
            server.close();
            rollout.close();
            rolloutDatabase.close();
        } finally {
            deleteTree(rolloutDir);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Temporary directory left behind: " + root + " (" + e + ")");
        }
    }
}
