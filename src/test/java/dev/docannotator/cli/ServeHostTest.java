package dev.docannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.http.ServerAddress;
import dev.docannotator.testsupport.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve --host}: the address really bound, the URLs and the admin token in a quiet start-up log. */
class ServeHostTest {
    private static final Pattern LISTENING = Pattern.compile("DocAnnotator listening on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    @Test
    void serveListensOnLoopbackByDefaultAndItsLogNamesTheAddressTheUrlsAndTheToken() throws Exception {
        Path data = dir.resolve("data");
        CliProcess serve = new CliProcess(dir).start("serve", "--port", "0", "--data-dir", data.toString());
        try {
            String log = awaitLog(serve, "Admin token:", Duration.ofSeconds(90));
            Matcher listening = LISTENING.matcher(log);
            assertThat(listening.find()).as(log).isTrue();
            int port = Integer.parseInt(listening.group(1));
            assertThat(log).contains("Annotation page: http://127.0.0.1:" + port + "/")
                    .contains("Operator console: http://127.0.0.1:" + port + "/admin")
                    .contains("Admin token: " + data.resolve("admin-token").toAbsolutePath())
                    .doesNotContain("every network interface")
                    // Jetty's and Javalin's own start-up lines stay out of the default log.
                    .doesNotContain("jetty-12").doesNotContain("Started oejs").doesNotContain("Javalin started")
                    .doesNotContain("http://localhost");
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            serve.interrupt();
            serve.awaitExit(60);
        }
    }

    @Test
    void theHostFlagWinsOverTheEnvironmentWhichWinsOverLoopback() {
        ServeCommand flagged = new ServeCommand();
        new CommandLine(flagged).parseArgs("--host", "0.0.0.0");
        assertThat(flagged.host(Map.of("ANNOTATOR_HOST", "10.0.0.5"))).isEqualTo("0.0.0.0");
        assertThat(new ServeCommand().host(Map.of("ANNOTATOR_HOST", "10.0.0.5"))).isEqualTo("10.0.0.5");
        assertThat(new ServeCommand().host(Map.of())).isEqualTo("127.0.0.1");
    }

    @Test
    void theBoundAddressIsReadFromTheSocketAndAWildcardIsBrowsedAsLocalhost() {
        try (TestServer server = TestServer.start(s -> s, b -> b.host("0.0.0.0"))) {
            ServerAddress bound = server.app().address();
            assertThat(bound.everyInterface()).isTrue();
            assertThat(bound.port()).isEqualTo(server.port());
            // Jetty may open the wildcard as IPv6 "::" (dual stack) or IPv4 "0.0.0.0".
            assertThat(bound.hostAndPort()).isIn("0.0.0.0:" + server.port(), "[::]:" + server.port());
            assertThat(bound.pageUrl()).isEqualTo("http://localhost:" + server.port() + "/");
        }
        try (TestServer server = TestServer.start(s -> s, b -> b.host("127.0.0.1"))) {
            ServerAddress bound = server.app().address();
            assertThat(bound.everyInterface()).isFalse();
            assertThat(bound.consoleUrl()).isEqualTo("http://127.0.0.1:" + server.port() + "/admin");
        }
    }

    /** Polls the process's stderr (where the log goes) until {@code marker} appears or the process ends. */
    private static String awaitLog(CliProcess process, String marker, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            String log = process.stderr();
            if (log.contains(marker)) {
                return log;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + marker + "' in the log within " + limit.toSeconds() + " s: " + process.stderr());
    }
}
