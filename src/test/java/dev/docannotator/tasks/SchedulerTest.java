package dev.docannotator.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docannotator.storage.TaskStatus;
import dev.docannotator.storage.TaskView;
import dev.docannotator.document.DocumentFormat;
import dev.docannotator.pipeline.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> positions = new ConcurrentHashMap<>();
    private final Scheduler scheduler = new Scheduler(1, 2, 2, task -> {
        ran.add(task.id());
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }, (task, position) -> positions.put(task.id(), position));
    private final List<String> announced = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        release.countDown();
        scheduler.shutdownNow();
    }

    private static Task task(String id, String user) {
        Instant now = Instant.EPOCH;
        TaskView view = new TaskView(id, user, "doc-00000001", "a.txt", DocumentFormat.TXT, "", "en", true,
                TaskStatus.QUEUED, Stage.QUEUED, 0, null, null, null, 0, now, now);
        return new Task(view, new EventLog(id, List.of(), false, (l, e, row) -> { }));
    }

    private void admit(Task task) {
        scheduler.admit(task, (t, running, position) -> announced.add(t.id() + (running ? " running" : " queued " + position)));
    }

    @Test
    void runsUpToThePoolSizeQueuesInOrderAndRefusesWhenTheQueueIsFull() throws Exception {
        admit(task("task-aaaa", "user-1"));
        admit(task("task-bbbb", "user-2"));
        admit(task("task-cccc", "user-3"));
        assertThatThrownBy(() -> admit(task("task-dddd", "user-4")))
                .isInstanceOfSatisfying(Scheduler.RefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Scheduler.Refusal.QUEUE_FULL));
        assertThat(announced).containsExactly("task-aaaa running", "task-bbbb queued 1", "task-cccc queued 2");
        assertThat(scheduler.queueDepth()).isEqualTo(2);

        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ran.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(ran).containsExactly("task-aaaa", "task-bbbb", "task-cccc");
        assertThat(positions).containsEntry("task-cccc", 1);
    }

    @Test
    void oneIdentityMayHoldOnlyItsLimitOfUnfinishedTasks() {
        admit(task("task-aaaa", "user-1"));
        admit(task("task-bbbb", "user-1"));
        assertThatThrownBy(() -> admit(task("task-cccc", "user-1")))
                .isInstanceOfSatisfying(Scheduler.RefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Scheduler.Refusal.USER_LIMIT));
        admit(task("task-dddd", "user-2"));
        assertThat(scheduler.queueDepth()).isEqualTo(2);
    }

    @Test
    void aWaitingTaskCanBeTakenOutAndTheOthersMoveUp() {
        admit(task("task-aaaa", "user-1"));
        Task second = task("task-bbbb", "user-2");
        admit(second);
        admit(task("task-cccc", "user-3"));
        assertThat(scheduler.removeWaiting(second)).isTrue();
        assertThat(scheduler.removeWaiting(second)).isFalse();
        assertThat(positions).containsEntry("task-cccc", 1);
    }

    @Test
    void afterStopAdmittingNewTasksAreRefusedAndWaitingOnesAreHandedBack() {
        admit(task("task-aaaa", "user-1"));
        admit(task("task-bbbb", "user-2"));
        assertThat(scheduler.stopAdmitting()).extracting(Task::id).containsExactly("task-bbbb");
        assertThat(scheduler.accepting()).isFalse();
        assertThatThrownBy(() -> admit(task("task-cccc", "user-3")))
                .isInstanceOfSatisfying(Scheduler.RefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Scheduler.Refusal.SHUTTING_DOWN));
    }
}
