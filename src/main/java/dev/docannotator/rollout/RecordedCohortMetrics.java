package dev.docannotator.rollout;

import dev.docannotator.storage.Database;
import dev.docannotator.storage.SqlAccess;
import dev.docannotator.storage.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each observation as a row in SQLite, so the gates' window survives a restart. The window is
 * "observations recorded after the stage began" (rows with a higher id than the state's marker), capped in time
 * by the plan's max_window; rows outside it are pruned.
 */
public final class RecordedCohortMetrics implements CohortMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(RecordedCohortMetrics.class);
    static final String CANCEL_LATENCY_MS = "cancel_latency_ms";
    static final String STREAM_SUCCESS = "stream_success";
    static final String CONNECTION_STABLE = "connection_stable";
    static final String HEAP_RELEASED = "heap_released";

    private final SqlAccess database;
    private final String feature;
    private final Clock clock;

    public RecordedCohortMetrics(Database database, String feature, Clock clock) {
        this((SqlAccess) database, feature, clock);
    }

    /** On the shared PostgreSQL tables, every instance's observations count in one window (the gates aggregate them all). */
    public RecordedCohortMetrics(SqlAccess tables, String feature, Clock clock) {
        this.database = tables;
        this.feature = feature;
        this.clock = clock;
    }

    @Override
    public void cancelLatency(boolean pausable, Duration requestToStreamTold) {
        record(pausable, CANCEL_LATENCY_MS, requestToStreamTold.toNanos() / 1_000_000.0);
    }

    @Override
    public void streamFinished(boolean pausable, boolean success) {
        record(pausable, STREAM_SUCCESS, success ? 1 : 0);
    }

    @Override
    public void connectionClosed(boolean pausable, boolean stable) {
        record(pausable, CONNECTION_STABLE, stable ? 1 : 0);
    }

    @Override
    public void heapReleasedAfterCancel(boolean pausable, double ratio) {
        if (Double.isNaN(ratio)) {
            return;
        }
        record(pausable, HEAP_RELEASED, Math.max(0, Math.min(1, ratio)));
    }

    private void record(boolean pausable, String kind, double value) {
        try {
            database.inTransaction(c -> {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO rollout_observations (feature, at_ms, pausable, kind, value) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setString(1, feature);
                    insert.setLong(2, clock.millis());
                    insert.setInt(3, pausable ? 1 : 0);
                    insert.setString(4, kind);
                    insert.setDouble(5, value);
                    return insert.executeUpdate();
                }
            });
        } catch (StorageException e) {
            // A lost observation must never fail the task that produced it; the gates then see less data.
            LOG.warn("Could not record a rollout observation ({}): {}", kind, e.getMessage());
        }
    }

    /** The figures of both cohorts: observations with an id above {@code afterId}, recorded at or after {@code notBefore}. */
    public MetricsSnapshot snapshot(long afterId, Instant notBefore) {
        Window window = new Window(afterId, notBefore.toEpochMilli());
        return database.read(c -> new MetricsSnapshot(notBefore, figures(c, true, window), figures(c, false, window)));
    }

    /** Deletes the observations outside the window: from an earlier stage, or older than {@code notBefore}. */
    public int prune(long afterId, Instant notBefore) {
        return database.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM rollout_observations WHERE feature = ? AND (id <= ? OR at_ms < ?)")) {
                delete.setString(1, feature);
                delete.setLong(2, afterId);
                delete.setLong(3, notBefore.toEpochMilli());
                return delete.executeUpdate();
            }
        });
    }

    private record Window(long afterId, long fromMillis) {
    }

    /**
     * Each gate's figure for the pausable cohort over the window as it developed: at up to {@code points} evenly
     * spaced moments from the window's start to {@code until}, the figure of every observation up to that moment
     * (the same figure the gate judges, so the last point is the gate's value). Keyed by gate name.
     */
    public java.util.Map<String, java.util.List<SeriesPoint>> series(long afterId, Instant notBefore, Instant until,
                                                                     int points) {
        Window window = new Window(afterId, notBefore.toEpochMilli());
        return database.read(c -> {
            java.util.Map<String, java.util.List<SeriesPoint>> series = new java.util.LinkedHashMap<>();
            for (Gate gate : Gate.values()) {
                series.put(gate.key(), series(c, gate, window, until.toEpochMilli(), points));
            }
            return series;
        });
    }

    private java.util.List<SeriesPoint> series(Connection c, Gate gate, Window from, long untilMillis, int points)
            throws SQLException {
        String kind = switch (gate) {
            case CANCEL_LATENCY_P95 -> CANCEL_LATENCY_MS;
            case STREAM_SUCCESS_RATE -> STREAM_SUCCESS;
            case SSE_CONNECTION_STABILITY -> CONNECTION_STABLE;
            case MEMORY_RELEASED -> HEAP_RELEASED;
        };
        java.util.List<Long> times = new java.util.ArrayList<>();
        java.util.List<Double> values = new java.util.ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT at_ms, value FROM rollout_observations WHERE feature = ? AND kind = ? AND pausable = 1"
                        + " AND id > ? AND at_ms >= ? ORDER BY at_ms, id")) {
            query.setString(1, feature);
            query.setString(2, kind);
            query.setLong(3, from.afterId());
            query.setLong(4, from.fromMillis());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    times.add(rs.getLong(1));
                    values.add(rs.getDouble(2));
                }
            }
        }
        java.util.List<SeriesPoint> out = new java.util.ArrayList<>();
        if (values.isEmpty()) {
            return out;
        }
        long start = from.fromMillis();
        long end = Math.max(untilMillis, times.get(times.size() - 1));
        int n = Math.max(1, points);
        int taken = 0;
        double sum = 0;
        for (int i = 1; i <= n; i++) {
            long at = start + (end - start) * i / n;
            while (taken < values.size() && times.get(taken) <= at) {
                sum += values.get(taken++);
            }
            if (taken == 0 || (!out.isEmpty() && out.get(out.size() - 1).samples() == taken && i < n)) {
                continue; // nothing new since the last point
            }
            double value = gate == Gate.CANCEL_LATENCY_P95 ? p95(values.subList(0, taken)) : sum / taken;
            out.add(new SeriesPoint(Instant.ofEpochMilli(at), value, taken));
        }
        return out;
    }

    /** Nearest-rank 95th percentile, as {@link #snapshot} computes it. */
    private static double p95(java.util.List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
    }

    private CohortFigures figures(Connection c, boolean pausable, Window from) throws SQLException {
        Aggregate cancel = aggregate(c, pausable, CANCEL_LATENCY_MS, from);
        Aggregate streams = aggregate(c, pausable, STREAM_SUCCESS, from);
        Aggregate connections = aggregate(c, pausable, CONNECTION_STABLE, from);
        Aggregate heap = aggregate(c, pausable, HEAP_RELEASED, from);
        return new CohortFigures(
                cancel.count(), cancel.count() == 0 ? null : p95(c, pausable, from, cancel.count()),
                streams.count(), streams.mean(),
                connections.count(), connections.mean(),
                heap.count(), heap.mean());
    }

    private record Aggregate(int count, Double mean) {
    }

    private Aggregate aggregate(Connection c, boolean pausable, String kind, Window from) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT COUNT(*), AVG(value) FROM rollout_observations"
                        + " WHERE feature = ? AND kind = ? AND pausable = ? AND id > ? AND at_ms >= ?")) {
            query.setString(1, feature);
            query.setString(2, kind);
            query.setInt(3, pausable ? 1 : 0);
            query.setLong(4, from.afterId());
            query.setLong(5, from.fromMillis());
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                int count = rs.getInt(1);
                double mean = rs.getDouble(2);
                return new Aggregate(count, count == 0 ? null : mean);
            }
        }
    }

    /** Nearest-rank 95th percentile: the smallest value with at least 95 % of the observations at or below it. */
    private double p95(Connection c, boolean pausable, Window from, int count) throws SQLException {
        int rank = (int) Math.ceil(0.95 * count);
        try (PreparedStatement query = c.prepareStatement(
                "SELECT value FROM rollout_observations WHERE feature = ? AND kind = ? AND pausable = ? AND id > ?"
                        + " AND at_ms >= ? ORDER BY value LIMIT 1 OFFSET ?")) {
            query.setString(1, feature);
            query.setString(2, CANCEL_LATENCY_MS);
            query.setInt(3, pausable ? 1 : 0);
            query.setLong(4, from.afterId());
            query.setLong(5, from.fromMillis());
            query.setInt(6, rank - 1);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }
}
