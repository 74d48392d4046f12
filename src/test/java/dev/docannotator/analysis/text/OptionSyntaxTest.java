package dev.docannotator.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The option syntax read in one walk over the text's dashes finds what the six whole-text scans it replaced found
 * (their patterns are kept here as the oracle), on manual-page text with the awkward cases: a line of options before
 * a head, a value joined with {@code [=}, a synopsis, an option at a block's start and end, line breaks of every kind.
 */
class OptionSyntaxTest {
    private static final List<String> TEXTS = List.of(
            """
            SYNOPSIS
                   find  [-H]  [-L] [-P] [-D debugopts] [-Olevel] [starting-point...] [expression]
                   ssh [-L [bind_address:]port:host:hostport] [-B bind_interface] destination
                   sed q [exit-code]
            OPTIONS
                   -o file, --old-file=file
                          Write to file file.
                   --status-file file
                          Status is written to file file.
                   --timeout=seconds  Set the timeout to seconds seconds.
                   --password[=password], --no-seek, --sort=inode, ---triple, --force-yes
                   -A, --user-agent <name>
                          Use -v to enable it; -r is  implied.
                   --engine <name> and --export-options\r
                   -x\r\n-y value
            \u2028-z words  here
            """,
            "-a, -b count",
            "--leading-option at the start",
            "a trailing --long-option",
            "Name <e-mail> in a letter and a link [e-mail](mailto:x) and -q <file-name> [ \"~\" word-size ]",
            "re-enter, e-mail, well-known, x--y, (--paren=val), |--bar, /--slash=word, \"--quoted\"",
            "");

    @Test
    void findsWhatTheWholeTextScansFound() {
        for (String text : TEXTS) {
            OptionSyntax syntax = OptionSyntax.of(text);
            assertThat(syntax.keywords()).as(text).isEqualTo(Oracle.keywords(text));
            assertThat(syntax.metavariables()).as(text).isEqualTo(Oracle.metavariables(text));
            assertThat(syntax.longOptions()).as(text).isEqualTo(Oracle.longOptions(text));
            assertThat(syntax.placeholders()).as(text).isEqualTo(Oracle.placeholders(text));
            for (int at = 0; at <= text.length(); at++) {
                for (int from : new int[] {0, Math.max(0, at - 80), Math.max(0, at - 5)}) {
                    assertThat(syntax.optionRightBefore(at, from, text)).as("%s at %d from %d", text, at, from)
                            .isEqualTo(Oracle.optionBefore(text, at, from));
                }
            }
        }
    }

    @Test
    void readsTheOptionsOfAManualPage() {
        OptionSyntax syntax = OptionSyntax.of(TEXTS.get(0));

        assertThat(syntax.metavariables()).contains("file", "seconds", "password").doesNotContain("is", "to");
        assertThat(syntax.keywords()).contains("seek", "sort", "inode", "timeout").doesNotContain("triple");
        assertThat(syntax.longOptions()).contains("force-yes", "old-file", "user-agent").doesNotContain("seek");
        assertThat(syntax.placeholders()).contains("starting-point", "hostport", "debugopts", "name");
    }

    /** The scans the checks ran before, each over the whole text. */
    static final class Oracle {
        static Set<String> keywords(String text) {
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}_-])--?(?:no-)?(\\p{Ll}[\\p{Ll}\\p{N}]*(?:-[\\p{Ll}\\p{N}]+)*)"
                    + "(?:\\[?=(\\p{Ll}[\\p{Ll}\\p{N}-]*))?").matcher(text);
            Set<String> found = new HashSet<>();
            while (m.find()) {
                for (int group = 1; group <= 2; group++) {
                    if (m.group(group) != null && m.group(group).length() >= 3) {
                        found.add(m.group(group));
                    }
                }
            }
            return found;
        }

        static Set<String> metavariables(String text) {
            Set<String> found = new HashSet<>();
            collect(Pattern.compile("(?<![^\\s(\\[,|])--?[A-Za-z0-9][A-Za-z0-9_-]*(?:=|\\[=)([a-z][a-z0-9-]*)"
                    + "(?![A-Za-z0-9_])").matcher(text), found);
            collect(Pattern.compile("(?m)^[ \\t]*+(?:--?[A-Za-z0-9][A-Za-z0-9_-]*+(?:[= ][^\\s,]++)?,[ \\t]*+)*+"
                    + "--?[A-Za-z0-9][A-Za-z0-9_-]* ([a-z][a-z0-9-]*)(?=,|\\]|\\.\\.\\.|[ \\t]*\\r?$|[ \\t]{2,})")
                    .matcher(text), found);
            found.removeAll(Set.of("a", "an", "the", "is", "are", "was", "were", "be", "to", "of", "and", "or", "in",
                    "on", "for", "it", "as", "by", "at", "with", "not", "no", "if", "this", "that"));
            return found;
        }

        static Set<String> longOptions(String text) {
            Set<String> found = new HashSet<>();
            collect(Pattern.compile("(?<![\\w-])--([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+)(?![\\w-])").matcher(text),
                    found);
            return found;
        }

        static Set<String> placeholders(String text) {
            Set<String> into = new HashSet<>();
            Matcher spec = Pattern.compile("(?<![\\w-])--?[A-Za-z][\\w-]*[ \\t=]+"
                    + "(\\[?[A-Za-z_][\\w\\[\\]-]*:[\\w\\[\\]:-]*[\\w\\]])(?![\\w/:])").matcher(text);
            while (spec.find()) {
                Matcher part = Pattern.compile("[A-Za-z_][\\w-]*").matcher(spec.group(1));
                while (part.find()) {
                    into.add(part.group().toLowerCase(Locale.ROOT));
                }
            }
            for (String line : text.split("\n")) {
                boolean besideAnOption = Pattern.compile("(?<![\\w-])--?[A-Za-z]").matcher(line).find();
                Matcher bracket = Pattern.compile("\\[([^\\[\\]\\n]{1,60})\\]").matcher(line);
                while (bracket.find()) {
                    bracketed(bracket.group(1), besideAnOption, into);
                }
                Matcher angled = Pattern.compile("<([A-Za-z][\\w-]*)>").matcher(line);
                while (besideAnOption && angled.find()) {
                    into.add(angled.group(1).toLowerCase(Locale.ROOT));
                }
            }
            return into;
        }

        private static void bracketed(String content, boolean besideAnOption, Set<String> into) {
            Matcher part = Pattern.compile("\\s*(?:(--?[A-Za-z][\\w-]*)|(\"[^\"]{1,6}\"|'[^']{1,6}')|([A-Za-z_][\\w-]*)"
                    + "|\\.\\.\\.|\\|)\\s*").matcher(content);
            Set<String> words = new HashSet<>();
            boolean marked = false;
            int at = 0;
            while (at < content.length() && part.region(at, content.length()).lookingAt() && part.end() > at) {
                marked |= part.group(1) != null || part.group(2) != null;
                if (part.group(3) != null) {
                    words.add(part.group(3).toLowerCase(Locale.ROOT));
                }
                at = part.end();
            }
            if (at == content.length() && (marked && words.size() <= 3 || besideAnOption && !marked
                    && words.size() == 1 && content.strip().length() == content.length())) {
                into.addAll(words);
            }
        }

        static boolean optionBefore(String text, int at, int from) {
            return Pattern.compile("(?<![^\\s(\\[,|])--?[A-Za-z0-9][A-Za-z0-9_-]*[ =]$").matcher(text)
                    .region(from, at).useTransparentBounds(true).find();
        }

        private static void collect(Matcher m, Set<String> into) {
            while (m.find()) {
                into.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
    }
}
