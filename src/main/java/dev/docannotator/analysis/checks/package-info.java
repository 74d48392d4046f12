/**
 * The offline checks. Block checks look at one block of text; document checks need the whole text
 * (spelling variants, acronym definitions, quantities stated twice). Both report through {@link
 * dev.docannotator.analysis.checks.Findings}, which turns block-local offsets into annotations.
 */
package dev.docannotator.analysis.checks;
