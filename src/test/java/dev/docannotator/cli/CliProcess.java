package dev.docannotator.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line as a user runs it: a separate JVM on this build's classpath, with its own temporary directory
 * and home, so a test can see that it ends by itself and leaves no temporary file behind.
 */
final class CliProcess {
    final Path tmp;
    final Path home;
    private Process process;
    private Path stdout;
    private Path stderr;

    CliProcess(Path workDir) throws IOException {
        this.tmp = Files.createDirectories(workDir.resolve("tmp"));
        this.home = Files.createDirectories(workDir.resolve("home"));
        this.stdout = workDir.resolve("stdout.txt");
        this.stderr = workDir.resolve("stderr.txt");
    }

    CliProcess start(String... args) throws IOException {
        return start(java.util.Map.of(), args);
    }

    /** {@link #start(String...)} with these environment variables added. */
    CliProcess start(java.util.Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"),
                "dev.docannotator.App"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().remove("XDG_CONFIG_HOME");
        builder.environment().putAll(env);
        process = builder.start();
        return this;
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the process to end by itself; fails the test if it lingers. */
    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not end by itself within " + seconds + " s; stderr: " + stderr());
        }
        return process.exitValue();
    }

    /** Sends SIGINT, as Ctrl+C in a terminal does. */
    void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "<unreadable: " + e + ">";
        }
    }
}
