package dev.docannotator.bench;

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

/** The real server, started as production starts it: {@code java -jar target/doc-annotator.jar serve}. */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private Path log;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServerProcess start(Path dataDir, String heap, Map<String, String> env) throws Exception {
        Path jar = Path.of("target", "doc-annotator.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("target/doc-annotator.jar is missing: run mvn package first");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(javaHome().resolve("bin").resolve("java").toString(),
                "-Xmx" + heap));
        // Extra server JVM options, e.g. a JFR recording: -Dbench.server.jvm.args="-XX:StartFlightRecording=..."
        String extra = System.getProperty("bench.server.jvm.args", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "serve", "--port", Integer.toString(port),
                "--data-dir", dataDir.toString()));
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        ServerProcess server = new ServerProcess(builder.start(), port);
        server.awaitReady(Duration.ofMinutes(5)); // a busy machine may take minutes (the in-process grammar checker)
        // The grammar checker loads in the background after start (seconds of CPU): measure after it, not during.
        // In process mode every worker loads its own: wait for all of them, not only the first.
        server.awaitGrammar(log, Duration.ofMinutes(10)); // nice workers on a busy machine take minutes
        server.log = log;
        return server;
    }

    /** The JDK the server runs on: -Dbench.server.java.home=..., else the benchmark's own. */
    static Path javaHome() {
        return Path.of(System.getProperty("bench.server.java.home", System.getProperty("java.home")));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    private void awaitGrammar(Path log, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            long workers = count(text, "Worker w[0-9]+ ready");
            if (count(text, "Grammar checker loaded") >= Math.max(1, workers)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not log 'Grammar checker loaded' for every worker within " + limit);
    }

    private static long count(String text, String regex) {
        return java.util.regex.Pattern.compile(regex).matcher(text).results().count();
    }

    /** The instance id the server logged at start ("Instance <id> of the instances sharing ..."), or "?". */
    String instanceId() throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains("Instance ") && l.contains(" of the instances"))
                .map(l -> l.replaceFirst(".*Instance (\\S+) of the instances.*", "$1")).findFirst().orElse("?");
    }

    /** How the server runs documents, from its start-up log ("Documents run in ..."). */
    String documentsLine() throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains("Documents run in"))
                .map(l -> l.substring(l.indexOf("Documents run in"))).findFirst().orElse("?");
    }

    private void awaitReady(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri("/ready")).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server was not ready within " + limit);
    }

    /** Sum of one metric family (optionally only lines containing {@code filter}) from /metrics. */
    double metric(String name, String filter) throws Exception {
        return metric(scrape(), name, filter);
    }

    /** The whole of /metrics once (a scrape costs the server CPU: read several figures from one). */
    String scrape() throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Sum of one metric family (optionally only lines containing {@code filter}) in a scrape's {@code text}. */
    static double metric(String text, String name, String filter) {
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name) && (line.charAt(name.length()) == '{' || line.charAt(name.length()) == ' ')
                    && (filter == null || line.contains(filter))) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Heap in use after a full GC requested with jcmd, as /metrics reports it. */
    double heapAfterGc() throws Exception {
        Path jcmd = javaHome().resolve("bin").resolve("jcmd");
        new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
        return metric("jvm_memory_used_bytes", "area=\"heap\"");
    }

    @Override
    public void close() throws Exception {
        process.destroy(); // SIGTERM: the server drains as it would in production
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
