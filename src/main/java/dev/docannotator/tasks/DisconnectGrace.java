package dev.docannotator.tasks;

/**
 * API.md's disconnect grace: a task whose last client went away keeps going for the grace period, so that the client
 * can re-attach, and is then cancelled (resumable). One instance judges it with its own timers
 * ({@link LocalDisconnectGrace}); several instances judge it together in the database, since the client may
 * re-attach to another instance than the one it left ({@link ClusterStreams}).
 */
interface DisconnectGrace {

    /** A stream of the task opened on this instance. */
    void opened(Task task);

    /** A stream of the task on this instance ended; {@code clientGone} when its client went away. */
    void closed(Task task, boolean clientGone);
}
