package dev.docannotator.analysis.requirement;

import java.util.Locale;

/**
 * The requirement as the parser reads it: lower case, one character per character of the original (so that a
 * position here is a position there), with the parts already read blanked out so that no later rule reads them again.
 */
final class Mask {
    private final char[] chars;

    Mask(String text) {
        String lowered = text.toLowerCase(Locale.ROOT);
        // A few characters change length in lower case (İ); keep the original one there so offsets stay aligned.
        this.chars = new char[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = lowered.length() == text.length() ? lowered.charAt(i) : Character.toLowerCase(text.charAt(i));
            chars[i] = Character.isWhitespace(c) ? ' ' : normalise(c);
        }
    }

    /** Curly apostrophes read as straight ones ("don’t"). */
    private static char normalise(char c) {
        return c == '\u2019' || c == '\u2018' ? '\'' : c;
    }

    int length() {
        return chars.length;
    }

    void blank(int start, int end) {
        for (int i = Math.max(0, start); i < Math.min(end, chars.length); i++) {
            chars[i] = ' ';
        }
    }

    /** Overwrites the characters at {@code at} with {@code same} (of the same length as what it replaces). */
    void put(int at, String same) {
        same.getChars(0, same.length(), chars, at);
    }

    String slice(int start, int end) {
        return new String(chars, start, end - start);
    }

    @Override
    public String toString() {
        return new String(chars);
    }
}
