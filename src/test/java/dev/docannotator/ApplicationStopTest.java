package dev.docannotator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docannotator.document.DocumentLimits;
import dev.docannotator.rollout.RolloutSettings;
import dev.docannotator.storage.Database;
import dev.docannotator.testsupport.EventStream;
import dev.docannotator.testsupport.SteppedEngine;
import dev.docannotator.testsupport.TestServer;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationStopTest {
    private static final Duration GRACE = Duration.ofSeconds(2);

    @TempDir
    Path tokenDir;

    private final SteppedEngine stepped = new SteppedEngine();
    private final FailingClock clock = new FailingClock();
    private TestServer server;

    @AfterEach
    void cleanUp() {
        stepped.openAll();
        if (server != null) {
            server.close(); // a second stop does nothing; this deletes the data directory
        }
    }

    private TestServer start() {
        return TestServer.start(s -> s.withAdmission(1, 4, 3).withTimings(s.heartbeat(), s.disconnectGrace(), GRACE),
                b -> b.engine(stepped.engine(DocumentLimits.defaults())).clock(clock)
                        .rollout(new RolloutSettings(tokenDir, "admin-token-0123456789abcdef", null, 1, null)));
    }

    /** Starts a task and holds its worker inside an analysis step. */
    private EventStream holdATaskInAStep(String user) throws InterruptedException {
        stepped.analyse.close();
        String doc = server.upload(user, "a.txt", stepped.document(200, 5)).get("document_id").asText();
        EventStream stream = server.stream(user, Map.of("document_id", doc));
        stream.next();
        stepped.analyse.awaitWaiting();
        return stream;
    }

    @Test
    void aStopWithAWorkerHeldInAStepEndsWithinTheGraceAndClosesTheDatabase() throws Exception {
        server = start();
        String user = TestServer.newUser();
        EventStream stream = holdATaskInAStep(user);
        Application app = server.app();
        int port = app.port();

        long started = System.nanoTime();
        app.stop();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(GRACE.plusMillis(1000));
        assertThat(stream.awaitType("shutdown").data().get("resumable").asBoolean()).isTrue();
        assertThat(databaseClosed(app.database())).isTrue();
        assertThat(listening(port)).isFalse();
    }

    @Test
    void aFailingStepDoesNotKeepTheLaterStepsFromRunningAndTheDatabaseStillCloses() throws Exception {
        server = start();
        String user = TestServer.newUser();
        holdATaskInAStep(user);
        Application app = server.app();
        int port = app.port();

        clock.fail = true; // marking the held task interrupted needs the clock: the drain step throws
        long started = System.nanoTime();
        assertThatThrownBy(app::stop).isInstanceOf(IllegalStateException.class).hasMessageContaining("clock broken");
        // Its stream never got a terminal event, so the HTTP server must not wait for it beyond the grace period.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(GRACE.plusMillis(1000));

        assertThat(databaseClosed(app.database())).isTrue();
        assertThat(listening(port)).isFalse();
        app.stop(); // already stopped: nothing runs, nothing is thrown again
    }

    private static boolean databaseClosed(Database database) {
        return database.read(Connection::isClosed);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("localhost", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The system clock until a test breaks it. */
    private static final class FailingClock extends Clock {
        volatile boolean fail;

        @Override
        public Instant instant() {
            if (fail) {
                throw new IllegalStateException("clock broken");
            }
            return Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
