/**
 * The optional language-model analyser: the document goes in bounded windows (one pipeline step each) with the
 * user's requirement to an OpenAI-compatible chat endpoint; streamed findings are anchored to exact offsets.
 */
package dev.docannotator.analysis.llm;
