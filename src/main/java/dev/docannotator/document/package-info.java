/** Document formats: sniffing, the shared text model, and the read/apply sessions each format implements. */
package dev.docannotator.document;
