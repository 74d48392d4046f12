package dev.docannotator.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real server as a separate JVM ({@code App serve}) on this build's classpath, a free port and a data directory
 * the test chooses, so that a test can kill it with {@code kill -9}, start it again on the same data, or bound its heap.
 * Its output goes to {@code <dataDir>.log}.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code serve} with {@code jvmArgs} (e.g. "-Xmx256m"), extra {@code serveArgs} and {@code env}; waits for /ready. */
    public static ServerProcess start(Path dataDir, List<String> jvmArgs, List<String> serveArgs, Map<String, String> env)
            throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        Process process = launch(dataDir, port, jvmArgs, serveArgs, env, log);
        ServerProcess server = new ServerProcess(process, port, log);
        try {
            server.awaitReady(Duration.ofSeconds(120)); // a shared, loaded machine: worker JVMs warm up slowly
        } catch (RuntimeException | Error notReady) {
            // Nobody else holds it: a server that never became ready would outlive the test run.
            process.destroyForcibly();
            String output = server.output();
            throw new AssertionError(notReady.getMessage() + "; the server printed:\n"
                    + output.substring(Math.max(0, output.length() - 4000)), notReady);
        }
        return server;
    }

    /** Runs {@code serve} and returns its exit code (for servers that must refuse to start), failing after 60 s. */
    public static int runToExit(Path dataDir, List<String> serveArgs, Path output) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = launch(dataDir, port, List.of(), serveArgs, Map.of(), output);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("serve did not exit within 60 s: " + Files.readString(output));
        }
        return process.exitValue();
    }

    private static Process launch(Path dataDir, int port, List<String> jvmArgs, List<String> serveArgs,
                                  Map<String, String> env, Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.docannotator.App", "serve",
                "--port", Integer.toString(port), "--data-dir", dataDir.toString()));
        command.addAll(serveArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** What the server printed so far. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "<unreadable: " + e + ">";
        }
    }

    private void awaitReady(Duration limit) {
        HttpClient http = HttpClient.newHttpClient();
        WaitUntil.waitUntil("the server process answers /ready with 200", limit, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited with " + process.exitValue() + ": " + output());
            }
            try {
                return http.send(HttpRequest.newBuilder(uri("/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(5)).header("X-User-Id", user);
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** POST /api/documents; returns the response whatever its status. */
    public HttpResponse<String> upload(String user, String filename, byte[] content) throws IOException, InterruptedException {
        Multipart form = new Multipart().file("file", filename, content);
        return send(request("/api/documents", user).header("Content-Type", form.contentType()).POST(form.publisher()).build());
    }

    /** POST /api/chat/stream with {@code json} as the body; the stream, whatever its status. */
    public EventStream stream(String user, String json) throws IOException, InterruptedException {
        return open(request("/api/chat/stream", user).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** GET /api/tasks/{id}/events after {@code lastEventId}. */
    public EventStream events(String user, String taskId, long lastEventId) throws IOException, InterruptedException {
        return open(request("/api/tasks/" + taskId + "/events", user).header("Last-Event-ID", Long.toString(lastEventId))
                .GET().build());
    }

    public EventStream open(HttpRequest request) throws IOException, InterruptedException {
        return new EventStream(client.send(request, HttpResponse.BodyHandlers.ofInputStream()));
    }

    /** {@code kill -9}: no shutdown hook, no last flush. Returns when the process is gone. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the server survived SIGKILL for 30 s");
        }
    }

    /** The process's resident set size in bytes (from /proc), 0 when it has ended. */
    public long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return 0;
    }

    /** SIGTERM (a graceful stop), then SIGKILL if it lingers. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
