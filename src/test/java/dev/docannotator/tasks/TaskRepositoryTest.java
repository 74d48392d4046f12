package dev.docannotator.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.analysis.Annotation;
import dev.docannotator.common.Json;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import dev.docannotator.pipeline.Checkpoint;
import dev.docannotator.pipeline.Stage;
import dev.docannotator.storage.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskRepositoryTest {
    @TempDir
    Path dir;

    private Database db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private TaskView task(String id, TaskStatus status, Instant at) {
        return new TaskView(id, "user-1234567890abcdef", "doc-00000001", "a.txt", DocumentFormat.TXT, "find TODO",
                "en", true, status, Stage.ANALYSE, 30, "Analysing", null, null, 2, at, at);
    }

    /** Stores the task under its bare id, as tasks stored before ids were scoped are. */
    private static void insertBare(TaskRepository repository, TaskView view) {
        repository.insertTask(view.taskId(), view);
    }

    @Test
    void tasksCheckpointsAndEventsSurviveReopeningTheDatabaseAndRunningTasksComeBackInterrupted() {
        db = Database.open(dir.resolve("a.db"));
        TaskRepository repository = new TaskRepository(db);
        Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
        insertBare(repository, task("task-running", TaskStatus.RUNNING, t0));
        insertBare(repository, task("task-done-1", TaskStatus.COMPLETED, t0.plusMillis(5)));
        ExtractedText text = new ExtractedText("one TODO\ntwo", List.of(new TextBlock(0, 8, null, 1), new TextBlock(9, 12, null, 2)));
        Annotation a1 = new Annotation("a1", 4, 8, "TODO", null, 1, "todo_markers", "warning", "Resolve it.", null, "todo");
        Checkpoint checkpoint = new Checkpoint(Stage.ANALYSE, 1, 35, text, List.of(a1), 0);
        repository.writeBatch(List.of(new TaskRepository.PendingEvent("task-running", new TaskEvent(1, "task", "{}")),
                        new TaskRepository.PendingEvent("task-running", new TaskEvent(2, "annotation", "{\"x\":1}"))),
                Map.of(), Map.of("task-running", checkpoint), Map.of("task-done-1", List.of(a1)));
        db.close();

        db = Database.open(dir.resolve("a.db"));
        repository = new TaskRepository(db);
        assertThat(repository.markUnfinishedInterrupted(t0.plusSeconds(60), tag -> "stopped")).isEqualTo(1);
        assertThat(repository.findTask("task-running").orElseThrow().status()).isEqualTo(TaskStatus.INTERRUPTED);
        assertThat(repository.loadCheckpoint("task-running")).contains(checkpoint);
        assertThat(repository.loadEvents("task-running")).startsWith(new TaskEvent(1, "task", "{}"),
                new TaskEvent(2, "annotation", "{\"x\":1}"));
        assertThat(repository.listTasks("user-1234567890abcdef")).extracting(TaskView::taskId)
                .containsExactly("task-done-1", "task-running");
        assertThat(repository.listTasks("someone-else-000000")).isEmpty();
    }

    @Test
    void recoveryEndsEveryUnterminatedLogWithOneResumableShutdownEventInTheTasksLocale() throws Exception {
        db = Database.open(dir.resolve("d.db"));
        TaskRepository repository = new TaskRepository(db);
        Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
        insertBare(repository, task("task-open-01", TaskStatus.RUNNING, t0));
        insertBare(repository, withLocale(task("task-empty-01", TaskStatus.QUEUED, t0), "zh-CN"));
        insertBare(repository, task("task-ended-01", TaskStatus.RUNNING, t0));
        insertBare(repository, task("task-done-01", TaskStatus.COMPLETED, t0));
        TaskEvent ended = new TaskEvent(2, "shutdown", "{\"type\":\"shutdown\"}");
        TaskEvent result = new TaskEvent(2, "result", "{\"type\":\"result\"}");
        repository.writeBatch(List.of(
                new TaskRepository.PendingEvent("task-open-01", new TaskEvent(1, "task", "{}")),
                new TaskRepository.PendingEvent("task-open-01", new TaskEvent(2, "progress", "{}")),
                new TaskRepository.PendingEvent("task-ended-01", new TaskEvent(1, "task", "{}")),
                new TaskRepository.PendingEvent("task-ended-01", ended),
                new TaskRepository.PendingEvent("task-done-01", new TaskEvent(1, "task", "{}")),
                new TaskRepository.PendingEvent("task-done-01", result)), Map.of(), Map.of(), Map.of());

        assertThat(repository.markUnfinishedInterrupted(t0.plusSeconds(60), tag -> "stopped:" + tag)).isEqualTo(3);
        // A second recovery finds nothing unfinished, so nothing is appended twice.
        assertThat(repository.markUnfinishedInterrupted(t0.plusSeconds(120), tag -> "again:" + tag)).isZero();

        List<TaskEvent> open = repository.loadEvents("task-open-01");
        assertThat(open).hasSize(3);
        assertThat(open.get(2).seq()).isEqualTo(3);
        assertThat(open.get(2).type()).isEqualTo("shutdown");
        JsonNode data = Json.mapper().readTree(open.get(2).data());
        assertThat(data.get("type").asText()).isEqualTo("shutdown");
        assertThat(data.get("task_id").asText()).isEqualTo("task-open-01");
        assertThat(data.get("message").asText()).isEqualTo("stopped:en");
        assertThat(data.get("resumable").asBoolean()).isTrue();
        assertThat(data.size()).isEqualTo(4);

        List<TaskEvent> empty = repository.loadEvents("task-empty-01");
        assertThat(empty).extracting(TaskEvent::seq, TaskEvent::type).containsExactly(tuple(1L, "shutdown"));
        assertThat(Json.mapper().readTree(empty.get(0).data()).get("message").asText()).isEqualTo("stopped:zh-CN");

        assertThat(repository.loadEvents("task-ended-01")).containsExactly(new TaskEvent(1, "task", "{}"), ended);
        assertThat(repository.findTask("task-ended-01").orElseThrow().status()).isEqualTo(TaskStatus.INTERRUPTED);
        assertThat(repository.loadEvents("task-done-01")).containsExactly(new TaskEvent(1, "task", "{}"), result);
        assertThat(repository.findTask("task-done-01").orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
    }

    private static TaskView withLocale(TaskView t, String locale) {
        return new TaskView(t.taskId(), t.userId(), t.documentId(), t.filename(), t.format(), t.requirement(), locale,
                t.pausable(), t.status(), t.stage(), t.progress(), t.message(), t.errorCode(), t.errorMessage(),
                t.annotationCount(), t.createdAt(), t.updatedAt());
    }

    @Test
    void expiredFinishedTasksAndUnusedDocumentsAreFoundAndDeletedWithTheirRows() {
        db = Database.open(dir.resolve("b.db"));
        TaskRepository repository = new TaskRepository(db);
        Instant old = Instant.parse("2026-01-01T00:00:00Z");
        repository.insertDocument(new DocumentRecord("doc-00000001", "user-1234567890abcdef", "a.txt", DocumentFormat.TXT, 3, old));
        insertBare(repository, task("task-old-01", TaskStatus.COMPLETED, old));
        insertBare(repository, task("task-live-01", TaskStatus.RUNNING, old));
        repository.writeBatch(List.of(new TaskRepository.PendingEvent("task-old-01", new TaskEvent(1, "task", "{}"))),
                Map.of(), Map.of(), Map.of());

        TaskRepository.Expired expired = repository.expiredBefore(old.plusSeconds(3600));
        assertThat(expired.taskIds()).containsExactly("task-old-01");
        assertThat(expired.documentIds()).isEmpty(); // a running task still uses it
        repository.deleteTasks(expired.taskIds());
        assertThat(repository.findTask("task-old-01")).isEmpty();
        assertThat(repository.loadEvents("task-old-01")).isEmpty();
    }

    @Test
    void aBatchWithChangesOfADeletedTaskDropsThemAndStillWritesTheOthers() {
        db = Database.open(dir.resolve("c.db"));
        TaskRepository repository = new TaskRepository(db);
        Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
        insertBare(repository, task("task-kept-01", TaskStatus.RUNNING, t0));
        ExtractedText text = new ExtractedText("one", List.of(new TextBlock(0, 3, null, 1)));
        Annotation a1 = new Annotation("a1", 0, 3, "one", null, 1, "todo_markers", "warning", "Resolve it.", null, "todo");
        Checkpoint checkpoint = new Checkpoint(Stage.ANALYSE, 1, 35, text, List.of(a1), 0);

        repository.writeBatch(List.of(new TaskRepository.PendingEvent("task-gone-01", new TaskEvent(7, "progress", "{}")),
                        new TaskRepository.PendingEvent("task-kept-01", new TaskEvent(1, "task", "{}"))),
                Map.of("task-gone-01", task("task-gone-01", TaskStatus.CANCELLED, t0)),
                Map.of("task-gone-01", checkpoint, "task-kept-01", checkpoint),
                Map.of("task-gone-01", List.of(a1)));

        assertThat(repository.taskExists("task-gone-01")).isFalse();
        assertThat(repository.loadEvents("task-gone-01")).isEmpty();
        assertThat(repository.loadCheckpoint("task-gone-01")).isEmpty();
        assertThat(repository.loadEvents("task-kept-01")).containsExactly(new TaskEvent(1, "task", "{}"));
        assertThat(repository.loadCheckpoint("task-kept-01")).contains(checkpoint);
    }
}
