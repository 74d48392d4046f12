package dev.docannotator.storage;

import java.util.Locale;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Tells what kind of storage failure a throwable is, looking through its causes. */
public final class StorageFailures {
    private StorageFailures() {
    }

    /** Whether the disk (or the database's size limit) is full: SQLite's SQLITE_FULL, PostgreSQL's disk_full or ENOSPC. */
    public static boolean isDiskFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLiteException sqlite && sqlite.getResultCode() != null
                    && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_FULL.code) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && "53100".equals(sql.getSQLState())) {
                return true; // PostgreSQL's disk_full
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("no space left on device") || message.contains("database or disk is full")
                    || message.contains("sqlite_full")) {
                return true;
            }
        }
        return false;
    }

    /** One line for a log: the throwable's type and message, and its root cause's when different. */
    public static String oneLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String line = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return root == failure ? line : line + " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
