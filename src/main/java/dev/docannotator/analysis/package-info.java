/**
 * The embedded analyser: parses a requirement into checks and runs them over a document's extracted text,
 * one bounded, deterministic step per block plus one document-wide step.
 */
package dev.docannotator.analysis;
