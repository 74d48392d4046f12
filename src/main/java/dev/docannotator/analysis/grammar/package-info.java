/** English grammar and spelling with LanguageTool: loaded lazily, one instance per worker thread. */
package dev.docannotator.analysis.grammar;
