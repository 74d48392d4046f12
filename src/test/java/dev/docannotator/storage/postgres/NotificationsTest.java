package dev.docannotator.storage.postgres;

import static dev.docannotator.testsupport.WaitUntil.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docannotator.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationsTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    private PostgresDatabase db;

    @BeforeEach
    void open() {
        db = PostgresDatabase.connect(DatabaseUrl.parse(TestPostgres.freshDatabaseUrl()), 3);
        db.migrate();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aNotificationFromAnotherInstanceReachesTheSubscribersOfItsChannelOnly() {
        List<String> cancels = new CopyOnWriteArrayList<>();
        List<String> events = new CopyOnWriteArrayList<>();
        try (Notifications listener = new Notifications(db); Notifications sender = new Notifications(db)) {
            listener.subscribe("annotator_cancel", p -> { if (!p.isEmpty()) cancels.add(p); });
            listener.subscribe("annotator_events", p -> { if (!p.isEmpty()) events.add(p); });
            listener.start();
            waitUntil("listening", LIMIT, () -> listener.listening("annotator_cancel") && listener.listening("annotator_events"));
            sender.publish("annotator_cancel", "u1:task-1");
            waitUntil("the cancel arrives", LIMIT, () -> cancels.contains("u1:task-1"));
            assertThat(events).isEmpty();
        }
    }

    @Test
    void aNotificationInsideATransactionIsDeliveredOnlyWhenItCommits() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        try (Notifications listener = new Notifications(db)) {
            listener.subscribe("annotator_events", p -> { if (!p.isEmpty()) got.add(p); });
            listener.start();
            waitUntil("listening", LIMIT, () -> listener.listening("annotator_events"));
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                Notifications.publish(c, "annotator_events", "rolled-back");
                c.rollback();
                Notifications.publish(c, "annotator_events", "committed");
                c.commit();
                c.setAutoCommit(true);
            }
            waitUntil("the committed one arrives", LIMIT, () -> got.contains("committed"));
            assertThat(got).containsExactly("committed");
        }
    }

    @Test
    void aLostListeningConnectionIsReopenedAndSubscribersAreToldToResync() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        try (Notifications listener = new Notifications(db::dedicatedConnection, db.dataSource(),
                Duration.ofMillis(100), Duration.ofMillis(100))) {
            listener.subscribe("annotator_events", got::add);
            listener.start();
            waitUntil("listening", LIMIT, () -> listener.listening("annotator_events"));
            int resyncsBefore = (int) got.stream().filter(String::isEmpty).count();
            int pid = listener.backendPid();
            try (Connection c = db.dataSource().getConnection();
                 PreparedStatement kill = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
                kill.setInt(1, pid);
                kill.execute();
            }
            waitUntil("listening again on a new connection", LIMIT, () -> listener.listening("annotator_events")
                    && listener.backendPid() != pid);
            assertThat(got.stream().filter(String::isEmpty).count()).isGreaterThan(resyncsBefore);
            new Notifications(db).publish("annotator_events", "after");
            waitUntil("a later notification arrives", LIMIT, () -> got.contains("after"));
        }
    }

    @Test
    void payloadsOf8000BytesOrMoreAndOddChannelNamesAreRefused() {
        Notifications n = new Notifications(db);
        assertThatThrownBy(() -> n.subscribe("drop table", p -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> {
            try (Connection c = db.dataSource().getConnection()) {
                Notifications.publish(c, "annotator_events", "x".repeat(8000));
            }
        }).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyInstanceIsListedWithItsHeartbeatAndAStoppedOneLeaves() {
        InstanceRegistry a = new InstanceRegistry(db.dataSource(), "host-a-1", "host-a", () -> 2, Clock.systemUTC()).start();
        InstanceRegistry b = new InstanceRegistry(db.dataSource(), "host-b-1", "host-b", () -> 0, Clock.systemUTC()).start();
        List<InstanceRegistry.InstanceView> both = a.list();
        assertThat(both).extracting(InstanceRegistry.InstanceView::id).containsExactlyInAnyOrder("host-a-1", "host-b-1");
        assertThat(both).allMatch(InstanceRegistry.InstanceView::alive);
        assertThat(both).filteredOn(i -> i.id().equals("host-a-1")).singleElement()
                .satisfies(i -> assertThat(i.runningTasks()).isEqualTo(2));
        b.close();
        assertThat(a.list()).extracting(InstanceRegistry.InstanceView::id).containsExactly("host-a-1");
        a.close();
    }

    @Test
    void anInstanceWhoseHeartbeatStoppedIsListedAsNotAlive() {
        Clock past = Clock.offset(Clock.systemUTC(), InstanceRegistry.ALIVE_WITHIN.plusSeconds(5).negated());
        InstanceRegistry dead = new InstanceRegistry(db.dataSource(), "gone-1", "gone", () -> 1, past);
        dead.beat();
        InstanceRegistry alive = new InstanceRegistry(db.dataSource(), "here-1", "here", () -> 0, Clock.systemUTC());
        alive.beat();
        assertThat(alive.list()).filteredOn(i -> i.id().equals("gone-1")).singleElement()
                .satisfies(i -> assertThat(i.alive()).isFalse());
        assertThat(alive.list()).filteredOn(i -> i.id().equals("here-1")).singleElement()
                .satisfies(i -> assertThat(i.alive()).isTrue());
    }
}
