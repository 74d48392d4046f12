/** The shared PostgreSQL store that lets several instances serve as one: connection pool, URL, schema migrations. */
package dev.docannotator.storage.postgres;
