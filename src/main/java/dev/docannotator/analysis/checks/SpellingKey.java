package dev.docannotator.analysis.checks;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Folds British and American spellings of one word to one key (programme/program, colour/color, organise/organize,
 * analyse/analyze, centre/center, travelled/traveled, catalogue/catalog), so that a document that uses both is told.
 * The folding is only ever used to compare words that both occur in one document, so a rule that would fold two
 * different words only matters if a document contains both of them; the rules are limited to known stems where
 * that could happen (filled/filed, metre/meter).
 */
public final class SpellingKey {
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("programme", "program"), Map.entry("programmes", "programs"), Map.entry("grey", "gray"),
            Map.entry("judgement", "judgment"), Map.entry("judgements", "judgments"), Map.entry("ageing", "aging"),
            Map.entry("fulfil", "fulfill"), Map.entry("fulfils", "fulfills"), Map.entry("fulfilment", "fulfillment"),
            Map.entry("enrol", "enroll"), Map.entry("enrols", "enrolls"), Map.entry("enrolment", "enrollment"),
            Map.entry("artefact", "artifact"), Map.entry("artefacts", "artifacts"), Map.entry("aluminium", "aluminum"),
            Map.entry("defence", "defense"), Map.entry("offence", "offense"), Map.entry("catalogue", "catalog"),
            Map.entry("catalogues", "catalogs"), Map.entry("dialogue", "dialog"), Map.entry("dialogues", "dialogs"),
            Map.entry("analogue", "analog"), Map.entry("manoeuvre", "maneuver"), Map.entry("plough", "plow"));
    private static final List<String> OUR_STEMS = List.of(
            "colour", "behaviour", "favour", "honour", "labour", "neighbour", "flavour", "rumour", "humour", "harbour",
            "vapour", "armour", "endeavour", "savour", "vigour", "odour", "parlour", "splendour", "tumour");
    private static final List<String> TRE_STEMS = List.of(
            "cen", "thea", "fib", "li", "cali", "som", "spec", "lus", "sab");
    private static final List<String> DOUBLE_L_STEMS = List.of(
            "travel", "cancel", "model", "label", "level", "signal", "total", "fuel", "channel", "tunnel", "counsel",
            "marshal", "dial", "equal", "jewel", "quarrel", "rival", "shovel", "pedal", "panel", "gruel", "marvel",
            "duel", "funnel", "revel", "swivel", "grovel", "initial");
    /** organise, organised, organisation, optimiser; the stem needs three letters so "rise" and "prise" stay apart. */
    private static final Pattern ISE = Pattern.compile("(?<=[a-z]{3})is(e|es|ed|ing|ation|ations|er|ers)$");
    private static final Pattern YSE = Pattern.compile("(?<=[a-z]{2})ys(e|es|ed|ing|er|ers)$");

    private SpellingKey() {
    }

    /** The American spelling of a lower-case word, or the word itself. */
    public static String of(String word) {
        String mapped = WORDS.get(word);
        if (mapped != null) {
            return mapped;
        }
        for (String stem : OUR_STEMS) {
            if (word.startsWith(stem)) {
                return stem.substring(0, stem.length() - 2) + "r" + word.substring(stem.length());
            }
        }
        for (String stem : TRE_STEMS) {
            if (word.equals(stem + "tre") || word.equals(stem + "tres")) {
                return stem + "ter" + word.substring(stem.length() + 3);
            }
        }
        for (String stem : DOUBLE_L_STEMS) {
            if (word.startsWith(stem + "l") && word.length() > stem.length() + 1
                    && List.of("ed", "ing", "er", "ers", "or", "ors").contains(word.substring(stem.length() + 1))) {
                return stem + word.substring(stem.length() + 1);
            }
        }
        String folded = ISE.matcher(word).replaceFirst("iz$1");
        return YSE.matcher(folded).replaceFirst("yz$1");
    }
}
