package dev.docannotator.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.storage.postgres.DatabaseUrl;
import dev.docannotator.storage.postgres.PostgresDatabase;
import dev.docannotator.storage.postgres.PostgresStreamRecords;
import dev.docannotator.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The disconnect grace judged across instances on a real PostgreSQL database: a re-attach anywhere keeps the task,
 * the last client's departure anywhere starts the grace, a dead instance's streams count as lost at its last
 * heartbeat, and one sweep alone cancels an abandoned task.
 */
class ClusterStreamsTest {

    private static final String KEY = "grace-user-0000001:task-0001";
    private PostgresDatabase db;
    private final List<String> cancelledHere = new CopyOnWriteArrayList<>();

    @BeforeEach
    void database() throws Exception {
        db = PostgresDatabase.connect(DatabaseUrl.parse(TestPostgres.freshDatabaseUrl()), 4);
        db.migrate();
        sql("INSERT INTO instances (instance_id, host, started_at, heartbeat_at) VALUES ('a', 'h', now(), now()),"
                + " ('b', 'h', now(), now()), ('dead', 'h', now() - interval '2 minutes', now() - interval '1 minute')");
        sql("INSERT INTO tasks (task_id, user_id, document_id, filename, format, requirement, locale, pausable, status,"
                + " stage, progress, annotation_count, created_at, updated_at) VALUES ('" + KEY + "', 'grace-user-0000001',"
                + " 'd', 'f.txt', 'txt', '', 'en', true, 'running', 'analyse', 10, 0, now(), now())");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ClusterStreams instance(String id, Duration grace) {
        return new ClusterStreams(new PostgresStreamRecords(db), id, grace, cancelledHere::add);
    }

    @Test
    void aClientThatLeavesOneInstanceAndReattachesToAnotherKeepsItsTaskUntilItLeavesThatOneToo() {
        ClusterStreams a = instance("a", Duration.ZERO);
        ClusterStreams b = instance("b", Duration.ZERO);
        a.opened(KEY);
        a.closed(KEY, true);
        b.opened(KEY);
        assertThat(a.sweep()).as("followed on b").isEmpty();
        assertThat(b.sweep()).isEmpty();

        b.closed(KEY, true);
        assertThat(a.sweep()).containsExactly(KEY);
        assertThat(b.sweep()).as("cancelled once").isEmpty();
        assertThat(a.sweep()).isEmpty();
        assertThat(cancelledHere).as("no instance runs it: cancelled by the sweeping one").containsExactly(KEY);
    }

    @Test
    void theGraceRunsFromTheLastDepartureAnywhere() {
        ClusterStreams a = instance("a", Duration.ofHours(1));
        ClusterStreams b = instance("b", Duration.ofHours(1));
        a.opened(KEY);
        a.closed(KEY, true);
        sql("UPDATE task_streams SET left_at = now() - interval '2 hours' WHERE instance_id = 'a'");
        b.opened(KEY);
        b.closed(KEY, true);
        assertThat(a.sweep()).as("the client left b just now").isEmpty();
        sql("UPDATE task_streams SET left_at = now() - interval '61 minutes' WHERE instance_id = 'b'");
        assertThat(b.sweep()).containsExactly(KEY);
    }

    @Test
    void aStreamThatEndedWithItsTaskStartsNoGrace() {
        ClusterStreams a = instance("a", Duration.ZERO);
        a.opened(KEY);
        a.closed(KEY, false);
        assertThat(a.sweep()).isEmpty();
    }

    @Test
    void theStreamsOfADeadInstanceAreLostAtItsLastHeartbeat() {
        ClusterStreams dead = instance("dead", Duration.ofSeconds(30));
        ClusterStreams a = instance("a", Duration.ofSeconds(30));
        dead.opened(KEY); // never closed: the instance died (last heartbeat a minute ago)
        assertThat(a.sweep()).containsExactly(KEY);
        assertThat(cancelledHere).containsExactly(KEY);
    }

    @Test
    void anAbandonedTaskThatAnInstanceRunsGetsOneAbandonedCancelRequest() throws Exception {
        sql("INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by, version)"
                + " VALUES ('annotate', '" + KEY + "', now(), true, 'b', 1)");
        ClusterStreams a = instance("a", Duration.ZERO);
        a.opened(KEY);
        a.closed(KEY, true);
        assertThat(a.sweep()).containsExactly(KEY);
        assertThat(cancelledHere).as("the running instance cancels it").isEmpty();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("SELECT abandoned FROM task_cancel_requests WHERE task_key = ?")) {
            q.setString(1, KEY);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isTrue();
            }
        }
    }

    @Test
    void theStreamsOfAFinishedTaskAreForgotten() {
        ClusterStreams a = instance("a", Duration.ZERO);
        a.opened(KEY);
        a.closed(KEY, true);
        sql("UPDATE tasks SET status = 'completed'");
        assertThat(a.sweep()).isEmpty();
        assertThat(cancelledHere).isEmpty();
    }

    private void sql(String statement) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(statement)) {
            st.execute();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
