/**
 * The HTTP layer: Javalin routes that parse and validate, call the tasks service and write the response;
 * identity, the JSON error mapping, the hand-written SSE writer, static pages and operations endpoints.
 */
package dev.docannotator.http;
