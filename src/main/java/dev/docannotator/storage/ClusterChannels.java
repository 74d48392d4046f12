package dev.docannotator.storage;

/**
 * The names instances share through the PostgreSQL store: the LISTEN/NOTIFY channels that wake them, and the name
 * of db-scheduler's task whose executions are the cluster's line. Here, below both the store that writes them and
 * the task classes that listen, so that neither depends on the other for a name.
 */
public final class ClusterChannels {

    /** A cancel was recorded: the payload is a {@link CancelRequest#payload()}. */
    public static final String CANCEL = "annotator_cancel";
    /** A task's log grew: the payload is the task key. */
    public static final String EVENTS = "annotator_events";
    /** An execution became due: every instance looks for one to claim. */
    public static final String QUEUE = "annotator_queue";
    /** A task's execution row is gone (its run ended, or it left the line): whoever waits for that looks again. */
    public static final String RUN_ENDED = "annotator_run_ended";
    /** db-scheduler's name of the task that annotates a document. */
    public static final String SCHEDULED_TASK = "annotate";

    private ClusterChannels() {
    }
}
