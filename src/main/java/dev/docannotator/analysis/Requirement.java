package dev.docannotator.analysis;

import java.util.List;
import java.util.Set;

/**
 * What the user asked for, parsed: the checks to run, the quoted terms to find, and whether the
 * default set was used because the text selected nothing.
 */
public record Requirement(String text, Set<Check> checks, List<String> terms, boolean defaulted) {
    public Requirement {
        checks = Set.copyOf(checks);
        terms = List.copyOf(terms);
    }
}
