package dev.docannotator.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docannotator.analysis.Annotation;
import dev.docannotator.analysis.llm.LlmUsage;
import dev.docannotator.common.Json;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.TextBlock;
import dev.docannotator.document.UnreadContent;
import dev.docannotator.pipeline.Checkpoint;
import dev.docannotator.pipeline.CheckpointSummary;
import dev.docannotator.pipeline.Stage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} does, whatever keeps it: one subclass per implementation (SQLite in a temporary data
 * directory, PostgreSQL in a fresh database), the way Togglz tests its state repositories.
 */
public abstract class StoreContractTest {
    protected static final String USER = "user-1234567890abcdef";
    protected static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    protected Store store;

    /** Opens the store on the database of this test (the same one again after {@link #closeStore()}). */
    protected abstract Store openStore() throws Exception;

    /** A second handle on the same database, as another instance (or the same one after a restart) would have. */
    protected abstract Store openOther() throws Exception;

    protected abstract void closeStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openStore();
    }

    @AfterEach
    void close() throws Exception {
        closeStore();
    }

    protected static TaskView task(String id, TaskStatus status, Instant at) {
        return new TaskView(id, USER, "doc-00000001", "a.txt", DocumentFormat.TXT, "find TODO",
                "en", true, status, Stage.ANALYSE, 30, "Analysing", null, null, 2, at, at);
    }

    private static TaskView withLocale(TaskView t, String locale) {
        return new TaskView(t.taskId(), t.userId(), t.documentId(), t.filename(), t.format(), t.requirement(), locale,
                t.pausable(), t.status(), t.stage(), t.progress(), t.message(), t.errorCode(), t.errorMessage(),
                t.annotationCount(), t.createdAt(), t.updatedAt());
    }

    private static Annotation annotation(String id, int start, int end) {
        return new Annotation(id, start, end, "TODO", null, 1, "todo_markers", "warning", "Resolve it.", null, "todo");
    }

    private static Checkpoint checkpoint(int position, Annotation... found) {
        ExtractedText text = new ExtractedText("one TODO\ntwo", List.of(new TextBlock(0, 8, null, 1), new TextBlock(9, 12, null, 2)));
        return new Checkpoint(Stage.ANALYSE, position, 35, text, List.of(found), 0);
    }

    private static StoreBatch.PendingEvent event(String key, long seq, String type, String data) {
        return new StoreBatch.PendingEvent(key, new TaskEvent(seq, type, data));
    }

    private void write(List<StoreBatch.PendingEvent> events, Map<String, TaskView> tasks,
                       Map<String, Checkpoint> checkpoints, Map<String, List<Annotation>> annotations) {
        store.writeBatch(new StoreBatch(events, tasks, checkpoints, annotations));
    }

    @Test
    void aTaskReadsBackAsItWasStoredUnderItsScopedKeyWithItsPublicId() {
        TaskView view = task("task-0001", TaskStatus.QUEUED, T0);
        store.tasks().insert(USER + ":task-0001", view);

        assertThat(store.tasks().find(USER + ":task-0001")).contains(view);
        assertThat(store.tasks().exists(USER + ":task-0001")).isTrue();
        assertThat(store.tasks().find("task-0001")).isEmpty();
        assertThat(store.tasks().exists("nobody:task-0001")).isFalse();
    }

    @Test
    void aTakenKeyIsRefusedAndTheFirstRowIsKept() {
        TaskView first = task("task-0001", TaskStatus.QUEUED, T0);
        store.tasks().insert("k:task-0001", first);

        assertThatThrownBy(() -> store.tasks().insert("k:task-0001", task("task-0001", TaskStatus.RUNNING, T0)))
                .isInstanceOf(StorageException.class);
        assertThat(store.tasks().find("k:task-0001")).contains(first);
    }

    @Test
    void aUsersTasksAreListedNewestFirstAndOnlyTheirs() {
        store.tasks().insert("a:task-old-01", task("task-old-01", TaskStatus.COMPLETED, T0));
        store.tasks().insert("a:task-new-01", task("task-new-01", TaskStatus.QUEUED, T0.plusSeconds(5)));
        // Same creation time: the later insert counts as newer.
        store.tasks().insert("a:task-new-02", task("task-new-02", TaskStatus.QUEUED, T0.plusSeconds(5)));
        TaskView other = new TaskView("task-x-0001", "someone-else-000000", "doc-00000001", "a.txt", DocumentFormat.TXT,
                "", "en", false, TaskStatus.QUEUED, Stage.QUEUED, 0, null, null, null, 0, T0, T0);
        store.tasks().insert("someone-else-000000:task-x-0001", other);

        assertThat(store.tasks().listByUser(USER)).extracting(TaskView::taskId)
                .containsExactly("task-new-02", "task-new-01", "task-old-01");
        assertThat(store.tasks().listByUser("someone-else-000000")).containsExactly(other);
        assertThat(store.tasks().listByUser("nobody-000000000")).isEmpty();
        assertThat(store.tasks().countByStatusAndPausable())
                .containsEntry("queued|true", 2).containsEntry("completed|true", 1).containsEntry("queued|false", 1);
    }

    @Test
    void statusTransitionsAreWrittenByABatch() {
        store.tasks().insert("k:task-0001", task("task-0001", TaskStatus.QUEUED, T0));
        TaskView running = new TaskView("task-0001", USER, "doc-00000001", "a.txt", DocumentFormat.TXT, "find TODO",
                "en", true, TaskStatus.RUNNING, Stage.APPLY, 80, "Applying", null, null, 5, T0, T0.plusSeconds(3));
        write(List.of(), Map.of("k:task-0001", running), Map.of(), Map.of());
        assertThat(store.tasks().find("k:task-0001")).contains(running);

        TaskView failed = new TaskView("task-0001", USER, "doc-00000001", "a.txt", DocumentFormat.TXT, "find TODO",
                "en", true, TaskStatus.FAILED, Stage.APPLY, 80, "Broken", "internal_error", "Broken", 5, T0,
                T0.plusSeconds(4));
        write(List.of(), Map.of("k:task-0001", failed), Map.of(), Map.of());
        assertThat(store.tasks().find("k:task-0001")).contains(failed);
    }

    @Test
    void eventsAreReadInOrderAfterASeqAndARewrittenSeqReplacesTheOldOne() {
        store.tasks().insert("k:task-0001", task("task-0001", TaskStatus.RUNNING, T0));
        write(List.of(event("k:task-0001", 1, "task", "{\"n\":1}"), event("k:task-0001", 2, "progress", "{\"n\":2}"),
                event("k:task-0001", 3, "annotation", "{\"n\":3}")), Map.of(), Map.of(), Map.of());

        assertThat(store.events().after("k:task-0001", 1)).extracting(TaskEvent::seq, TaskEvent::type)
                .containsExactly(tuple(2L, "progress"), tuple(3L, "annotation"));
        assertThat(store.events().after("k:task-0001", 3)).isEmpty();
        assertThat(store.events().all("other:task-0001")).isEmpty();

        write(List.of(event("k:task-0001", 3, "cancelled", "{\"n\":4}")), Map.of(), Map.of(), Map.of());
        assertThat(store.events().all("k:task-0001")).last().isEqualTo(new TaskEvent(3, "cancelled", "{\"n\":4}"));
    }

    @Test
    void aCheckpointIsReplacedByTheNextAndAnnotationsByTheNextSet() {
        store.tasks().insert("k:task-0001", task("task-0001", TaskStatus.RUNNING, T0));
        Checkpoint first = checkpoint(1);
        Checkpoint second = checkpoint(2, annotation("a1", 4, 8));
        write(List.of(), Map.of(), Map.of("k:task-0001", first), Map.of());
        assertThat(store.checkpoints().load("k:task-0001")).contains(first);
        write(List.of(), Map.of(), Map.of("k:task-0001", second), Map.of());
        assertThat(store.checkpoints().load("k:task-0001")).contains(second);
        assertThat(store.checkpoints().load("k:task-0002")).isEmpty();

        write(List.of(), Map.of(), Map.of(), Map.of("k:task-0001", List.of(annotation("a1", 4, 8), annotation("a2", 0, 3))));
        write(List.of(), Map.of(), Map.of(), Map.of("k:task-0001", List.of(annotation("a1", 4, 8))));
        assertThat(store.annotations().load("k:task-0001")).containsExactly(annotation("a1", 4, 8));
    }

    @Test
    void aCheckpointsTextIsKeptOnceAndAChangedTextReplacesIt() {
        store.tasks().insert("k:task-0001", task("task-0001", TaskStatus.RUNNING, T0));
        ExtractedText shorter = new ExtractedText("one", List.of(new TextBlock(0, 3, null, 1)));
        Checkpoint reading = new Checkpoint(Stage.READ, 1, 10, shorter, List.of(), 0);
        Checkpoint analysing = checkpoint(1);
        Checkpoint further = checkpoint(2, annotation("a1", 4, 8));

        write(List.of(), Map.of(), Map.of("k:task-0001", reading), Map.of());
        assertThat(store.checkpoints().load("k:task-0001")).contains(reading);
        write(List.of(), Map.of(), Map.of("k:task-0001", analysing), Map.of());
        assertThat(store.checkpoints().load("k:task-0001")).contains(analysing);
        write(List.of(), Map.of(), Map.of("k:task-0001", further), Map.of());
        assertThat(store.checkpoints().load("k:task-0001")).contains(further);
    }

    @Test
    void aCheckpointsSummaryIsStoredWithItAndReadBackThroughAnotherHandle() throws Exception {
        store.tasks().insert("k:task-0001", task("task-0001", TaskStatus.RUNNING, T0));
        assertThat(store.checkpoints().summary("k:task-0001")).isEmpty();
        ExtractedText read = new ExtractedText("one", List.of(new TextBlock(0, 3, null, 1)),
                List.of(UnreadContent.TEXT_BOXES, UnreadContent.HEADERS_AND_FOOTERS));
        Checkpoint withModel = new Checkpoint(Stage.ANALYSE, 1, 40, read, List.of(annotation("a1", 0, 3)), 0,
                List.of(), new LlmUsage(2, 300, 40, 1), "timeout");
        write(List.of(), Map.of(), Map.of("k:task-0001", withModel), Map.of());

        CheckpointSummary expected = new CheckpointSummary(
                List.of(UnreadContent.HEADERS_AND_FOOTERS, UnreadContent.TEXT_BOXES), new LlmUsage(2, 300, 40, 1),
                "timeout");
        assertThat(store.checkpoints().summary("k:task-0001")).contains(expected);
        assertThat(openOther().checkpoints().summary("k:task-0001")).contains(expected);
    }

    @Test
    void aTaskIdUsedAgainAfterRetentionGetsItsTextWrittenAgainEvenThroughAnotherHandle() throws Exception {
        store.tasks().insert("k:task-0001", task("task-0001", TaskStatus.COMPLETED, T0));
        write(List.of(), Map.of(), Map.of("k:task-0001", checkpoint(1)), Map.of());
        Store other = openOther();
        other.tasks().delete(List.of("k:task-0001"));
        other.tasks().insert("k:task-0001", task("task-0001", TaskStatus.RUNNING, T0.plusSeconds(1)));
        assertThat(store.checkpoints().load("k:task-0001")).isEmpty();

        Checkpoint again = checkpoint(2);
        write(List.of(), Map.of(), Map.of("k:task-0001", again), Map.of());
        assertThat(store.checkpoints().load("k:task-0001")).contains(again);
        assertThat(other.checkpoints().load("k:task-0001")).contains(again);
    }

    @Test
    void tasksCheckpointsAndEventsSurviveReopeningAndRunningTasksComeBackInterrupted() throws Exception {
        store.tasks().insert("task-running", task("task-running", TaskStatus.RUNNING, T0));
        store.tasks().insert("task-done-1", task("task-done-1", TaskStatus.COMPLETED, T0.plusMillis(5)));
        Checkpoint checkpoint = checkpoint(1, annotation("a1", 4, 8));
        write(List.of(event("task-running", 1, "task", "{}"), event("task-running", 2, "annotation", "{\"x\":1}")),
                Map.of(), Map.of("task-running", checkpoint), Map.of("task-done-1", List.of(annotation("a1", 4, 8))));
        closeStore();

        store = openStore();
        assertThat(store.tasks().markUnfinishedInterrupted(T0.plusSeconds(60), (key, tag) -> "{\"stopped\":true}"))
                .isEqualTo(1);
        assertThat(store.tasks().find("task-running").orElseThrow().status()).isEqualTo(TaskStatus.INTERRUPTED);
        assertThat(store.tasks().find("task-running").orElseThrow().updatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(store.checkpoints().load("task-running")).contains(checkpoint);
        assertThat(store.events().all("task-running")).startsWith(new TaskEvent(1, "task", "{}"),
                new TaskEvent(2, "annotation", "{\"x\":1}"));
        assertThat(store.annotations().load("task-done-1")).containsExactly(annotation("a1", 4, 8));
        assertThat(store.tasks().listByUser(USER)).extracting(TaskView::taskId)
                .containsExactly("task-done-1", "task-running");
    }

    @Test
    void recoveryEndsEveryUnterminatedLogWithOneShutdownEventInTheTasksLocale() throws Exception {
        store.tasks().insert("task-open-01", task("task-open-01", TaskStatus.RUNNING, T0));
        store.tasks().insert("task-empty-01", withLocale(task("task-empty-01", TaskStatus.QUEUED, T0), "zh-CN"));
        store.tasks().insert("task-ended-01", task("task-ended-01", TaskStatus.RUNNING, T0));
        store.tasks().insert("task-done-01", task("task-done-01", TaskStatus.COMPLETED, T0));
        TaskEvent ended = new TaskEvent(2, "shutdown", "{\"type\":\"shutdown\"}");
        TaskEvent result = new TaskEvent(2, "result", "{\"type\":\"result\"}");
        write(List.of(event("task-open-01", 1, "task", "{}"), event("task-open-01", 2, "progress", "{}"),
                event("task-ended-01", 1, "task", "{}"), new StoreBatch.PendingEvent("task-ended-01", ended),
                event("task-done-01", 1, "task", "{}"), new StoreBatch.PendingEvent("task-done-01", result)),
                Map.of(), Map.of(), Map.of());

        assertThat(store.tasks().markUnfinishedInterrupted(T0.plusSeconds(60),
                (key, tag) -> Json.write(Map.of("key", key, "message", "stopped:" + tag)))).isEqualTo(3);
        // A second recovery finds nothing unfinished, so nothing is appended twice.
        assertThat(store.tasks().markUnfinishedInterrupted(T0.plusSeconds(120), (key, tag) -> "{}")).isZero();

        List<TaskEvent> open = store.events().all("task-open-01");
        assertThat(open).extracting(TaskEvent::seq, TaskEvent::type).last().isEqualTo(tuple(3L, "shutdown"));
        JsonNode data = Json.mapper().readTree(open.get(2).data());
        assertThat(data.get("message").asText()).isEqualTo("stopped:en");
        assertThat(data.get("key").asText()).isEqualTo("task-open-01");
        List<TaskEvent> empty = store.events().all("task-empty-01");
        assertThat(empty).extracting(TaskEvent::seq, TaskEvent::type).containsExactly(tuple(1L, "shutdown"));
        assertThat(Json.mapper().readTree(empty.get(0).data()).get("message").asText()).isEqualTo("stopped:zh-CN");
        assertThat(store.events().all("task-ended-01")).containsExactly(new TaskEvent(1, "task", "{}"), ended);
        assertThat(store.tasks().find("task-ended-01").orElseThrow().status()).isEqualTo(TaskStatus.INTERRUPTED);
        assertThat(store.events().all("task-done-01")).containsExactly(new TaskEvent(1, "task", "{}"), result);
        assertThat(store.tasks().find("task-done-01").orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
    }

    @Test
    void aBatchWithChangesOfADeletedTaskDropsThemAndStillWritesTheOthers() {
        store.tasks().insert("task-kept-01", task("task-kept-01", TaskStatus.RUNNING, T0));
        Checkpoint checkpoint = checkpoint(1, annotation("a1", 0, 3));

        write(List.of(event("task-gone-01", 7, "progress", "{}"), event("task-kept-01", 1, "task", "{}")),
                Map.of("task-gone-01", task("task-gone-01", TaskStatus.CANCELLED, T0)),
                Map.of("task-gone-01", checkpoint, "task-kept-01", checkpoint),
                Map.of("task-gone-01", List.of(annotation("a1", 0, 3))));

        assertThat(store.tasks().exists("task-gone-01")).isFalse();
        assertThat(store.events().all("task-gone-01")).isEmpty();
        assertThat(store.checkpoints().load("task-gone-01")).isEmpty();
        assertThat(store.annotations().load("task-gone-01")).isEmpty();
        assertThat(store.events().all("task-kept-01")).containsExactly(new TaskEvent(1, "task", "{}"));
        assertThat(store.checkpoints().load("task-kept-01")).contains(checkpoint);
    }

    @Test
    void aDocumentIsServedWithItsBytesFromAnotherHandleOnTheSameDatabase() throws Exception {
        Path upload = Files.createTempFile("upload-", ".part");
        Files.writeString(upload, "Some text with a TODO.\n");
        DocumentRecord doc = new DocumentRecord("doc-00000001", USER, "notes.txt", DocumentFormat.TXT, 23, T0);
        store.documents().insert(doc, upload);

        assertThat(store.documents().find("doc-00000001")).contains(doc);
        assertThat(store.documents().find("doc-00000002")).isEmpty();
        assertThat(Files.readString(store.documents().localFile("doc-00000001").orElseThrow()))
                .isEqualTo("Some text with a TODO.\n");
        Store other = openOther();
        assertThat(other.documents().find("doc-00000001")).contains(doc);
        assertThat(Files.readString(other.documents().localFile("doc-00000001").orElseThrow()))
                .isEqualTo("Some text with a TODO.\n");

        store.documents().delete(List.of("doc-00000001"));
        assertThat(store.documents().find("doc-00000001")).isEmpty();
        assertThat(store.documents().localFile("doc-00000001")).isEmpty();
    }

    @Test
    void aResultIsServedWithItsBytesFromAnotherHandleOnceItIsPut() throws Exception {
        store.tasks().insert("k:task-0001", task("task-0001", TaskStatus.RUNNING, T0));
        Path work = store.results().workFile("k:task-0001", DocumentFormat.DOCX);
        Files.createDirectories(work.getParent());
        byte[] bytes = "PK annotated bytes \u0000\u0001".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(work, bytes);
        store.results().put("k:task-0001", DocumentFormat.DOCX);

        assertThat(store.results().localFile("k:task-0001", DocumentFormat.DOCX)).hasValueSatisfying(p ->
                assertThat(p).hasBinaryContent(bytes));
        Store other = openOther();
        assertThat(other.results().localFile("k:task-0001", DocumentFormat.DOCX)).hasValueSatisfying(p ->
                assertThat(p).hasBinaryContent(bytes));
        assertThat(other.results().localFile("k:task-0002", DocumentFormat.DOCX)).isEmpty();

        store.results().delete("k:task-0001");
        store.tasks().delete(List.of("k:task-0001"));
        assertThat(store.results().localFile("k:task-0001", DocumentFormat.DOCX)).isEmpty();
    }

    @Test
    void retentionFindsExpiredFinishedTasksAndUnusedDocumentsAndDeletesTasksWithEverythingTheyHad() throws Exception {
        Instant old = T0;
        Path upload = Files.createTempFile("upload-", ".part");
        Files.writeString(upload, "abc");
        store.documents().insert(new DocumentRecord("doc-00000001", USER, "a.txt", DocumentFormat.TXT, 3, old), upload);
        Path unused = Files.createTempFile("upload-", ".part");
        Files.writeString(unused, "xyz");
        store.documents().insert(new DocumentRecord("doc-00000002", USER, "b.txt", DocumentFormat.TXT, 3, old), unused);
        store.tasks().insert("task-old-01", task("task-old-01", TaskStatus.COMPLETED, old));
        store.tasks().insert("task-live-01", task("task-live-01", TaskStatus.RUNNING, old));
        write(List.of(event("task-old-01", 1, "task", "{}")), Map.of(), Map.of("task-old-01", checkpoint(1)),
                Map.of("task-old-01", List.of(annotation("a1", 4, 8))));

        assertThat(store.tasks().finishedBefore(old.plusSeconds(3600))).containsExactly("task-old-01");
        assertThat(store.tasks().finishedBefore(old)).isEmpty();
        // doc-00000001 is still used by a running task.
        assertThat(store.documents().unusedBefore(old.plusSeconds(3600))).containsExactly("doc-00000002");
        assertThat(store.tasks().refersTo("doc-00000001")).isTrue();
        assertThat(store.tasks().refersTo("doc-00000002")).isFalse();

        store.tasks().delete(List.of("task-old-01"));
        assertThat(store.tasks().find("task-old-01")).isEmpty();
        assertThat(store.events().all("task-old-01")).isEmpty();
        assertThat(store.checkpoints().load("task-old-01")).isEmpty();
        assertThat(store.annotations().load("task-old-01")).isEmpty();
        store.documents().delete(List.of("doc-00000002"));
        assertThat(store.documents().find("doc-00000002")).isEmpty();
        assertThat(store.documents().find("doc-00000001")).isPresent();
    }

    @Test
    void aFailedBatchWritesNothing() {
        store.tasks().insert("k:task-0001", task("task-0001", TaskStatus.RUNNING, T0));
        TaskView bad = new TaskView("task-0001", USER, "doc-00000001", "a.txt", DocumentFormat.TXT, "find TODO",
                "en", true, TaskStatus.COMPLETED, Stage.DONE, 100, null, null, null, 1, T0, T0.plusSeconds(1));
        // An event with a null type violates NOT NULL: the task row of the same batch must not be written either.
        assertThatThrownBy(() -> write(List.of(new StoreBatch.PendingEvent("k:task-0001", new TaskEvent(1, null, "{}"))),
                Map.of("k:task-0001", bad), Map.of(), Map.of())).isInstanceOf(StorageException.class);
        assertThat(store.tasks().find("k:task-0001").orElseThrow().status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(store.events().all("k:task-0001")).isEmpty();
    }
}
