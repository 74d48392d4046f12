package dev.docannotator.tasks;

import dev.docannotator.common.Language;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.pipeline.CheckpointSummary;
import dev.docannotator.pipeline.Engine;
import dev.docannotator.pipeline.RunReport;
import dev.docannotator.storage.Store;
import dev.docannotator.storage.TaskFiles;
import dev.docannotator.storage.TaskStatus;
import dev.docannotator.storage.TaskView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a caller can read about their tasks: the list, one task's state, what it runs, its annotations and its
 * result. From memory while this instance's copy is the truth, else from the database (a task leaves memory only
 * after its state was written).
 */
final class TaskQueries {
    private final Store store;
    private final WriteBehind writer;
    private final LiveTasks live;
    private final Engine engine;

    TaskQueries(Store store, WriteBehind writer, LiveTasks live, Engine engine) {
        this.store = store;
        this.writer = writer;
        this.live = live;
        this.engine = engine;
    }

    /** A task stored and found by its owner: its key and its state. */
    private record Found(String key, TaskView view) {
    }

    List<TaskView> list(String userId) {
        writer.flush();
        List<TaskView> fromDb = store.tasks().listByUser(userId);
        List<TaskView> result = new ArrayList<>(fromDb.size());
        for (TaskView view : fromDb) {
            Task inMemory = live.inMemory(userId, view.taskId());
            result.add(inMemory != null ? inMemory.view() : view);
        }
        return result;
    }

    TaskView get(String userId, String taskId, Locale locale) {
        return view(userId, taskId, locale).view();
    }

    /**
     * What the task runs (or ran): its checks, how its requirement was read, what of the document was not read, and
     * the analyser; notes in {@code locale}.
     */
    RunReport report(TaskView task, Locale locale) {
        Language language = Language.of(locale);
        RunReport report = engine.report(task.requirement(), language);
        Task inMemory = live.inMemory(task.userId(), task.taskId());
        ExtractedText liveText = inMemory == null ? null : inMemory.liveText();
        if (liveText != null && !task.analyser().usesModel()) {
            return report.withUnread(liveText.unread(), language);
        }
        // What was not read, what the model cost so far and whether it failed (a "both" run then goes on with the
        // rules alone) are summarised with the last checkpoint (a running task's may lag a few seconds), so that
        // neither the checkpoint's findings nor the document text are loaded here. Checkpoints are stored under the
        // task's key (scoped to its owner), not its public id.
        String key = inMemory != null ? inMemory.key()
                : stored(task.userId(), task.taskId()).map(Found::key).orElse(TaskKeys.of(task.userId(), task.taskId()));
        writer.flush(); // the last checkpoint may still be on its way to the database
        Optional<CheckpointSummary> summary = store.checkpoints().summary(key);
        report = report.withUnread(liveText != null ? liveText.unread()
                : summary.map(CheckpointSummary::unread).orElse(List.of()), language);
        if (!task.analyser().usesModel()) {
            return report;
        }
        return report.withModel(task.analyser().id(), summary.map(CheckpointSummary::llmUsage).orElse(null),
                summary.map(CheckpointSummary::llmFailure).orElse(null), locale);
    }

    TaskService.AnnotationsView annotations(String userId, String taskId, Locale locale) {
        Found found = view(userId, taskId, locale);
        Task task = live.get(found.key());
        ExtractedText text = task == null ? null : task.liveText();
        if (text != null) {
            return new TaskService.AnnotationsView(text.text(), task.liveAnnotations());
        }
        writer.flush();
        return store.checkpoints().load(found.key())
                .map(c -> new TaskService.AnnotationsView(c.text().text(), c.annotations()))
                .orElse(new TaskService.AnnotationsView("", List.of()));
    }

    TaskService.ResultFile result(String userId, String taskId, Locale locale) {
        Found found = view(userId, taskId, locale);
        TaskView view = found.view();
        Optional<Path> path = view.status() == TaskStatus.COMPLETED
                ? store.results().localFile(found.key(), view.format()) : Optional.empty();
        if (path.isEmpty()) {
            throw TaskException.conflict(Texts.of(locale, "result.not_ready", view.status().id()));
        }
        String name = view.filename();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return new TaskService.ResultFile(path.get(), base + ".annotated." + view.format().outputExtension(),
                view.format().outputContentType());
    }

    /** The caller's task as it is now, without loading its event log. */
    private Found view(String userId, String taskId, Locale locale) {
        Task inMemory = taskId == null ? null : live.inMemory(userId, taskId);
        if (inMemory != null) {
            return new Found(inMemory.key(), inMemory.view());
        }
        return stored(userId, taskId).orElseThrow(() -> TaskException.notFound(Texts.of(locale, "task.not_found")));
    }

    /** The caller's stored task, under its scoped key or (stored before scoping) its bare id. */
    private Optional<Found> stored(String userId, String taskId) {
        if (taskId == null || !TaskFiles.ID.matcher(taskId).matches()) {
            return Optional.empty();
        }
        String key = TaskKeys.of(userId, taskId);
        Optional<TaskView> view = store.tasks().find(key);
        if (view.isEmpty()) {
            key = taskId;
            view = store.tasks().find(taskId).filter(v -> v.userId().equals(userId));
        }
        String found = key;
        return view.map(v -> new Found(found, v));
    }
}
