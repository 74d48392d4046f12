package dev.docannotator.storage.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's one {@code LISTEN} connection: wake-ups from other instances (a cancel accepted elsewhere, new
 * events of a task, a queued task), dispatched to subscribers by channel. A notification is only a hint: it is
 * delivered at commit, never replayed, and lost while the connection is down, so subscribers read the truth from
 * tables, and after a reconnection every subscriber is called with {@link #RESYNC} to catch up on what it missed.
 * Payloads are short keys (PostgreSQL refuses 8000 bytes and more).
 */
public final class Notifications implements AutoCloseable {

    /** Handed to every subscriber after the listening connection was (re)established: re-read your tables. */
    public static final String RESYNC = "";
    /** PostgreSQL's limit is 8000 bytes; our payloads are ids. */
    public static final int MAX_PAYLOAD_BYTES = 7999;
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    /** Opens a connection of its own for listening (never one from the pool). */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final ConnectionSource source;
    private final DataSource pool;
    private final Duration pollTimeout;
    private final Duration retryDelay;
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private final Set<String> listening = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean connected;
    private volatile Connection connection;

    public Notifications(PostgresDatabase database) {
        this(database::dedicatedConnection, database.dataSource(), Duration.ofMillis(250), Duration.ofMillis(500));
    }

    public Notifications(ConnectionSource source, DataSource pool, Duration pollTimeout, Duration retryDelay) {
        this.source = source;
        this.pool = pool;
        this.pollTimeout = pollTimeout;
        this.retryDelay = retryDelay;
        this.thread = new Thread(this::listenLoop, "pg-notifications");
        thread.setDaemon(true);
    }

    /** Starts listening; returns this. */
    public Notifications start() {
        thread.start();
        return this;
    }

    /** Calls {@code subscriber} with each payload on {@code channel} (and {@link #RESYNC} after a reconnection). */
    public void subscribe(String channel, Consumer<String> subscriber) {
        requireChannel(channel);
        subscribers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(subscriber);
    }

    /** Whether the listening connection is up now (subscribed channels are being listened to). */
    public boolean connected() {
        return connected;
    }

    /** Whether {@code channel} is being listened to now. */
    public boolean listening(String channel) {
        return connected && listening.contains(channel);
    }

    /**
     * Sends {@code payload} on {@code channel} through a pooled connection (delivered when it commits: at once here,
     * autocommit). Failures are logged, not thrown: a lost wake-up only delays a reader until its fallback poll.
     */
    public void publish(String channel, String payload) {
        requireChannel(channel);
        try (Connection c = pool.getConnection()) {
            publish(c, channel, payload);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not notify {}: {}", channel, e.getMessage());
        }
    }

    /** Sends {@code payload} on {@code channel} within the caller's transaction: delivered only if it commits. */
    public static void publish(Connection c, String channel, String payload) throws SQLException {
        requireChannel(channel);
        if (payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("A notification payload must stay under 8000 bytes");
        }
        try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, channel);
            notify.setString(2, payload);
            notify.execute();
        }
    }

    private static void requireChannel(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a channel name: " + channel);
        }
    }

    private void listenLoop() {
        while (running) {
            try (Connection c = source.open()) {
                connection = c;
                listening.clear();
                listenToNew(c);
                connected = true;
                dispatchAll(RESYNC);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    listenToNew(c);
                    PGNotification[] received = pg.getNotifications((int) pollTimeout.toMillis());
                    if (received == null) {
                        // getNotifications only notices a dead server when it reads; a cheap query checks.
                        if (!c.isValid(2)) {
                            throw new SQLException("The listening connection is no longer valid");
                        }
                        continue;
                    }
                    for (PGNotification n : received) {
                        dispatch(n.getName(), n.getParameter());
                    }
                }
            } catch (Throwable e) {
                // Whatever happened, keep listening: catch everything and reconnect after a pause.
                if (running) {
                    LOG.warn("The notification connection was lost ({}); reconnecting", e.getMessage());
                }
            } finally {
                connected = false;
                connection = null;
            }
            pause();
        }
    }

    private void listenToNew(Connection c) throws SQLException {
        for (String channel : subscribers.keySet()) {
            if (listening.add(channel)) {
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + channel); // checked against CHANNEL: no quoting needed
                }
            }
        }
    }

    private void dispatchAll(String payload) {
        for (String channel : subscribers.keySet()) {
            dispatch(channel, payload);
        }
    }

    private void dispatch(String channel, String payload) {
        for (Consumer<String> subscriber : subscribers.getOrDefault(channel, List.of())) {
            try {
                subscriber.accept(payload == null ? RESYNC : payload);
            } catch (Throwable e) {
                LOG.warn("A subscriber of {} failed", channel, e);
            }
        }
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(retryDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** The listening connection's backend, for tests that cut it (pg_terminate_backend). */
    public int backendPid() throws SQLException {
        Connection c = connection;
        if (c == null) {
            return -1;
        }
        return c.unwrap(PGConnection.class).getBackendPID();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
