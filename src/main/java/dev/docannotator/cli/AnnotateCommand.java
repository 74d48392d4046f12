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
import dev.docannotator.analysis.AnalyserChoice;
import dev.docannotator.analysis.llm.LlmFailure;
import dev.docannotator.analysis.llm.LlmSettings;
import picocli.CommandLine.Parameters;

/**
 * {@code annotate FILE [--requirement TEXT] [--out PATH] [--json] [--server URL]}, or
 * {@code annotate --resume TASK_ID --server URL [--out PATH] [--json]} to continue a paused or interrupted remote task.
 */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = "Annotate one document, in this process or on a DocAnnotator server.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:usage error (also: FILE missing or a directory)", "3:document rejected",
                "4:server unreachable or failed", "130:cancelled"})
public final class AnnotateCommand implements Callable<Integer> {
    private static final java.util.regex.Pattern TASK_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,128}");

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The DOCX, PDF, TXT or Markdown document (not with --resume).")
    Path file;

    @Option(names = "--resume", paramLabel = "TASK_ID",
            description = "Continue this paused or interrupted task on the --server (its id was printed as \"task: <id>\").")
    String resume;

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

    @Option(names = "--analyser", paramLabel = "NAME",
            description = "rules, llm or both (default: both when a model is configured, else rules).")
    String analyser;

    @Option(names = "--llm-base-url", paramLabel = "URL",
            description = "OpenAI-compatible endpoint for local runs (env ANNOTATOR_LLM_BASE_URL; key: ANNOTATOR_LLM_API_KEY).")
    String llmBaseUrl;

    @Option(names = "--llm-model", paramLabel = "NAME", description = "The model's name (env ANNOTATOR_LLM_MODEL).")
    String llmModel;

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of progress messages: en or zh (default: from the system).")
    String lang;

    /** The language model for a local run, or null. */
    private LlmSettings model;

    private AnnotateResult annotateLocally(ProgressPrinter progress, AtomicBoolean cancelled, Locale locale) {
        LocalAnnotator local = LocalAnnotator.withModel(progress, model);
        AnalyserChoice choice = analyser == null ? AnalyserChoice.defaultFor(model != null)
                : AnalyserChoice.fromId(analyser).orElseThrow();
        return local.annotate(file, requirement, out, cancelled, locale, choice);
    }

    /** The CLI's own texts in the --lang language. */
    private Messages texts = new Messages("cli", Locale.ENGLISH);

    PrintStream stdout = System.out;
    PrintStream stderr = System.err;

    @Override
    public Integer call() {
        Locale locale = Messages.supported(lang == null ? Locale.getDefault() : Locale.forLanguageTag(lang));
        texts = new Messages("cli", locale);
        String usage = usageError();
        if (usage != null) {
            stderr.println("doc-annotator: " + usage);
            return ExitCodes.USAGE;
        }
        if (analyser != null && AnalyserChoice.fromId(analyser).isEmpty()) {
            stderr.println("doc-annotator: " + texts.get("usage.bad_analyser", analyser));
            return ExitCodes.USAGE;
        }
        try {
            model = server == null ? LlmSettings.resolve(llmBaseUrl, llmModel, System.getenv()).orElse(null) : null;
        } catch (IllegalArgumentException e) {
            stderr.println("doc-annotator: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (server == null && model == null && analyser != null && AnalyserChoice.fromId(analyser).get().usesModel()) {
            stderr.println("doc-annotator: " + texts.get("usage.analyser_needs_model", analyser));
            return ExitCodes.USAGE;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        ProgressPrinter progress = ProgressPrinter.forStream(stderr);
        RemoteAnnotator remote;
        try {
            remote = server == null ? null : remoteAnnotator(locale, progress);
        } catch (IllegalArgumentException e) {
            stderr.println("doc-annotator: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (remote != null && resume == null && analyser != null && AnalyserChoice.fromId(analyser).get().usesModel()
                && !remote.serverHasModel().orElse(true)) {
            // Asked before the upload: the server would refuse the stream (400), but this is the user's choice to fix.
            stderr.println("doc-annotator: " + texts.get("usage.server_has_no_model", analyser, server));
            return ExitCodes.USAGE;
        }
        Thread onCtrlC = new Thread(() -> {
            cancelled.set(true);
            if (remote != null && !remote.cancelRemote(Duration.ofSeconds(3))) {
                stderr.println("doc-annotator: " + texts.get("cancel.unconfirmed"));
            }
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "annotate-cancel");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            AnnotateResult result = resume != null ? remote.resume(resume, out, cancelled)
                    : remote != null ? remote.analyser(analyser).annotate(file, requirement, out, cancelled)
                    : annotateLocally(progress, cancelled, locale);
            if (result == null) {
                reportCancelled(remote, progress);
                return ExitCodes.CANCELLED;
            }
            report(result, progress);
            return ExitCodes.DONE;
        } catch (DocumentRejectedException e) {
            progress.finish();
            stderr.println("doc-annotator: " + (file != null ? file.getFileName() + ": " : "") + e.message(locale));
            return ExitCodes.REJECTED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.CANCELLED;
        } catch (LlmFailure e) {
            progress.finish();
            stderr.println("doc-annotator: " + new Messages("llm", locale).get("failure." + e.kind().id()));
            return ExitCodes.FAILED;
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
            throw new IllegalArgumentException(texts.get("usage.bad_server", server));
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(texts.get("usage.bad_server", server));
        }
        String identity = userId;
        if (identity == null) {
            try {
                identity = UserIdentity.loadOrCreate(UserIdentity.defaultConfigDir());
            } catch (IOException e) {
                throw new IllegalArgumentException(texts.get("usage.identity_store", UserIdentity.defaultConfigDir(),
                        e.getMessage()));
            }
        } else if (!UserIdentity.isValid(identity)) {
            throw new IllegalArgumentException(texts.get("usage.bad_user_id"));
        }
        return new RemoteAnnotator(uri, identity, locale, progress, RemoteAnnotator.Backoff.standard());
    }

    /** What is wrong with the arguments, or null; picocli has checked their syntax already. */
    private String usageError() {
        if (resume != null) {
            if (server == null) {
                return texts.get("usage.resume_needs_server");
            }
            if (file != null) {
                return texts.get("usage.file_and_resume");
            }
            if (!TASK_ID.matcher(resume).matches()) {
                return texts.get("usage.bad_task_id", resume);
            }
            return null;
        }
        if (file == null) {
            return texts.get("usage.missing_file");
        }
        if (Files.isDirectory(file)) {
            return texts.get("usage.directory", file);
        }
        if (!Files.isRegularFile(file)) {
            return texts.get("usage.no_such_file", file);
        }
        return null;
    }

    /**
     * A cancel ends with exit 130; with --json stdout still gets one object (status and, remotely, the task id),
     * and a remote run says how to continue.
     */
    private void reportCancelled(RemoteAnnotator remote, ProgressPrinter progress) {
        progress.finish();
        String id = remote == null ? null : remote.taskId();
        if (json) {
            stdout.println(Json.write(new CancelledResult("cancelled", id, id != null)));
        }
        if (id != null) {
            stderr.println("doc-annotator: " + texts.get("cancelled.resume", id, server));
        } else {
            stderr.println("doc-annotator: " + texts.get("cancelled"));
        }
    }

    /** What {@code --json} prints for a cancelled run; {@code taskId} only in remote mode. */
    record CancelledResult(String status, String taskId, boolean resumable) {
    }

    private void report(AnnotateResult result, ProgressPrinter progress) {
        if (json) {
            stdout.println(Json.write(result));
        } else {
            progress.line(texts.get("done", result.annotationCount(), result.output()));
        }
    }
}
