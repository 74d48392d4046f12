package dev.docannotator.tasks;

import dev.docannotator.analysis.AnalyserChoice;
import dev.docannotator.analysis.Annotation;
import dev.docannotator.common.Messages;
import dev.docannotator.pipeline.Checkpoint;
import dev.docannotator.pipeline.Stage;
import dev.docannotator.rollout.FeatureDecider;
import dev.docannotator.rollout.Features;
import dev.docannotator.storage.DocumentRecord;
import dev.docannotator.storage.StorageException;
import dev.docannotator.storage.StorageFailures;
import dev.docannotator.storage.Store;
import dev.docannotator.storage.TaskStatus;
import dev.docannotator.storage.TaskView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Admission of new and resumed tasks: refuses while task state cannot be written, reserves the task's id, admits
 * it where tasks run ({@link Placement}) and announces it (the {@code task} event, a resume's kept annotations,
 * its queue position), or answers why not.
 */
final class Admission {
    private final TaskService.Options options;
    private final Store store;
    private final WriteBehind writer;
    private final DocumentStore documents;
    private final FeatureDecider features;
    private final PersistenceHealth health;
    private final LiveTasks live;
    private final Placement placement;
    private final Clock clock;

    Admission(TaskService.Options options, Store store, WriteBehind writer, DocumentStore documents,
              FeatureDecider features, PersistenceHealth health, LiveTasks live, Placement placement, Clock clock) {
        this.options = options;
        this.store = store;
        this.writer = writer;
        this.documents = documents;
        this.features = features;
        this.health = health;
        this.live = live;
        this.placement = placement;
        this.clock = clock;
    }

    /**
     * Creates a task over the caller's document and admits it; its log starts with the {@code task} event. A task
     * whose id the server made up, on one instance, has its row committed with that event by the event writer (one
     * group commit, nothing on the request's path waits for the database): no other request can hold its id, and
     * nobody learns of the task before the event. A task id the client chose (the row reserves it), or several
     * instances, have the row written before admission, outside the scheduler's lock, and removed again when the
     * task is not admitted: admissions never queue behind database writes.
     */
    Task submit(String userId, String documentId, String requirement, String requestedTaskId, Locale locale,
                AnalyserChoice analyser) {
        refuseWhileStorageFails(locale);
        DocumentRecord doc = documents.find(userId, documentId, locale);
        String taskId = requestedTaskId != null ? requestedTaskId : UUID.randomUUID().toString();
        boolean pausable = features.isEnabled(Features.PAUSABLE_STREAMING, userId);
        Instant now = clock.instant();
        TaskView view = new TaskView(taskId, userId, doc.documentId(), doc.filename(), doc.format(),
                requirement == null ? "" : requirement, locale.toLanguageTag(), pausable, TaskStatus.QUEUED,
                Stage.QUEUED, 0, null, null, null, 0, now, now, analyser);
        String key = TaskKeys.of(userId, taskId);
        boolean rowWithFirstEvent = requestedTaskId == null && placement.newRowWithFirstEvent();
        if (!rowWithFirstEvent) {
            insertRow(key, view, taskId, requestedTaskId != null, userId, locale);
        }
        Task task = new Task(view, new EventLog(taskId, List.of(), false, writer.sink(key)), key);
        try {
            admit(task, locale, () -> {
                if (rowWithFirstEvent) {
                    writer.newTask(key, view); // queued before the task event that the announcement queues
                }
                live.put(task);
            }, null);
        } catch (RuntimeException notAdmitted) {
            if (!rowWithFirstEvent) {
                store.tasks().delete(List.of(key));
            }
            throw notAdmitted;
        }
        return task;
    }

    /** Writes a new task's row before it is admitted; a client-chosen id that is taken is a 409. */
    private void insertRow(String key, TaskView view, String taskId, boolean chosenByClient, String userId,
                           Locale locale) {
        // Scoped to the identity: only the identity holding the id gets a 409 (a task stored before ids were
        // scoped holds its bare id).
        if (chosenByClient && store.tasks().find(taskId).filter(t -> t.userId().equals(userId)).isPresent()) {
            throw TaskException.conflict(Texts.of(locale, "task.id_taken", taskId));
        }
        try {
            store.tasks().insert(key, view);
        } catch (StorageException e) {
            if (store.tasks().exists(key)) {
                throw TaskException.conflict(Texts.of(locale, "task.id_taken", taskId));
            }
            throw storageRefusal(e, locale);
        }
    }

    /**
     * Admits the task; while it is being admitted (under the scheduler's lock for a single instance), runs
     * {@code beforeAnnounce} and announces it. A resumed task continues from {@code resumeFrom}, else null.
     */
    void admit(Task task, Locale locale, Runnable beforeAnnounce, Checkpoint resumeFrom) {
        try {
            placement.admit(task, (t, running, position) -> {
                beforeAnnounce.run();
                announce(t, running, position, resumeFrom);
            });
        } catch (Scheduler.RefusedException e) {
            throw refused(e, locale);
        }
    }

    /** The task event, the annotations a resume keeps, and a waiting task's position (0: not known here). */
    private void announce(Task task, boolean running, int position, Checkpoint resumeFrom) {
        synchronized (task) {
            task.status(running ? TaskStatus.RUNNING : TaskStatus.QUEUED, clock.instant());
            task.announce(new StreamEvent.Admitted(running, task.pausable()));
            if (resumeFrom != null) {
                for (Annotation annotation : resumeFrom.annotations()) {
                    TaskWorker.sendAnnotation(task, annotation);
                }
            }
            if (!running && position > 0) {
                appendPosition(task, position);
            }
            writer.task(task);
        }
    }

    /** Tells a waiting task its (1-based) position. */
    void reportPosition(Task task, int position) {
        synchronized (task) {
            appendPosition(task, position);
        }
    }

    private void appendPosition(Task task, int position) {
        Messages messages = task.messages();
        task.log().append(new StreamEvent.Progress(Stage.QUEUED, task.progress(), messages.get("queue.message", position),
                messages.get("queue.detail", position - 1)));
    }

    private TaskException refused(Scheduler.RefusedException e, Locale locale) {
        return switch (e.refusal()) {
            // A slot frees when one of the user's tasks ends: seconds for small documents, so try again soon.
            case USER_LIMIT -> new TaskException(TaskException.Reason.USER_LIMIT,
                    Texts.of(locale, "admission.user_limit", options.perUserLimit()), 10);
            case QUEUE_FULL -> new TaskException(TaskException.Reason.BUSY, Texts.of(locale, "admission.queue_full"), 5);
            default -> new TaskException(TaskException.Reason.BUSY, Texts.of(locale, "admission.stopping"), 10);
        };
    }

    /** A new task would be acknowledged and then lost: refuse it while writing fails (507 when the disk is full). */
    private void refuseWhileStorageFails(Locale locale) {
        switch (health.state()) {
            case DISK_FULL -> throw new TaskException(TaskException.Reason.STORAGE_FULL, Texts.of(locale, "storage.full"), 30);
            case FAILING -> throw new TaskException(TaskException.Reason.STORAGE_FAILING, Texts.of(locale, "storage.failing"), 10);
            default -> { }
        }
    }

    /** A write that failed on a request's path, as the refusal the caller gets. */
    private static TaskException storageRefusal(StorageException e, Locale locale) {
        return StorageFailures.isDiskFull(e)
                ? new TaskException(TaskException.Reason.STORAGE_FULL, Texts.of(locale, "storage.full"), 30)
                : new TaskException(TaskException.Reason.STORAGE_FAILING, Texts.of(locale, "storage.failing"), 10);
    }
}
