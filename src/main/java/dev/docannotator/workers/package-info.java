/**
 * Supervised worker processes: untrusted documents are read, analysed and annotated in child JVMs the server starts
 * ({@link dev.docannotator.workers.WorkerMain}), talks to over framed JSON on their stdin/stdout
 * ({@link dev.docannotator.workers.Protocol}), watches (heartbeats, task time limit, memory) and replaces
 * ({@link dev.docannotator.workers.WorkerSupervisor}). The server keeps the database, the streams and the scheduler;
 * a task worker thread drives its run in a worker process through {@link dev.docannotator.workers.ProcessRun}.
 */
package dev.docannotator.workers;
