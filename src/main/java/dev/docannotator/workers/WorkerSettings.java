package dev.docannotator.workers;

import static dev.docannotator.common.EnvironmentValues.intOf;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How documents are isolated: in supervised worker processes ({@link Isolation#PROCESS}, what {@code serve} does by
 * default) or in the server's own task threads ({@link Isolation#NONE}, the CLI and most tests). The number of
 * workers is the task pool's size ({@code --workers}).
 *
 * @param isolation         process or none
 * @param heapMb            each worker's heap limit ({@code -Xmx}); a document that needs more fails its task
 * @param taskTimeLimit     longest one task may hold a worker before the worker is killed and the task fails
 * @param recycleAfter      a worker is replaced by a fresh one after this many tasks
 * @param heartbeatInterval how often an idle or busy worker is pinged
 * @param heartbeatTimeout  a worker that has not answered a ping for this long is killed
 * @param startTimeout      longest a worker may take to start, and a task to wait for a worker
 * @param stopGrace         how long a stopping worker has between SIGTERM and SIGKILL
 * @param warmUpGrammar     load the grammar checker in each worker as it starts (seconds of CPU, off the task path)
 * @param jvmArgs           more JVM options for the workers (e.g. a system property in tests)
 * @param niceness          the workers' CPU niceness (0 = the server's; up to 19): a request thread of the server
 *                          (a stream's first event, a cancel, /health) then gets a core before a document's analysis
 * @param validators        worker processes that only check uploads (sniff, trial open), besides the task workers:
 *                          a hostile upload then never shares a process with another user's task
 * @param validationTimeLimit longest one upload's check may take before its worker is killed and the upload refused
 */
public record WorkerSettings(Isolation isolation, int heapMb, Duration taskTimeLimit, int recycleAfter,
                             Duration heartbeatInterval, Duration heartbeatTimeout, Duration startTimeout,
                             Duration stopGrace, boolean warmUpGrammar, List<String> jvmArgs, int niceness,
                             int validators, Duration validationTimeLimit) {

    /** Sized for the 25 MB upload limit: a large DOCX's model, its text and the annotated copy fit with room. */
    public static final int DEFAULT_HEAP_MB = 512;
    public static final Duration DEFAULT_TASK_TIME_LIMIT = Duration.ofMinutes(10);
    public static final int DEFAULT_RECYCLE_AFTER = 200;
    /** Workers yield the CPU to the server's request threads (see BENCHMARKS.md, "Document workers"). */
    public static final int DEFAULT_NICENESS = 10;
    /** One process checks uploads, one at a time (a check takes milliseconds; see BENCHMARKS.md, "Document workers"). */
    public static final int DEFAULT_VALIDATORS = 1;
    public static final Duration DEFAULT_VALIDATION_TIME_LIMIT = Duration.ofSeconds(30);

    /** Where a document is read, analysed and annotated. */
    public enum Isolation {
        /** In supervised worker processes. */
        PROCESS("process"),
        /** In the server process (today's mode; {@code --isolation none}). */
        NONE("in-process");

        private final String mode;

        Isolation(String mode) {
            this.mode = mode;
        }

        /** The name {@code GET /api/admin/workers} reports: "process" or "in-process". */
        public String mode() {
            return mode;
        }

        /** From the option's value: "process" or "none" (also "in-process"). */
        public static Isolation parse(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "process" -> PROCESS;
                case "none", "in-process" -> NONE;
                default -> throw new IllegalArgumentException("isolation must be process or none, not \"" + value + "\"");
            };
        }
    }

    public WorkerSettings {
        if (heapMb < 32 || recycleAfter < 1) {
            throw new IllegalArgumentException("the worker heap must be at least 32 MB and recycling at least 1 task");
        }
        if (taskTimeLimit.isNegative() || taskTimeLimit.isZero()) {
            throw new IllegalArgumentException("the task time limit must be positive");
        }
        if (validators < 1 || validationTimeLimit.isNegative() || validationTimeLimit.isZero()) {
            throw new IllegalArgumentException("at least one validator and a positive validation time limit are needed");
        }
        if (niceness < 0 || niceness > 19) {
            throw new IllegalArgumentException("the worker niceness must be 0 to 19, not " + niceness);
        }
        jvmArgs = List.copyOf(jvmArgs);
    }

    /**
     * Tasks that run at once when the operator did not say: in process mode one core is left to the server (its
     * request threads, the event writer, the streams), so {@code cores - 1}, at least 1; else one per core.
     */
    public int defaultWorkers(int cores) {
        return isolation == Isolation.PROCESS ? Math.max(1, cores - 1) : Math.max(1, cores);
    }

    /** Documents in the server's own threads. */
    public static WorkerSettings inProcess() {
        return builder().isolation(Isolation.NONE).build();
    }

    /** Documents in worker processes, with the documented defaults. */
    public static WorkerSettings processes() {
        return builder().build();
    }

    /** Settings starting from the documented defaults (worker processes); set what differs, then {@code build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings starting from these. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * {@link #processes()} overridden by ANNOTATOR_ISOLATION (process|none), ANNOTATOR_WORKER_HEAP_MB,
     * ANNOTATOR_TASK_TIME_LIMIT_SECONDS, ANNOTATOR_WORKER_RECYCLE_AFTER, ANNOTATOR_WORKER_WARM_UP (0 = do not load
     * the grammar checker as a worker starts), ANNOTATOR_WORKER_NICE (0 = the server's CPU priority),
     * ANNOTATOR_VALIDATORS (processes that check uploads) and ANNOTATOR_VALIDATION_TIME_LIMIT_SECONDS.
     */
    public static WorkerSettings fromEnvironment(Map<String, String> env) {
        WorkerSettings d = processes();
        String isolation = env.get("ANNOTATOR_ISOLATION");
        return d.toBuilder()
                .isolation(isolation == null || isolation.isBlank() ? d.isolation() : Isolation.parse(isolation))
                .heapMb(intOf(env, "ANNOTATOR_WORKER_HEAP_MB", d.heapMb()))
                .taskTimeLimit(Duration.ofSeconds(intOf(env, "ANNOTATOR_TASK_TIME_LIMIT_SECONDS",
                        (int) d.taskTimeLimit().toSeconds())))
                .recycleAfter(intOf(env, "ANNOTATOR_WORKER_RECYCLE_AFTER", d.recycleAfter()))
                .warmUpGrammar(!"0".equals(env.getOrDefault("ANNOTATOR_WORKER_WARM_UP", "1").strip()))
                .niceness(intOf(env, "ANNOTATOR_WORKER_NICE", d.niceness()))
                .validators(intOf(env, "ANNOTATOR_VALIDATORS", d.validators()))
                .validationTimeLimit(Duration.ofSeconds(intOf(env, "ANNOTATOR_VALIDATION_TIME_LIMIT_SECONDS",
                        (int) d.validationTimeLimit().toSeconds())))
                .build();
    }

    /** Worker settings field by field; {@link #build()} checks them as the record does. */
    public static final class Builder {
        private Isolation isolation = Isolation.PROCESS;
        private int heapMb = DEFAULT_HEAP_MB;
        private Duration taskTimeLimit = DEFAULT_TASK_TIME_LIMIT;
        private int recycleAfter = DEFAULT_RECYCLE_AFTER;
        private Duration heartbeatInterval = Duration.ofSeconds(1);
        private Duration heartbeatTimeout = Duration.ofSeconds(20);
        private Duration startTimeout = Duration.ofSeconds(60);
        private Duration stopGrace = Duration.ofSeconds(5);
        private boolean warmUpGrammar = true;
        private List<String> jvmArgs = List.of();
        private int niceness = DEFAULT_NICENESS;
        private int validators = DEFAULT_VALIDATORS;
        private Duration validationTimeLimit = DEFAULT_VALIDATION_TIME_LIMIT;

        private Builder() {
        }

        private Builder(WorkerSettings from) {
            isolation = from.isolation;
            heapMb = from.heapMb;
            taskTimeLimit = from.taskTimeLimit;
            recycleAfter = from.recycleAfter;
            heartbeatInterval = from.heartbeatInterval;
            heartbeatTimeout = from.heartbeatTimeout;
            startTimeout = from.startTimeout;
            stopGrace = from.stopGrace;
            warmUpGrammar = from.warmUpGrammar;
            jvmArgs = from.jvmArgs;
            niceness = from.niceness;
            validators = from.validators;
            validationTimeLimit = from.validationTimeLimit;
        }

        public Builder isolation(Isolation value) {
            isolation = value;
            return this;
        }

        public Builder heapMb(int value) {
            heapMb = value;
            return this;
        }

        public Builder taskTimeLimit(Duration value) {
            taskTimeLimit = value;
            return this;
        }

        public Builder recycleAfter(int value) {
            recycleAfter = value;
            return this;
        }

        public Builder heartbeat(Duration interval, Duration timeout) {
            heartbeatInterval = interval;
            heartbeatTimeout = timeout;
            return this;
        }

        public Builder warmUpGrammar(boolean value) {
            warmUpGrammar = value;
            return this;
        }

        public Builder jvmArgs(List<String> value) {
            jvmArgs = value;
            return this;
        }

        public Builder niceness(int value) {
            niceness = value;
            return this;
        }

        public Builder validators(int value) {
            validators = value;
            return this;
        }

        public Builder validationTimeLimit(Duration value) {
            validationTimeLimit = value;
            return this;
        }

        public WorkerSettings build() {
            return new WorkerSettings(isolation, heapMb, taskTimeLimit, recycleAfter, heartbeatInterval,
                    heartbeatTimeout, startTimeout, stopGrace, warmUpGrammar, jvmArgs, niceness, validators,
                    validationTimeLimit);
        }
    }
}
