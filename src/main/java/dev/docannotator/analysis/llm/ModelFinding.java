package dev.docannotator.analysis.llm;

/** One finding as the model wrote it, before anchoring: its quote is only a claim about the text. */
record ModelFinding(String quote, String category, String severity, String message, String suggestion) {
}
