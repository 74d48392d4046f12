package dev.docannotator.analysis.text;

/** Tells Chinese from Latin text, character by character and for whole stretches. */
public final class Scripts {
    private Scripts() {
    }

    public static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    public static boolean isLatinLetter(int codePoint) {
        return Character.isLetter(codePoint) && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.LATIN;
    }

    /** A word character for boundary purposes: a Latin letter, a digit or an underscore (Han is not). */
    public static boolean isLatinWordChar(char c) {
        return c == '_' || Character.isDigit(c) || isLatinLetter(c);
    }

    public static int hanCount(CharSequence text) {
        return (int) text.codePoints().filter(Scripts::isHan).count();
    }

    public static int latinLetterCount(CharSequence text) {
        return (int) text.codePoints().filter(Scripts::isLatinLetter).count();
    }

    /**
     * True when the text is mainly Chinese. One Han character carries about as much as a short English
     * word, so Han characters are weighed against Latin words (letters / 5), not against letters.
     */
    public static boolean mainlyChinese(CharSequence text) {
        int han = hanCount(text);
        return han > 0 && han * 5 >= latinLetterCount(text);
    }
}
