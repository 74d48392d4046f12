package dev.docannotator.tasks;

import static dev.docannotator.testsupport.WaitUntil.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.storage.TaskEvent;
import dev.docannotator.storage.TaskStatus;
import dev.docannotator.common.Messages;
import dev.docannotator.document.DocumentLimits;
import dev.docannotator.rollout.CohortMetrics;
import dev.docannotator.rollout.FeatureDecider;
import dev.docannotator.storage.Database;
import dev.docannotator.testsupport.MutableClock;
import dev.docannotator.testsupport.SteppedEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeHousekeepingTest {
    private static final String USER = "user-1234567890abcdef";
    private static final Locale EN = Messages.ENGLISH;

    @TempDir
    Path dir;

    private final SteppedEngine stepped = new SteppedEngine();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private Database db;
    private TaskService service;

    @BeforeEach
    void startService() {
        db = Database.open(dir.resolve("annotator.db"));
        TaskService.Options options = new TaskService.Options(1, 4, 3, Duration.ofSeconds(60), Duration.ofDays(7),
                Duration.ofHours(1), Duration.ofSeconds(5));
        service = new TaskService(options, stepped.engine(DocumentLimits.defaults()), FeatureDecider.ALL_ON,
                new TaskMetrics(new SimpleMeterRegistry(), CohortMetrics.NONE), clock, dir, db,
                dev.docannotator.http.TaskRoutes.LINKS);
    }

    @AfterEach
    void stopService() {
        stepped.openAll();
        service.shutdown(Duration.ofSeconds(5));
        service.close();
        db.close();
    }

    /** A task cancelled in its analysis, its worker ended and everything written: a resting, resumable task. */
    private Task restingCancelledTask() throws Exception {
        Path upload = service.documents().files().newUpload();
        Files.writeString(upload, stepped.document(50, 5));
        String documentId = service.documents().store(USER, upload, "a.txt", java.util.Locale.ENGLISH).documentId();
        stepped.analyse.close();
        Task task = service.submit(USER, documentId, "find TODO", null, EN);
        stepped.analyse.awaitWaiting();
        service.cancel(USER, task.id(), EN, System.nanoTime());
        stepped.analyse.open();
        task.worker().get(10, TimeUnit.SECONDS);
        service.list(USER); // writes everything queued, so that the resume below has nothing left to flush
        return task;
    }

    @Test
    void housekeepingDuringAResumeDoesNotEvictTheTaskSoOnlyOneTaskObjectExists() throws Exception {
        Task task = restingCancelledTask();
        assertThat(task.status()).isEqualTo(TaskStatus.CANCELLED);

        clock.advance(Duration.ofMinutes(1)); // long past the eviction age
        // Housekeeping runs in the middle of the resume: after it found the task, before the task runs again
        // (the first clock read of the resuming thread is the admission's).
        FutureTask<Long> resumed = new FutureTask<>(() -> service.resume(USER, task.id(), EN));
        Thread resumer = new Thread(resumed, "resumer");
        clock.onFirstReadBy(resumer, service::housekeeping);
        resumer.start();
        long cursor = resumed.get(10, TimeUnit.SECONDS);

        assertThat(service.attach(USER, task.id(), EN)).as("the task in memory is the one that was resumed").isSameAs(task);
        task.worker().get(10, TimeUnit.SECONDS);
        assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
        // Events become visible once committed, a moment after the worker appended them.
        waitUntil("the resumed run's events are committed", Duration.ofSeconds(5), () -> task.log().after(cursor)
                .events().stream().map(TaskEvent::type).toList().containsAll(List.of("task", "result")));
        assertThat(service.get(USER, task.id(), EN).status()).isEqualTo(TaskStatus.COMPLETED);
    }

    @Test
    void aRestingTaskNobodyUsesIsStillEvictedAndLoadedAgainOnDemand() throws Exception {
        Task task = restingCancelledTask();
        service.housekeeping();
        assertThat(service.attach(USER, task.id(), EN)).as("too recent to evict").isSameAs(task);

        clock.advance(Duration.ofMinutes(1));
        service.housekeeping();
        Task reloaded = service.attach(USER, task.id(), EN);
        assertThat(reloaded).isNotSameAs(task);
        assertThat(reloaded.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(reloaded.log().lastSeq()).isEqualTo(task.log().lastSeq());
    }
}
