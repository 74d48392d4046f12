package dev.docannotator.pipeline;

import static dev.docannotator.common.EnvironmentValues.intOf;

import java.util.Map;

/**
 * Hard safety limits that bound what one task can cost, whatever the document and the requirement: they keep one
 * upload from taking gigabytes of heap, database and disk (a text of one repeated word made 905 505 findings).
 * Separate from the analysis's own quality caps, which choose what is worth showing; these only stop runaway work.
 *
 * @param maxTextChars   most characters of extracted text; a document with more is refused (422)
 * @param maxFindings    most findings stored per task; beyond it each category gets one summary finding
 *                       ("and 1 234 more ...") and the stream says the limit was reached
 * @param maxResultBytes largest annotated document written; a larger one fails the task with a clear error
 */
public record RunLimits(int maxTextChars, int maxFindings, long maxResultBytes) {
    public static final int DEFAULT_MAX_TEXT_CHARS = 20_000_000;
    public static final int DEFAULT_MAX_FINDINGS = 5_000;
    public static final long DEFAULT_MAX_RESULT_BYTES = 100L * 1024 * 1024;

    public RunLimits {
        if (maxTextChars < 1 || maxFindings < 1 || maxResultBytes < 1) {
            throw new IllegalArgumentException("the text, findings and result limits must be positive");
        }
    }

    public static RunLimits defaults() {
        return new RunLimits(DEFAULT_MAX_TEXT_CHARS, DEFAULT_MAX_FINDINGS, DEFAULT_MAX_RESULT_BYTES);
    }

    /** The defaults overridden by ANNOTATOR_MAX_TEXT_CHARS, ANNOTATOR_MAX_FINDINGS and ANNOTATOR_MAX_RESULT_MB. */
    public static RunLimits fromEnvironment(Map<String, String> env) {
        return new RunLimits(intOf(env, "ANNOTATOR_MAX_TEXT_CHARS", DEFAULT_MAX_TEXT_CHARS),
                intOf(env, "ANNOTATOR_MAX_FINDINGS", DEFAULT_MAX_FINDINGS),
                env.containsKey("ANNOTATOR_MAX_RESULT_MB")
                        ? intOf(env, "ANNOTATOR_MAX_RESULT_MB", 0) * 1024L * 1024 : DEFAULT_MAX_RESULT_BYTES);
    }

}
