package dev.docannotator.browser;

import dev.docannotator.analysis.DefaultAnalyser;
import dev.docannotator.document.DocumentHandlers;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.document.docx.DocxHandler;
import dev.docannotator.document.pdf.PdfHandler;
import dev.docannotator.document.text.TextHandler;
import dev.docannotator.pipeline.Engine;
import dev.docannotator.rollout.FeatureDecider;
import dev.docannotator.rollout.RolloutService;
import dev.docannotator.rollout.RolloutSettings;
import dev.docannotator.testsupport.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server for the browser tests: the server's {@link TestServer} (the whole application on a random port
 * with a temporary data directory) running its rollout with a known admin token, and a chosen feature decider.
 * Its analyser runs at a steady pace per step so that a long document stays pausable for several seconds.
 * A test class registers one as a static extension; it starts before the class's first test and stops after its
 * last: {@code @RegisterExtension static final BrowserServer server = BrowserServer.perClass();}
 */
final class BrowserServer implements BeforeAllCallback, AfterAllCallback {

    /** Paragraphs of {@link TestDocuments#large}: at {@link #PACE} per step, several seconds of analysis. */
    static final int LONG_DOCUMENT_PARAGRAPHS = 300;
    static final Duration PACE = Duration.ofMillis(20);
    private static final String ADMIN_TOKEN = "browser-test-admin-token-0123456789";
    private static final int INITIAL_STAGE = 1;

    private final FeatureDecider decider;
    private final dev.docannotator.analysis.llm.LlmSettings model;
    private Path tokenDir;
    private TestServer server;

    private BrowserServer(FeatureDecider decider, dev.docannotator.analysis.llm.LlmSettings model) {
        this.decider = decider;
        this.model = model;
    }

    /** A server on which PAUSABLE_STREAMING is on for everyone. */
    static BrowserServer perClass() {
        return perClass(FeatureDecider.ALL_ON);
    }

    /** A server whose rollout is at stage 1 but whose users get PAUSABLE_STREAMING from {@code decider}. */
    static BrowserServer perClass(FeatureDecider decider) {
        return new BrowserServer(decider, null);
    }

    /** A server with PAUSABLE_STREAMING on for everyone and a language model at {@code llmBaseUrl} (a fake one). */
    static BrowserServer withModel(String llmBaseUrl, String apiKey) {
        return new BrowserServer(FeatureDecider.ALL_ON, dev.docannotator.analysis.llm.LlmSettings.of(llmBaseUrl,
                "fake-model", apiKey).withRetries(1, Duration.ofMillis(50)));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        // The token is configured, so this directory stays empty; the rollout state lives in the app's database.
        tokenDir = Files.createTempDirectory("docannotator-token-");
        server = TestServer.start(settings -> settings, builder -> builder
                .engine(pacedEngine())
                .rollout(new RolloutSettings(tokenDir, ADMIN_TOKEN, null, INITIAL_STAGE, null))
                .featureDecider(decider)
                .llm(model)
                // Long-review tests stream 12 000 findings: above the default per-task safety limit of 5 000.
                .runLimits(new dev.docannotator.pipeline.RunLimits(dev.docannotator.pipeline.RunLimits.defaults().maxTextChars(),
                        50_000, dev.docannotator.pipeline.RunLimits.defaults().maxResultBytes())));
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

    private RolloutService rollout() {
        return server.app().rollout().orElseThrow().service();
    }

    /** The rollout stage as the server holds it, read without the browser. */
    String rolloutStage() {
        return String.valueOf(rollout().current().stage());
    }

    /** Another operator's change, made straight through the rollout service. */
    void setPercentageElsewhere(int percentage, String reason) {
        rollout().setPercentage("another-operator", reason, rollout().current().version(), percentage, true,
                java.util.Locale.ENGLISH);
    }

    /** Moves the rollout straight to {@code stage} through the service (forced where gates would refuse). */
    void rolloutToStage(int stage, String reason) {
        RolloutService service = rollout();
        int current = service.current().stage();
        if (stage < current) {
            service.rollback("test", reason, service.current().version(), stage);
        }
        while (service.current().stage() < stage) {
            service.advance("test", reason, service.current().version(), true);
        }
    }

    /** Observations of the pausable cohort, as the server records them while tasks run. */
    dev.docannotator.rollout.CohortMetrics cohortMetrics() {
        return server.app().rollout().orElseThrow().metrics();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            try {
                if (tokenDir != null) {
                    Files.deleteIfExists(tokenDir);
                }
            } catch (IOException e) {
                System.err.println("Temporary directory left behind: " + tokenDir + " (" + e + ")");
            }
        }
    }
}
