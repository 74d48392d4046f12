package dev.docannotator.analysis.checks;

import dev.docannotator.analysis.text.StartScan;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words in capitals that the text itself says are not abbreviations, by what it does with them: the operands of a
 * format line ({@code OLDGRP NEWGRP[:NEWGID]}, what a configuration file's line holds, explained in the next sentence)
 * and the name of a thing the sentence calls a file, a variable, a field, a prefix or a program ("see the file
 * COMPAT", "the SIG prefix", "the program TCPD", "应用程序 TCPD", "the GECOS field", "the environment variable `TAPE'"), and a metavariable defined where it is used ("Here
 * XYZ stands for a specific section name", "where FILE is the archive"). A reader asks what such a word contains, not
 * what it stands for.
 */
final class CapitalsNamedInPlace {
    /** A line of capitals and syntax only: placeholders and the brackets, colons and bars between them. */
    private static final Pattern FORMAT_LINE = Pattern.compile(
            "(?m)^[ \\t]*([A-Z0-9_\\[\\]{}<>|:=.,…+ \\t-]+?)[ \\t]*$");
    private static final Pattern CAPITALS = Pattern.compile("(?<![A-Za-z0-9_])[A-Z][A-Z0-9_]+(?![A-Za-z0-9_])");
    /** Nouns that say what kind of named thing comes after or before them. */
    private static final String KIND = "(?:files?|director(?:y|ies)|folders?|(?:environment\\s+)?variables?|"
            + "fields?|prefix(?:es)?|suffix(?:es)?|extensions?|keywords?|macros?)";
    private static final Pattern KIND_BEFORE = Pattern.compile(
            "(?<![\\p{L}])(?i:" + KIND + "|programs?|daemons?)\\s+[`'\"‘“]?([A-Z][A-Z0-9_]+)(?![\\p{L}\\p{N}_])");
    private static final Pattern KIND_AFTER = Pattern.compile(
            "(?<![\\p{L}\\p{N}_])([A-Z][A-Z0-9_]+)['\"’”]?\\s+" + KIND + "(?![\\p{L}])");
    /**
     * A program named by its kind in Chinese: "应用程序 TCPD", "命令 CHAGE", "工具 MOSN" — the sentence says what it is, a
     * name ("the program TCPD"), not an abbreviation to spell out.
     */
    private static final Pattern CHINESE_KIND_BEFORE = Pattern.compile(
            "(?:程序|命令|工具|守护进程)\\s*([A-Z][A-Z0-9_]+)(?![\\p{IsLatin}\\p{N}_])");
    /**
     * A metavariable the text defines where it uses it: "(Here XYZ stands for a specific section name …)", "where FILE
     * is the archive", "where N denotes the count": the capitals stand for a value, not for words. "Where … is" needs
     * an article after it, so that "countries where VAT is charged" stays a use.
     */
    private static final Pattern DEFINED_IN_PLACE = Pattern.compile(
            "(?<![\\p{L}])(?i:here|where)\\s+([A-Z][A-Z0-9_]+)s?\\s+"
                    + "(?i:stands?\\s+for|means|denotes|represents|refers\\s+to|(?:is|are)\\s+(?:the|an?|one|any))"
                    + "(?![\\p{L}])");

    private CapitalsNamedInPlace() {
    }

    /** The words in capitals the text uses as a format line's operands or names as a file, variable, field or prefix. */
    static Set<String> in(String text) {
        Set<String> found = new HashSet<>();
        Matcher line = FORMAT_LINE.matcher(text);
        while (line.find()) {
            String content = line.group(1);
            List<String> operands = CAPITALS.matcher(content).results().map(r -> r.group()).toList();
            if (operands.size() >= 2 && content.matches(".*[\\[{<|].*")) {
                found.addAll(operands);
            }
        }
        // tried only where a match can start (StartScan): the first letters of the kinds, a capital, here/where
        for (StartScan m : List.of(new StartScan(KIND_BEFORE, text, StartScan.oneOf("fdevpskmFDEVPSKM")),
                new StartScan(KIND_AFTER, text, StartScan.capitalPair()),
                new StartScan(DEFINED_IN_PLACE, text, StartScan.oneOf("hwHW")),
                new StartScan(CHINESE_KIND_BEFORE, text, StartScan.oneOf("程命工守")))) {
            while (m.find()) {
                found.add(m.matcher().group(1));
            }
        }
        return found;
    }
}
