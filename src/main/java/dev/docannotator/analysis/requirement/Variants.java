package dev.docannotator.analysis.requirement;

import dev.docannotator.analysis.EnglishVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which English the user writes in: "British English", "UK spelling", "en-GB", "Australian English",
 * 英式英语, 美式拼写. A bare "US" or "UK" is read only before "English" or "spelling" ("tell us" is no variant).
 */
final class Variants {
    private static final Map<String, EnglishVariant> NAMES = Map.ofEntries(
            Map.entry("british", EnglishVariant.BRITISH), Map.entry("uk", EnglishVariant.BRITISH),
            Map.entry("u.k.", EnglishVariant.BRITISH), Map.entry("gb", EnglishVariant.BRITISH),
            Map.entry("oxford", EnglishVariant.BRITISH),
            Map.entry("american", EnglishVariant.AMERICAN), Map.entry("us", EnglishVariant.AMERICAN),
            Map.entry("u.s.", EnglishVariant.AMERICAN),
            Map.entry("australian", EnglishVariant.AUSTRALIAN), Map.entry("au", EnglishVariant.AUSTRALIAN),
            Map.entry("canadian", EnglishVariant.CANADIAN), Map.entry("ca", EnglishVariant.CANADIAN),
            Map.entry("new zealand", EnglishVariant.NEW_ZEALAND), Map.entry("nz", EnglishVariant.NEW_ZEALAND),
            Map.entry("south african", EnglishVariant.SOUTH_AFRICAN), Map.entry("za", EnglishVariant.SOUTH_AFRICAN),
            Map.entry("英式", EnglishVariant.BRITISH), Map.entry("英国", EnglishVariant.BRITISH),
            Map.entry("美式", EnglishVariant.AMERICAN), Map.entry("美国", EnglishVariant.AMERICAN),
            Map.entry("澳式", EnglishVariant.AUSTRALIAN), Map.entry("澳大利亚", EnglishVariant.AUSTRALIAN),
            Map.entry("澳洲", EnglishVariant.AUSTRALIAN), Map.entry("加拿大", EnglishVariant.CANADIAN),
            Map.entry("新西兰", EnglishVariant.NEW_ZEALAND), Map.entry("南非", EnglishVariant.SOUTH_AFRICAN));

    private static final Pattern VARIANT = Pattern.compile(
            "(?<![a-z])(?<adj>british|american|australian|canadian|new zealand|south african|oxford)"
                    + "(?:\\s+english)?(?![a-z])"
            + "|(?<![a-z.])(?<short>uk|u\\.k\\.|us|u\\.s\\.|au|nz|ca)(?=\\s+(?:english|spelling|spellings)(?![a-z]))"
            + "|(?<![a-z])en[-_](?<code>gb|us|au|ca|nz|za)(?![a-z])"
            + "|(?<![a-z])english\\s*\\((?<paren>uk|us|gb|au|ca|nz)\\)"
            + "|(?<zh>英式|美式|澳式)(?:英语|英文|拼写|用法)?"
            + "|(?<zh2>英国|美国|澳大利亚|澳洲|加拿大|新西兰|南非)(?:英语|英文|拼写|用法)");

    /** A variant named at {@code [start, end)} of the requirement. */
    record Found(int start, int end, EnglishVariant variant) {
    }

    private Variants() {
    }

    static List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        Matcher m = VARIANT.matcher(text);
        while (m.find()) {
            String name = first(m, "adj", "short", "code", "paren", "zh", "zh2");
            EnglishVariant variant = NAMES.get(name);
            if (variant != null) {
                found.add(new Found(m.start(), m.end(), variant));
            }
        }
        return found;
    }

    private static String first(Matcher m, String... groups) {
        for (String g : groups) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return null;
    }
}
