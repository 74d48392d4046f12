package dev.docannotator.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
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
    void hidesTemplateExpressionsAndAttributeListsButNotProseInBraces() {
        // Jekyll pages of 18F and Mozilla, a Carpentries lesson's image (Pandoc), a kramdown class; prose in braces stays
        String md = "See [bias]({{ site.baseurl }}/research/bias) and {% include note.html %}. "
                + "![](fig/chunking2.png){alt='A list of words: cat, apple, ball. Underneath, cat fish milk'} "
                + "Note {: .callout} and {#anchor .wide} but {the reader decides} and {0}.";

        assertThat(hidden(md)).containsExactly("({{ site.baseurl }}/research/bias)", "{% include note.html %}",
                "(fig/chunking2.png)", "{alt='A list of words: cat, apple, ball. Underneath, cat fish milk'}",
                "{: .callout}", "{#anchor .wide}", "{0}");
    }

    @Test
    void hidesAHostNameWrittenWithoutItsScheme() {
        // Node.js's post on its downloads: "the nodejs.org domain"; a sentence's end is no host name
        assertThat(hidden("Nowadays the nodejs.org domain and crates.io see billions of requests. It grew.org-wide"))
                .containsExactly("nodejs.org", "crates.io");
        // inside Chinese text too; a long dotted run is read without overflowing the stack
        assertThat(hidden("请访问nodejs.org下载。")).containsExactly("nodejs.org");
        // a run far longer than any host name is left as prose, and the scan goes on past it
        assertThat(hidden("ab.".repeat(2000))).isEmpty();
        assertThat(hidden("ab.".repeat(2000) + " Then see nodejs.org for it.")).containsExactly("nodejs.org");
    }

    @Test
    void hidesAnMdxCommentThatAnchorsAHeading() {
        // React Labs' post: the anchor's words are no spelling of the heading's "React Compiler"
        assertThat(hidden("React Compiler {/*react-compiler*/}")).containsExactly("{/*react-compiler*/}");
    }

    @Test
    void hidesAMarkdownLinksDestinationButNotItsText() {
        // Node.js's GOVERNANCE.md opens on a table of contents of such links
        assertThat(hidden("* [Ideal Nominees](#ideal-nominees), see [the guide](doc/guide) (or ask).")).containsExactly(
                "(#ideal-nominees)", "(doc/guide)");
    }

    @Test
    void hidesTheBuildFilesOfASourcePackageAndTheParentDirectoryEntry() {
        String readme = "Edit Makefile.am and configure.ac, not Makefile.in; ls -a shows the implied . and .. entries.";

        assertThat(hidden(readme)).containsExactly("Makefile.am", "configure.ac", "Makefile.in", "-a", "..");
    }

    @Test
    void hidesAStringWhoseSpacesAreEscapedForTheShell() {
        // man(1) in Chinese quotes less(1)'s default prompt, escaped spaces and all
        String manual = "显示默认提示的字符串可以表示为 \\ Manual\\ page\\ \\$MAN_PN\\ ?ltline\\ %lt?L/%L.:\n"
                + "byte\\ %bB?s/%s..?\\ (END):?pB\\ %pB\\\\%..\n(press h for help or q to quit)";

        assertThat(hidden(manual)).containsExactly("\\ Manual\\ page\\ \\$MAN_PN\\ ?ltline\\ %lt?L/%L.:",
                "byte\\ %bB?s/%s..?\\ (END):?pB\\ %pB\\\\%..");
        assertThat(hidden("A drive like C:\\ or a single\\ escape stays prose.")).isEmpty();
    }

    @Test
    void hidesEscapeSequencesNamedInProse() {
        // sed(1): "\n matches the newline character, and similarly for \a, \t, and other sequences"
        assertThat(hidden("It matches \\n, and similarly for \\a, \\t, and other sequences; '\\n' ends a line."))
                .containsExactly("\\n", "\\a", "\\t", "\\n");
        assertThat(hidden("Use \\section or a\\b here.")).isEmpty();
    }

    @Test
    void hidesTheRepeatMarkOfAnArgumentList() {
        // gpasswd(1) and whatis(1) in Chinese: "user,..." and "系统[,...]" say the argument may be repeated
        assertThat(hidden("-A, --administrators user,...")).containsExactly("-A", "--administrators", "...");
        assertThat(hidden("-m 系统[,...], --systems=系统[,...]")).contains("...]").doesNotContain(",");
        assertThat(hidden("Wait, ... and then go on.")).isEmpty();
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

    @Test
    void hidesExactlyWhatAScanOfEveryPositionWouldHide() {
        // mask() tries the pattern only near telling characters; a plain find() tries it everywhere
        String[] pieces = {"a", "Z", "x", "9", " ", "  ", "\n", "\t", ".", ":", "/", "\\", "@", "$", "%", "_", "{",
            "}", "(", ")", "-", "--", "`", "~", "+", ",", ";", "'", "\"", "[", "]", "|", "=", "s", "d", "被", "é",
            "www.", "http://", "mailto:", "C:\\", ".txt", ".md", "()", "${", "%s", "%1$s", "{0}", "-f FILE", "word",
            "e.g.", "and/or", "re-enter", "a_b", "x.y", "~/", "../", "LOG", "QQ", "file", "example.org", "\\ ", "a\\ b", ",...", "[,...]", "..."};
        Random random = new Random(12);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(30);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = text.toString();
            assertThat(ProseMask.mask(s).hidden()).as(s).isEqualTo(ProseMask.maskByFind(s));
        }
    }

    @Test
    void aManualsQuotesOpenedByABacktickAndClosedByAnApostropheAreNoCodeSpan() {
        // find(1): "`;' ... `{}'" was taken for one code span, hiding the full stop between two sentences
        String find = "All following arguments to find are taken to be arguments to the command until an argument "
                + "consisting of `;' is encountered.  The  string  `{}' is  replaced by the current file name. "
                + "Read the `Security Considerations' chapter; `Fo*' matches `Foo'; run `make check` or `echo 'hi'` "
                + "or `don't`.";
        assertThat(hidden(find)).containsExactly("`;'", "`{}'", "`Fo*'", "`Foo'", "`make check`", "`echo 'hi'`",
                "`don't`");
        assertThat(ProseMask.mask(find).text()).contains("is encountered.  The");
    }

    @Test
    void aMarkdownCodeSpanWithAnApostropheInsideIsNoQuoteAndKeepsItsOwnBackticks() {
        // an apostrophe inside a code span ("=' '", "f'(x)") was read as the end of a `quote', and the span's closing
        // backtick paired with the next span's opening one: the prose between them was hidden, the code exposed
        assertThat(hidden("Set `IFS=' '` so that teh words split, then run `read -a words`."))
                .containsExactly("`IFS=' '`", "`read -a words`");
        assertThat(hidden("The derivative `f'(x)` is recieved by the solver and `g(x)` too."))
                .containsExactly("`f'(x)`", "`g(x)`");
        assertThat(hidden("Pass `--sep=','` to split, and `git log --format='%H'` to list hashes."))
                .containsExactly("`--sep=','`", "`git log --format='%H'`");
        // a man page's quotes stay quotes, TeX's ``double'' ones too; `L'=loop is find(1)'s list of codes
        assertThat(hidden("Use `Foo', `F??' and ``seconds=N'', ``Nd'' here; `L'=loop, `N'=nonexistent, `?' else."))
                .containsExactly("`Foo'", "`F??'", "`seconds=N'", "`Nd'", "`L'", "`N'", "`?'");
    }
}
