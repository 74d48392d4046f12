package dev.docannotator.analysis.llm;

/**
 * One request's share of the document: {@code [start, end)} of the text, whole blocks only. {@code ownStart} is
 * where the text new to this window begins; before it lies the overlap with the previous window, sent for context.
 */
record Window(int start, int ownStart, int end) {
}
