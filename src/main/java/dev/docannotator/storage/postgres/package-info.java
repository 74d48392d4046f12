/**
 * The shared PostgreSQL store that lets several instances serve as one: connection pool, URL, schema migrations
 * (db/postgresql; the task store uses V2-V49, the cluster V50 and up) and {@link dev.docannotator.storage.postgres.PostgresStore}.
 */
package dev.docannotator.storage.postgres;
