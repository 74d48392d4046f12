package dev.docannotator.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server as an operator runs it ({@code serve}), in its own JVM on this build's classpath, listening on
 * loopback: for tests whose point is the process itself (its thread pool, its sockets). Closing sends SIGTERM.
 */
public final class ServerJvm implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private ServerJvm(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code serve} with {@code env} added to the environment and waits until /ready answers 200. */
    public static ServerJvm start(Path dataDir, String heap, Map<String, String> env) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), "dev.docannotator.App", "serve",
                "--port", Integer.toString(port), "--data-dir", dataDir.toString()));
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        ServerJvm server = new ServerJvm(builder.start(), port, log);
        try {
            HttpClient http = HttpClient.newHttpClient();
            WaitUntil.waitUntil("the server answers /ready", Duration.ofSeconds(60), () -> {
                if (!server.process.isAlive()) {
                    throw new AssertionError("the server exited with " + server.process.exitValue() + ": " + server.log());
                }
                return http.send(HttpRequest.newBuilder(server.uri("/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            });
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Waits until the server's log contains {@code text} (e.g. a background start-up step finished). */
    public void awaitLog(String text, Duration limit) {
        WaitUntil.waitUntil("the server logs '" + text + "'", limit, () -> log().contains(text));
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "<unreadable log: " + e + ">";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
