package dev.docannotator.tasks;

import dev.docannotator.storage.CancelRecords;
import dev.docannotator.storage.CancelRequest;
import static dev.docannotator.testsupport.WaitUntil.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docannotator.storage.postgres.DatabaseUrl;
import dev.docannotator.storage.postgres.InstanceRegistry;
import dev.docannotator.storage.postgres.Notifications;
import dev.docannotator.storage.postgres.PostgresCancelRecords;
import dev.docannotator.storage.postgres.PostgresClaimRecords;
import dev.docannotator.storage.postgres.PostgresDatabase;
import dev.docannotator.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two instances' claiming layers (each its own pool, listener and db-scheduler) on one PostgreSQL database. */
class ClusterSchedulerTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final Map<String, String> ranOn = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> release = new ConcurrentHashMap<>();
    private DatabaseUrl url;
    private volatile boolean closed;

    /** One instance: a runner that records where each task ran and holds it until released (or cancelled). */
    private final class Instance {
        final String id;
        final PostgresDatabase db;
        final ClusterScheduler scheduler;
        final ClusterCancels cancels;
        final CancelRecords records;
        final Map<String, Boolean> stopped = new ConcurrentHashMap<>();
        final java.util.Set<String> ended = ConcurrentHashMap.newKeySet();

        Instance(String id, int workers) {
            this.id = id;
            db = PostgresDatabase.connect(url, 6);
            db.migrate();
            Notifications notifications = new Notifications(db);
            InstanceRegistry registry = new InstanceRegistry(db.dataSource(), id, id, () -> 0, Clock.systemUTC()).start();
            scheduler = new ClusterScheduler(db.dataSource(), new PostgresClaimRecords(db), notifications, id, workers,
                    2, 3, key -> {
                ranOn.put(key, this.id);
                CountDownLatch latch = release.computeIfAbsent(key, k -> new CountDownLatch(1));
                try {
                    while (!latch.await(5, TimeUnit.MILLISECONDS)) {
                        if (stopped.containsKey(key) || closed) {
                            return;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                // As the task service does: the claim ends before anyone is told that the run ended.
                Instance.this.scheduler.finish(key);
                ended.add(key);
            });
            records = new PostgresCancelRecords(db);
            cancels = new ClusterCancels(records, notifications, id, scheduler::runningHere,
                    request -> stopped.put(request.taskKey(), true));
            notifications.start();
            scheduler.start();
            closing.add(0, db);
            closing.add(0, notifications);
            closing.add(0, registry);
            closing.add(0, cancels);
            closing.add(0, scheduler);
        }
    }

    @BeforeEach
    void database() {
        url = DatabaseUrl.parse(TestPostgres.freshDatabaseUrl());
    }

    @AfterEach
    void close() throws Exception {
        closed = true;
        release.values().forEach(CountDownLatch::countDown);
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    @Test
    void aTaskAdmittedOnABusyInstanceIsClaimedByAnotherWithAFreeWorker() {
        Instance a = new Instance("a", 1);
        Instance b = new Instance("b", 1);
        a.scheduler.admit("u1:first", "u1");
        waitUntil("the first task runs", LIMIT, () -> ranOn.containsKey("u1:first"));
        a.scheduler.admit("u2:second", "u2");
        waitUntil("the second task runs too", LIMIT, () -> ranOn.containsKey("u2:second"));
        assertThat(ranOn.get("u1:first")).isNotEqualTo(ranOn.get("u2:second"));
        release.get("u1:first").countDown();
        release.get("u2:second").countDown();
        waitUntil("both executions are gone", LIMIT,
                () -> !a.scheduler.scheduled("u1:first") && !b.scheduler.scheduled("u2:second"));
    }

    @Test
    void aTaskWhoseRunEndedCanBeAdmittedAgainAtOnceOnAnyInstance() {
        Instance a = new Instance("a", 1);
        Instance b = new Instance("b", 1);
        for (int round = 0; round < 5; round++) {
            Instance admitting = round % 2 == 0 ? a : b;
            ranOn.remove("u1:again");
            release.remove("u1:again");
            a.ended.clear();
            b.ended.clear();
            // A resume right after the run ended (a cancel, then a resume): no wait for the old execution row.
            assertThat(admitting.scheduler.admit("u1:again", "u1")).as("round " + round).isPositive();
            waitUntil("it runs", LIMIT, () -> ranOn.containsKey("u1:again"));
            release.get("u1:again").countDown();
            waitUntil("its run ended", LIMIT, () -> a.ended.contains("u1:again") || b.ended.contains("u1:again"));
        }
        release.remove("u1:again"); // the next run is held
        assertThat(b.scheduler.admit("u1:again", "u1")).isPositive();
        assertThat(a.scheduler.admit("u1:again", "u1")).as("scheduled already: not admitted twice").isZero();
    }

    @Test
    void thePerUserLimitHoldsAcrossInstances() {
        Instance a = new Instance("a", 2);
        Instance b = new Instance("b", 2);
        a.scheduler.admit("u1:t1", "u1");
        b.scheduler.admit("u1:t2", "u1");
        a.scheduler.admit("u1:t3", "u1");
        assertThatThrownBy(() -> b.scheduler.admit("u1:t4", "u1"))
                .isInstanceOfSatisfying(Scheduler.RefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Scheduler.Refusal.USER_LIMIT));
        b.scheduler.admit("u2:t1", "u2"); // another user is not held back
    }

    @Test
    void theQueueBoundHoldsAcrossInstances() {
        Instance a = new Instance("a", 1);
        Instance b = new Instance("b", 1);
        // Two instances, one worker and a line of two each: 2 running + 4 waiting, the 7th is refused. The first two
        // are claimed before the line fills: a task admitted but not yet claimed waits in the line too.
        for (int i = 0; i < 2; i++) {
            (i % 2 == 0 ? a : b).scheduler.admit("user" + i + ":t", "user" + i);
        }
        waitUntil("both workers busy", LIMIT, () -> ranOn.size() == 2);
        for (int i = 2; i < 6; i++) {
            (i % 2 == 0 ? a : b).scheduler.admit("user" + i + ":t", "user" + i);
        }
        assertThatThrownBy(() -> a.scheduler.admit("late:t", "late"))
                .isInstanceOfSatisfying(Scheduler.RefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Scheduler.Refusal.QUEUE_FULL));
        assertThat(b.scheduler.queueDepth()).isEqualTo(4);
    }

    @Test
    void aWaitingTaskCanBeTakenOutOfTheLineFromAnyInstanceButAClaimedOneCannot() {
        Instance a = new Instance("a", 1);
        Instance b = new Instance("b", 1);
        a.scheduler.admit("u1:busy-a", "u1");
        b.scheduler.admit("u2:busy-b", "u2");
        waitUntil("both workers busy", LIMIT, () -> ranOn.size() == 2);
        a.scheduler.admit("u3:waiting", "u3");
        assertThat(b.records.cancelClaimed("u3:waiting", b.id, target -> java.util.Optional.empty())).as("no instance runs it: nothing to wake").isFalse();
        assertThat(a.cancels.requested("u3:waiting")).isEmpty();
        assertThat(b.scheduler.removeWaiting("u3:waiting")).isTrue();
        assertThat(b.scheduler.removeWaiting("u1:busy-a")).isFalse();
        assertThat(a.scheduler.scheduled("u3:waiting")).isFalse();
    }

    @Test
    void theEndOfARunOrOfAWaitOnOneInstanceWakesTheWaitersOnTheOther() throws Exception {
        Instance a = new Instance("a", 1);
        Instance b = new Instance("b", 1);
        // Each listener's first connection wakes its instance once (a resync): let that pass before counting.
        waitUntil("both instances listen", LIMIT,
                () -> a.scheduler.runEndsSeen() > 0 && b.scheduler.runEndsSeen() > 0);
        a.scheduler.admit("u1:running", "u1");
        waitUntil("it runs", LIMIT, () -> ranOn.containsKey("u1:running"));
        Instance runner = ranOn.get("u1:running").equals("a") ? a : b;
        Instance other = runner == a ? b : a;
        long seen = other.scheduler.runEndsSeen();
        release.get("u1:running").countDown();
        waitUntil("the other instance is woken", LIMIT, () -> other.scheduler.runEndsSeen() > seen);
        assertThat(other.scheduler.scheduled("u1:running")).isFalse();

        a.scheduler.admit("u2:busy", "u2");
        b.scheduler.admit("u3:busy", "u3");
        waitUntil("both workers busy", LIMIT, () -> ranOn.containsKey("u2:busy") && ranOn.containsKey("u3:busy"));
        a.scheduler.admit("u4:waiting", "u4");
        long seenBefore = b.scheduler.runEndsSeen();
        assertThat(a.scheduler.removeWaiting("u4:waiting")).isTrue();
        waitUntil("taking a task out of the line wakes the other instance", LIMIT,
                () -> b.scheduler.runEndsSeen() > seenBefore);
    }

    @Test
    void aCancelAcceptedOnOneInstanceStopsTheRunOnTheOther() {
        Instance a = new Instance("a", 1);
        Instance b = new Instance("b", 1);
        a.scheduler.admit("u1:long", "u1");
        waitUntil("it runs", LIMIT, () -> ranOn.containsKey("u1:long"));
        Instance runner = ranOn.get("u1:long").equals("a") ? a : b;
        Instance other = runner == a ? b : a;
        long t0 = System.nanoTime();
        other.cancels.request("u1:long");
        waitUntil("the running instance is told", LIMIT, () -> runner.stopped.containsKey("u1:long"));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        assertThat(other.cancels.requested("u1:long")).contains(new CancelRequest("u1:long", false));
        waitUntil("the execution ends", LIMIT, () -> !other.scheduler.scheduled("u1:long"));
        other.cancels.clear("u1:long");
        assertThat(runner.cancels.requested("u1:long")).isEmpty();
    }

    @Test
    void anExecutionWhoseInstanceStoppedHeartbeatingIsRevivedAndRunByAnother() throws Exception {
        Instance b = new Instance("b", 1);
        // What a killed instance leaves behind: its claimed execution with a heartbeat that stopped long ago.
        try (Connection c = b.db.dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by,"
                             + " last_heartbeat, version) VALUES ('annotate', 'u1:orphan', now() - interval '1 minute',"
                             + " true, 'dead-instance', now() - interval '1 minute', 2)")) {
            insert.executeUpdate();
        }
        long t0 = System.nanoTime();
        waitUntil("another instance takes it over", LIMIT, () -> "b".equals(ranOn.get("u1:orphan")));
        assertThat(Duration.ofNanos(System.nanoTime() - t0))
                .isLessThan(ClusterScheduler.HEARTBEAT.multipliedBy(2).plus(ClusterScheduler.POLLING).plusSeconds(3));
    }
}
