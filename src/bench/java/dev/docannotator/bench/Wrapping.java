package dev.docannotator.bench;

import java.util.ArrayList;
import java.util.List;

/** Paragraphs of a plain text (blank-line separated, inner line breaks joined) and hard-wrapping them again. */
final class Wrapping {
    private Wrapping() {
    }

    static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            String joined = joinLines(block.strip().split("\n"));
            if (!joined.isEmpty()) {
                paragraphs.add(joined);
            }
        }
        return paragraphs;
    }

    private static String joinLines(String[] lines) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (sb.length() > 0 && !(isCjk(sb.charAt(sb.length() - 1)) && isCjk(l.charAt(0)))) {
                sb.append(' ');
            }
            sb.append(l);
        }
        return sb.toString();
    }

    /** Breaks at spaces for English; Chinese breaks anywhere between characters, as editors do. */
    static String wrap(String paragraph, int width, boolean cjk) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        if (cjk) {
            for (int i = 0; i < paragraph.length(); i++) {
                if (lineLength >= width / 2 && isCjk(paragraph.charAt(i))) {
                    out.append('\n');
                    lineLength = 0;
                }
                out.append(paragraph.charAt(i));
                lineLength++;
            }
            return out.toString();
        }
        for (String word : paragraph.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                out.append('\n');
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.toString();
    }

    static boolean isCjk(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
