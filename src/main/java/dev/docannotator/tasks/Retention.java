package dev.docannotator.tasks;

import dev.docannotator.storage.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes finished tasks and documents older than the retention period, with their files; never one in use. */
final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final Store store;
    private final WriteBehind writer;
    private final LiveTasks live;
    private final Duration retention;
    private final Clock clock;

    Retention(Store store, WriteBehind writer, LiveTasks live, Duration retention, Clock clock) {
        this.store = store;
        this.writer = writer;
        this.live = live;
        this.retention = retention;
        this.clock = clock;
    }

    void cleanup() {
        writer.flush();
        Instant cutoff = clock.instant().minus(retention);
        List<String> expiredTasks = store.tasks().finishedBefore(cutoff);
        List<String> expiredDocuments = store.documents().unusedBefore(cutoff);
        // Only tasks nobody uses are removed; a task in use (worker, stream, resume) keeps its rows.
        List<String> removed = new ArrayList<>(expiredTasks.size());
        Set<String> documentsInUse = new HashSet<>();
        for (String taskId : expiredTasks) {
            Task task = live.get(taskId);
            if (task != null && (task.workerActive() || task.readers() > 0 || task.pinned())) {
                documentsInUse.add(task.view().documentId());
                continue;
            }
            live.remove(taskId);
            removed.add(taskId);
            store.results().delete(taskId);
        }
        store.tasks().delete(removed);
        List<String> removedDocuments = expiredDocuments.stream().filter(id -> !documentsInUse.contains(id)).toList();
        store.documents().delete(removedDocuments);
        if (!removed.isEmpty() || !removedDocuments.isEmpty()) {
            LOG.info("Retention removed {} task(s) and {} document(s)", removed.size(), removedDocuments.size());
        }
        int pruned = store.pruneLocalCopies();
        if (pruned > 0) {
            LOG.info("Removed {} local copies of documents and results that the database no longer has", pruned);
        }
    }
}
