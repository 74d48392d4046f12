/**
 * Helpers for HTTP tests against the real server: {@link dev.docannotator.testsupport.TestServer} (the real
 * Application on a random port with a temporary data directory, an HTTP client and an SSE reader) and
 * {@link dev.docannotator.testsupport.SteppedEngine} (the real pipeline over plain text with gates that let a test
 * hold the worker in the read, analyse or apply stage).
 */
package dev.docannotator.testsupport;
