package dev.docannotator.storage;

/**
 * Everything the tasks service keeps, split by what it stores. {@code sqlite.SqliteStore} (embedded, one instance)
 * and {@code postgres.PostgresStore} (shared by several instances) implement it; one contract test holds both to the
 * same behaviour. The schema is migrated by whoever opens the database, once.
 */
public interface Store {
    UploadStore documents();

    TaskStore tasks();

    EventStore events();

    CheckpointStore checkpoints();

    AnnotationStore annotations();

    ResultStore results();

    /**
     * Writes one batch in one transaction, or throws and writes nothing: an event is durable together with the
     * checkpoint and the task row of the same step. Returns the keys of the tasks whose events and row were left out
     * because another instance ended the task's log meanwhile (a cancel it accepted appended {@code cancelled} after
     * the last event this one committed): the caller takes the stored log and row instead. Empty with one instance.
     */
    java.util.Set<String> writeBatch(StoreBatch batch);

    /**
     * Removes this machine's copies of documents and results the database no longer has (another instance's
     * retention removed them); returns how many. Nothing to do where the files are the only copy.
     */
    default int pruneLocalCopies() {
        return 0;
    }
}
