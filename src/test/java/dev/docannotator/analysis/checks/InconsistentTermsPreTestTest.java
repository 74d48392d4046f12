package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.checks.InconsistentTermsCheck.PROGRAM_NAME;
import static dev.docannotator.analysis.checks.InconsistentTermsCheck.mayNameAProgram;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cheap pre-test before the program-name scan must never skip a text the scan would find a name in: a skipped
 * block loses a program name, and then "dbus" and "D-Bus" read as one term spelt two ways (the bug a3cae9f fixed).
 */
class InconsistentTermsPreTestTest {
    /** Lines as manuals, READMEs, dependency lists and Chinese manual pages write them. */
    private static final List<String> LINES = List.of(
            "Run `mandb` after installing new pages; see mandb(8) and man-db(7).",
            "The manual page apropos(1) searches the whatis database, as does whatis(1p).",
            "Requires: dbus >= 1.4.0, glib2 >= 2.40, libxml2 > 2.9 and openssl==3.0.2.",
            "构建依赖：dbus >= 1.4.0（推荐 1.12），systemd ≥ 230，gettext ≤ 0.21。",
            "Use python3 <= 3.11 or zlib<1.3; cmake>=3.16 is needed for the tests.",
            "请参阅 `man ls` 或 ls(1) 了解更多选项。",
            "The option -v (verbose) prints each file; see the section (2) above.",
            "In (a) and (b), the counts (3 and 4) are per day.",
            "x < 3 and y > 4 are bounds, not versions; a => b is an arrow.",
            "Set PATH=`pwd`/bin:$PATH and call `./configure --prefix=/usr`.",
            "gzip(1), gunzip(1) and zcat(1) share one manual page.",
            "foo_bar-baz(3ssl) documents the library call.",
            "Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>",
            "The D-Bus daemon and the dbus-daemon(1) program are the same thing.",
            "JavaScript and Javascript; the email and the e-mail; no brackets at all.",
            "使用 D-Bus 时，dbus 的版本应不低于 1.4.0。",
            "Version 2 or later; see the COPYING file for details.");

    @Test
    void everyTextTheProgramNamePatternMatchesInPassesThePreTest() {
        List<String> matched = new ArrayList<>();
        for (String line : LINES) {
            // every stretch of the line, so that each form is also tried alone and at the edges of a block
            for (int start = 0; start < line.length(); start++) {
                for (int end = start + 1; end <= line.length(); end++) {
                    String text = line.substring(start, end);
                    if (PROGRAM_NAME.matcher(text).find()) {
                        matched.add(text);
                        assertThat(mayNameAProgram(text)).as("pre-test on \"%s\"", text).isTrue();
                    }
                }
            }
        }
        // each form of the pattern was tried: a backquoted command, a manual page reference and a version bound
        assertThat(matched).anyMatch(t -> t.startsWith("`")).anyMatch(t -> t.endsWith("(8)"))
                .anyMatch(t -> t.contains(">=")).anyMatch(t -> t.contains("≥")).anyMatch(t -> t.contains("=="));
    }

    @Test
    void thePreTestStillSkipsBlocksWithoutABackquoteBracketOrComparison() {
        assertThat(mayNameAProgram("JavaScript and Javascript; the email and the e-mail; no brackets at all.")).isFalse();
        assertThat(mayNameAProgram("使用 D-Bus 时，dbus 的版本应不低于 1.4.0。")).isFalse();
    }
}
