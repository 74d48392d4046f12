package dev.docannotator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;

/**
 * A burst of streams opened at once finds its request threads already started and its connections queued by the
 * kernel, not refused: on Java 17 each open stream holds a platform thread, and 100 at once overflowed Java's
 * default accept queue of 50 (a refused connection is tried again only after a second).
 */
class RequestThreadsTest {

    @Test
    void theStandingRequestThreadsAreStartedWithTheServerBeforeAnyRequest() throws Exception {
        QueuedThreadPool pool = HttpApi.requestThreads(RequestLimits.defaults());
        pool.start();
        try {
            assertThat(pool.getThreads()).isGreaterThanOrEqualTo(RequestLimits.DEFAULT_STANDING_THREADS);
            assertThat(RequestLimits.DEFAULT_STANDING_THREADS).isGreaterThanOrEqualTo(100); // the load run's burst
            assertThat(RequestLimits.fromEnvironment(java.util.Map.of()).standingThreads())
                    .isEqualTo(RequestLimits.DEFAULT_STANDING_THREADS);
            assertThat(pool.getMaxThreads()).isEqualTo(RequestLimits.defaults().maxThreads());
        } finally {
            pool.stop();
        }
    }

    @Test
    void aPoolLimitedBelowTheStandingThreadsKeepsItsLimit() throws Exception {
        QueuedThreadPool pool = HttpApi.requestThreads(new RequestLimits(Duration.ofSeconds(30), 1024,
                Duration.ofSeconds(10), 32));
        pool.start();
        try {
            assertThat(pool.getMaxThreads()).isEqualTo(32);
            assertThat(pool.getThreads()).isEqualTo(32);
        } finally {
            pool.stop();
        }
    }

    @Test
    void theStandingThreadsAreASettingThatTestServersKeepSmall() throws Exception {
        RequestLimits few = RequestLimits.fromEnvironment(java.util.Map.of("ANNOTATOR_HTTP_STANDING_THREADS", "8"));
        QueuedThreadPool pool = HttpApi.requestThreads(few);
        pool.start();
        try {
            assertThat(pool.getThreads()).isLessThan(RequestLimits.DEFAULT_STANDING_THREADS).isGreaterThanOrEqualTo(8);
            assertThat(pool.getMaxThreads()).isEqualTo(RequestLimits.defaults().maxThreads());
        } finally {
            pool.stop();
        }
    }

    @Test
    void theConnectorAsksTheKernelToQueueAThousandConnections() {
        ServerConnector connector = new ServerConnector(new Server());
        assertThat(connector.getAcceptQueueSize()).isLessThan(100); // Jetty's default: Java's 50

        HttpApi.tune(connector, 30_000);

        assertThat(connector.getAcceptQueueSize()).isEqualTo(HttpApi.ACCEPT_QUEUE).isGreaterThanOrEqualTo(1000);
        assertThat(connector.getIdleTimeout()).isEqualTo(30_000);
    }
}
