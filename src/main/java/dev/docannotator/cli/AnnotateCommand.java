package dev.docannotator.cli;

import dev.docannotator.common.Json;
import dev.docannotator.common.Messages;
import dev.docannotator.document.DocumentRejectedException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code annotate FILE [--requirement TEXT] [--out PATH] [--json] [--server URL]}. */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = "Annotate one document, in this process or on a DocAnnotator server.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:usage error", "3:document rejected", "4:server unreachable or failed", "130:cancelled"})
public final class AnnotateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The DOCX, PDF, TXT or Markdown document.")
    Path file;

    @Option(names = "--requirement", paramLabel = "TEXT",
            description = "What to look for, in English or Chinese (default: a general review).")
    String requirement = "";

    @Option(names = "--out", paramLabel = "PATH", description = "Where to write the annotated document (default: <base>.annotated.<ext> beside FILE).")
    Path out;

    @Option(names = "--json", description = "Print the result as one JSON object on stdout.")
    boolean json;

    @Option(names = "--server", paramLabel = "URL", description = "Run on this DocAnnotator server instead of in-process.")
    String server;

    @Option(names = "--user-id", paramLabel = "TOKEN",
            description = "Identity on the server (16-128 of A-Z a-z 0-9 _ -); default: a random one kept in ~/.config/doc-annotator/user-id.")
    String userId;

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of progress messages: en or zh (default: from the system).")
    String lang;

    PrintStream stdout = System.out;
    PrintStream stderr = System.err;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            stderr.println("doc-annotator: " + file + ": no such file");
            return ExitCodes.USAGE;
        }
        Locale locale = Messages.supported(lang == null ? Locale.getDefault() : Locale.forLanguageTag(lang));
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        ProgressPrinter progress = ProgressPrinter.forStderr();
        RemoteAnnotator remote;
        try {
            remote = server == null ? null : remoteAnnotator(locale, progress);
        } catch (IllegalArgumentException e) {
            stderr.println("doc-annotator: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Thread onCtrlC = new Thread(() -> {
            cancelled.set(true);
            if (remote != null && !remote.cancelRemote(Duration.ofSeconds(3))) {
                stderr.println("doc-annotator: could not confirm the cancel with the server");
            }
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "annotate-cancel");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            AnnotateResult result = remote != null
                    ? remote.annotate(file, requirement, out, cancelled)
                    : LocalAnnotator.withDefaults(progress).annotate(file, requirement, out, cancelled, locale);
            if (result == null) {
                progress.finish();
                stderr.println("doc-annotator: cancelled");
                return ExitCodes.CANCELLED;
            }
            report(result, progress);
            return ExitCodes.DONE;
        } catch (DocumentRejectedException e) {
            progress.finish();
            stderr.println("doc-annotator: " + file.getFileName() + ": " + e.getMessage());
            return ExitCodes.REJECTED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.CANCELLED;
        } catch (RuntimeException e) {
            progress.finish();
            stderr.println("doc-annotator: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return ExitCodes.FAILED;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException alreadyShuttingDown) {
                // Ctrl+C arrived: the hook is running and will see us finish
            }
        }
    }

    private RemoteAnnotator remoteAnnotator(Locale locale, ProgressPrinter progress) {
        URI uri;
        try {
            uri = new URI(server.endsWith("/") ? server : server + "/");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--server: not a URL: " + server);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--server: expected http://HOST:PORT, got " + server);
        }
        String identity = userId;
        if (identity == null) {
            try {
                identity = UserIdentity.loadOrCreate(UserIdentity.defaultConfigDir());
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot keep the CLI identity in " + UserIdentity.defaultConfigDir()
                        + " (" + e.getMessage() + "); pass --user-id");
            }
        } else if (!UserIdentity.isValid(identity)) {
            throw new IllegalArgumentException("--user-id: expected 16-128 characters of A-Z a-z 0-9 _ -");
        }
        return new RemoteAnnotator(uri, identity, locale, progress, RemoteAnnotator.Backoff.standard());
    }

    private void report(AnnotateResult result, ProgressPrinter progress) {
        if (json) {
            stdout.println(Json.write(result));
        } else {
            progress.line(result.annotationCount() + " annotations → " + result.output());
        }
    }
}
