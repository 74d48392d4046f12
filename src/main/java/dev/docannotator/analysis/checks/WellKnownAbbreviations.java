package dev.docannotator.analysis.checks;

import java.util.HashSet;
import java.util.Set;

/**
 * Abbreviations an editor would not ask a document to spell out (CPU, PDF, CRC, RCS), read from
 * {@code checks/well_known_abbreviations.tsv}, which names where the entries and their expansions come from.
 */
final class WellKnownAbbreviations {
    static final String LIST = "checks/well_known_abbreviations.tsv";
    /** Abbreviations general dictionaries carry as words (SCOWL at size 60); the source is named in the file. */
    static final String DICTIONARY_LIST = "checks/dictionary_abbreviations.txt";
    private static final Set<String> ALL = load();
    private static final Set<String> IN_DICTIONARIES = loadDictionaryList();

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
