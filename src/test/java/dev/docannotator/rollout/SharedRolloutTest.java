package dev.docannotator.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docannotator.storage.postgres.DatabaseUrl;
import dev.docannotator.storage.postgres.PostgresDatabase;
import dev.docannotator.testsupport.TestPostgres;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.togglz.core.repository.FeatureState;

/** Two instances' rollout services on one PostgreSQL database, each with its own connection pool. */
class SharedRolloutTest {

    private PostgresDatabase first;
    private PostgresDatabase second;
    private RolloutService a;
    private RolloutService b;
    private RolloutStore storeB;
    private final RolloutPlan plan = new RolloutPlanLoader().fromClasspath();

    @BeforeEach
    void twoInstances() {
        DatabaseUrl url = DatabaseUrl.parse(TestPostgres.freshDatabaseUrl());
        first = PostgresDatabase.connect(url, 4);
        second = PostgresDatabase.connect(url, 4);
        first.migrate();
        second.migrate();
        a = service(first);
        storeB = new RolloutStore(second);
        b = new RolloutService(plan, storeB,
                new RecordedCohortMetrics(second, plan.feature(), Clock.systemUTC()), Clock.systemUTC());
    }

    private RolloutService service(PostgresDatabase db) {
        PostgresDatabase tables = db;
        return new RolloutService(plan, new RolloutStore(tables),
                new RecordedCohortMetrics(tables, plan.feature(), Clock.systemUTC()), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    @Test
    void bothInstancesStartFromOneInstallation() {
        assertThat(a.current().version()).isEqualTo(1);
        assertThat(b.current().version()).isEqualTo(1);
        assertThat(storeB.history(plan.feature(), 10)).singleElement()
                .satisfies(h -> assertThat(h.action()).isEqualTo("install"));
    }

    @Test
    void aStaleWriteFromTheOtherInstanceIsAConflictAndTheWinnerIsSeenThere() {
        a.freeze("alice", "hold on", 1L);
        assertThatThrownBy(() -> b.setPercentage("bob", "go", 1L, 10, true, Locale.ENGLISH))
                .isInstanceOf(RolloutConflictException.class);
        RolloutState seen = b.current();
        assertThat(seen.frozen()).isTrue();
        assertThat(seen.version()).isEqualTo(2);
    }

    @Test
    void operatorsRacingWithTheSameVersionOnTwoInstancesGetOneWinnerAndOneConflict() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                long version = a.current().version();
                int target = round % 2 == 0 ? 20 : 10;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<RolloutState>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    RolloutService s = i % 2 == 0 ? a : b;
                    Callable<RolloutState> write = () -> {
                        go.await();
                        return s.setPercentage("op", "race", version, target, true, Locale.ENGLISH);
                    };
                    results.add(pool.submit(write));
                }
                go.countDown();
                int won = 0;
                int conflicts = 0;
                for (Future<RolloutState> f : results) {
                    try {
                        f.get();
                        won++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(RolloutConflictException.class);
                        conflicts++;
                    }
                }
                assertThat(won).isEqualTo(1);
                assertThat(conflicts).isEqualTo(7);
                assertThat(b.current().version()).isEqualTo(version + 1);
            }
            // One history line per accepted change, whichever instance made it.
            assertThat(storeB.history(plan.feature(), 100)).hasSize(6);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theOtherInstancesTogglzViewFollowsAChangeAtItsNextDecision() {
        RolloutStateRepository onB = new RolloutStateRepository(storeB, plan.salt());
        assertThat(onB.getFeatureState(Features.PAUSABLE_STREAMING).isEnabled()).isFalse();
        a.setPercentage("alice", "canary", 1L, 5, true, Locale.ENGLISH);
        FeatureState state = onB.getFeatureState(Features.PAUSABLE_STREAMING);
        assertThat(state.isEnabled()).isTrue();
        assertThat(state.getParameter(StickyPercentageStrategy.PARAM_PERCENTAGE)).isEqualTo("5");
    }

    @Test
    void gateObservationsFromEveryInstanceCountTogether() {
        RecordedCohortMetrics onA = new RecordedCohortMetrics(first, plan.feature(), Clock.systemUTC());
        RecordedCohortMetrics onB = new RecordedCohortMetrics(second, plan.feature(), Clock.systemUTC());
        onA.streamFinished(true, true);
        onB.streamFinished(true, false);
        MetricsSnapshot snapshot = onB.snapshot(0, java.time.Instant.EPOCH);
        assertThat(snapshot.pausable().streams()).isEqualTo(2);
        assertThat(snapshot.pausable().streamSuccessRate()).isEqualTo(0.5);
    }
}
