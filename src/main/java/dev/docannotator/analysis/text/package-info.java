/** Language-aware text helpers shared by the checks: spans, scripts, sentences and word boundaries. */
package dev.docannotator.analysis.text;
