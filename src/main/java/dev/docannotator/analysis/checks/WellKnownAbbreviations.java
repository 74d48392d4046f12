package dev.docannotator.analysis.checks;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Abbreviations an editor would not ask a document to spell out (CPU, PDF, CRC, RCS), read from
 * {@code checks/well_known_abbreviations.tsv}, which names where the entries and their expansions come from.
 */
final class WellKnownAbbreviations {
    static final String LIST = "checks/well_known_abbreviations.tsv";
    /** Abbreviations general dictionaries carry as words (SCOWL at size 60); the source is named in the file. */
    static final String DICTIONARY_LIST = "checks/dictionary_abbreviations.txt";
    /** NetBSD's wtf(6) computing acronyms, public domain; the source and version are named in the file. */
    static final String COMPUTING_LIST = "checks/computing_acronyms.tsv";
    private static final Pattern FLAGGABLE = Pattern.compile("[A-Z]{2,6}");
    private static final Pattern FIRST_FIELD = Pattern.compile("[\\t ]");
    private static final Set<String> ALL = load();
    private static final Set<String> IN_DICTIONARIES = loadDictionaryList();
    private static final Set<String> COMPUTING = loadComputingList();

    private WellKnownAbbreviations() {
    }

    static Set<String> all() {
        return ALL;
    }

    /**
     * Abbreviations a general English dictionary carries as words of their own (SCSI, SGML, GPS): a reader of ordinary
     * English knows them by their letters. Kept apart from {@link #all()}: they say nothing about the abbreviations
     * listed beside them ("SCSI or FHS" does not make FHS known).
     */
    static Set<String> inDictionaries() {
        return IN_DICTIONARIES;
    }

    /**
     * Acronyms of computing (UID, ACL, FAT, LLVM): a reader of a manual page knows them as words, a reader
     * of a business report may not, and some stand for something else there (KPI is "kernel programming interface" in
     * this list). Taken from an independent list, unedited, so that it is not fitted to the benchmark's labels.
     */
    static Set<String> computing() {
        return COMPUTING;
    }

    /** The first field of each line, where it has the shape the check flags; the list's other entries never match. */
    private static Set<String> loadComputingList() {
        Set<String> out = new HashSet<>();
        for (String line : ResourceLines.read(COMPUTING_LIST)) {
            String acronym = FIRST_FIELD.split(line, 2)[0];
            if (FLAGGABLE.matcher(acronym).matches()) {
                out.add(acronym);
            }
        }
        return Set.copyOf(out);
    }

    private static Set<String> loadDictionaryList() {
        Set<String> out = new HashSet<>();
        for (String line : ResourceLines.read(DICTIONARY_LIST)) {
            if (!line.matches("[A-Z]{2,6}")) {
                throw new IllegalStateException(DICTIONARY_LIST + ": an entry is 2-6 capitals: " + line);
            }
            out.add(line);
        }
        return Set.copyOf(out);
    }

    private static Set<String> load() {
        Set<String> out = new HashSet<>();
        for (String line : ResourceLines.read(LIST)) {
            String[] cols = line.split("\t");
            if (cols.length != 2 || cols[1].isBlank() || !cols[0].matches("[A-Z]{2,6}")) {
                throw new IllegalStateException(LIST + ": an entry is an abbreviation in capitals and its"
                        + " expansion, separated by a tab: " + line);
            }
            out.add(cols[0]);
        }
        return Set.copyOf(out);
    }
}
