package dev.docannotator.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProseMaskTest {

    private static List<String> hidden(String text) {
        ProseMask.Masked masked = ProseMask.mask(text);
        assertThat(masked.text()).hasSameSizeAs(text);
        return masked.hidden().stream().map(s -> s.of(text)).toList();
    }

    @Test
    void hidesCodeUrlsAddressesPathsVariablesOptionsAndFormatStringsOfAReadme() {
        String readme = "Run `make install` as root, or see https://example.org/docs/install.html. Mail "
                + "bugs@example.org with your ~/.config/app/settings and /etc/app.conf, set $HOME or ${XDG_DATA_HOME}, "
                + "then call app --data-dir=/srv -v. The log line reads \"%s failed after %d tries\" or {0}.";

        assertThat(hidden(readme)).containsExactly("`make install`", "https://example.org/docs/install.html",
                "bugs@example.org", "~/.config/app/settings", "/etc/app.conf", "$HOME", "${XDG_DATA_HOME}",
                "--data-dir=/srv", "-v", "%s", "%d", "{0}");
    }

    @Test
    void leavesProseThatOnlyLooksTechnicalAlone() {
        String licence = "The licensee and/or its agents may re-enter the e-mail address; 50% of the fee, $5 in all, "
                + "is due - as agreed - within 30 days (see Section 4).";

        assertThat(hidden(licence)).isEmpty();
        assertThat(ProseMask.mask(licence).text()).isEqualTo(licence);
    }

    @Test
    void theMaskIsNeitherAWordNorASentenceEnd() {
        String text = "Use the `the` keyword. Visit www.example.com/a.b today.";
        String masked = ProseMask.mask(text).text();

        assertThat(Sentences.split(masked)).hasSize(2);
        assertThat(Words.countWords(masked)).isEqualTo(5); // Use the keyword Visit today
    }
}
