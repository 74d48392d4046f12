package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Check;
import org.junit.jupiter.api.Test;

/**
 * Words that name a synopsis' placeholders or a markup element, and capitals of a cited title, are not spellings of a
 * term (ssh(1), the shared-mime-info specification); the same words in prose still are.
 */
class InconsistentTermsSyntaxAndTitlesTest {

    @Test
    void placeholdersOfAnOptionsArgumentSpecAreNotAnOpenSpellingOfAnother() {
        // ssh(1): host, port and hostport are three placeholders of -L, named together in the prose
        assertThat(run(Check.INCONSISTENT_TERMS,
                "-L [bind_address:]port:host:hostport",
                "-L local_socket:host:hostport",
                "Specifies that connections to the given TCP port on the local host are to be forwarded. Whenever a "
                        + "connection is made to the local port, a connection is made to either host port hostport, "
                        + "or the Unix socket remote_socket, from the remote machine.",
                "-R remote_socket:host:hostport",
                "A connection is made to either an explicit destination specified by host port hostport, or "
                        + "local_socket.")).isEmpty();
    }

    @Test
    void aNameTheAuthorSetsInBoldIsNotASpellingOfTheCommonWords() {
        // curl's disclosure policy: the **curl-security** team, and security problems in curl
        assertThat(run(Check.INCONSISTENT_TERMS,
                "Only a member of the **curl-security** team can declare a major incident, and the **curl-security** "
                        + "team engages privately with the reporter.",
                "This is not a curl security problem, and these algorithms are not curl security vulnerabilities.",
                "We publish every curl security advisory on the website.")).isEmpty();
        // a list's bold label likewise; the same word in plain prose is still a spelling
        String prose = "Our email address is public. Send email daily.";
        assertThat(run(Check.INCONSISTENT_TERMS, "Write to the **e-mail** list.", prose)).isEmpty();
        assertThat(quotes(run(Check.INCONSISTENT_TERMS, "Write to the e-mail list.", prose))).containsExactly("e-mail");
    }

    @Test
    void aDirectorysNameAndABoldRunInHeadingInCapitalsAreNotSpellingsOfATerm() {
        // RocketMQ's static topic design: the test directory is named statictopic; "**POP消息**" heads a paragraph
        String design = "如果要使用 StaticTopic，则需要升级 Client 和 Broker。删除 Static Topic 时执行必要的清除动作。";
        String creation = "创建 static topic 时需要指定队列数。";
        assertThat(quotes(run(Check.INCONSISTENT_TERMS, design, creation,
                "测试入口在 rocketmq-test 模块，statictopic 目录。",
                "**POP消息** CK/ACK 拼 key 的时候增加 brokerName 属性。",
                "定时消息、Pop 消息、事务消息等仍然可以正常运行。")))
                .containsExactly("StaticTopic");
        // the same word in prose is still a spelling of the term
        assertThat(quotes(run(Check.INCONSISTENT_TERMS, design, creation, "测试入口在 rocketmq-test 模块，statictopic 的测试里。")))
                .containsExactly("StaticTopic", "statictopic");
    }

    @Test
    void aCoinedOperandInNestedBracketsOfASynopsisNamesItsValueToo() {
        // patch(1)'s synopsis: the options are named "[options]", the operands nest
        assertThat(run(Check.INCONSISTENT_TERMS,
                "patch [options] [originalfile [patchfile]]",
                "The names of the files to be patched are usually taken from the patch file, but if there's just "
                        + "one file to be patched it can be specified on the command line as originalfile.",
                "patch makes a backup of the original file before it changes it.")).isEmpty();
    }

    @Test
    void aCoinedPlaceholderOfAnOptionNamesItsValueButADictionaryWordIsStillATerm() {
        // patch(1): "patchfile" is the value of -i, "a patch file" the thing; curl's "filename" is a word of its own
        assertThat(run(Check.INCONSISTENT_TERMS,
                "patch takes a patch file patchfile containing a difference listing.",
                "-i patchfile  or  --input=patchfile",
                "Read the patch from patchfile. If patchfile is -, read from standard input.",
                "-r rejectfile  or  --reject-file=rejectfile",
                "Put rejects into rejectfile instead of the default reject file.")).isEmpty();
        // the prose's own two spellings of the thing are still a variant
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "-i patchfile  or  --input=patchfile",
                "Read the patch from patchfile. The patch file is applied once.",
                "Each patch file is checked; a patch-file is rejected when it is empty. A patch file may be large.")))
                .containsExactly("patch-file");
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "-o, --output filename",
                "Write output to filename instead of stdout. The file name may contain variables.",
                "Each filename is expanded before the transfer.")))
                .contains("file name");
    }

    @Test
    void theAnchorOfAMarkdownLinkIsNoSpellingOfItsHeading() {
        // Node.js's GOVERNANCE.md: a table of contents, then the sections it links to
        assertThat(run(Check.INCONSISTENT_TERMS,
                "* [Collaborator activities](#collaborator-activities)",
                "* [Ideal Nominees](#ideal-nominees)",
                "Collaborator activities",
                "Typical collaborator activities include reviewing pull requests and triaging issues.",
                "Ideal nominees are collaborators who have been active for several months.")).isEmpty();
    }

    @Test
    void aCompoundSpelledTwoWaysInProseIsStillInconsistentBesideASynopsis() {
        // the control: hostname is no placeholder here, so "host name" in prose is a variant of it
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "-L [bind_address:]port:host:hostport",
                "The hostname is looked up first. If the hostname has no address, the host name given by -b is used.",
                "A canonical hostname is then written to the log.")))
                .containsExactly("host name");
    }

    @Test
    void aHyphenatedPlaceholderOfABracketedSyntaxIsAFieldNameNotASpelling() {
        // shared-mime-info: [ "~" word-size ] in the rule's grammar, the field named in a list, and the prose words
        assertThat(run(Check.INCONSISTENT_TERMS,
                "[ indent ] \">\" start-offset \"=\" value [ \"&\" mask ] [ \"~\" word-size ] [ \"+\" range-length ]",
                "The word size is used for byte-swapping. Text types still have a word size of 1.",
                "The indent, range-length, word-size and mask components are optional. If missing, the word-size "
                        + "defaults to 1.")).isEmpty();
    }

    @Test
    void proseInBracketsIsNoSyntax() {
        // the control: a remark in brackets names no placeholder, so its spelling is compared as any other
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "Check the word size first [the word-size is in bytes]. The word size of text is 1.",
                "A word size of 2 swaps pairs.")))
                .containsExactly("word-size");
    }

    @Test
    void aLoneWordInBracketsAwayFromAnyOptionIsNoPlaceholder() {
        // a letter template and a Markdown link: "e-mail" stays a term, compared with "email"
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "Name <e-mail>",
                "Write to us by e-mail. We answer every email within a day, and every email is read.",
                "See [e-mail](mailto:team@example.org) for the address.")))
                .contains("e-mail");
        // beside an option it is the option's placeholder
        assertThat(run(Check.INCONSISTENT_TERMS,
                "--reply-to <e-mail>   where replies go",
                "Write to us by e-mail. We answer every email within a day, and every email is read.")).isEmpty();
    }

    @Test
    void anOperandOfTheSynopsisIsNoSpellingButItsProseUsesAreCompared() {
        // find(1): the synopsis' [starting-point...] is an operand; the prose writes "starting-point" and "starting
        // point" for the same thing, and the minority is still flagged (neither is before a noun)
        String[] page = {
            "SYNOPSIS",
            "       find [-H] [-L] [-P] [-D debugopts] [-Olevel] [starting-point...] [expression]",
            "DESCRIPTION",
            "       GNU find searches the directory tree rooted at each given starting-point by evaluating the given\n"
                    + "       expression from left to right.  If no starting-point is specified, `.' is assumed.",
            "       -files0-from file\n"
                    + "              Read the starting points from file instead of getting them on the command\n"
                    + "              line.  If the file is empty, find does not process any starting point and\n"
                    + "              therefore will exit immediately.",
            "       -mindepth levels\n"
                    + "              Do not apply any tests or actions at levels less than levels (a\n"
                    + "              non-negative integer).  Using -mindepth 1 means process all files except the\n"
                    + "              starting-point.",
        };
        assertThat(quotes(run(Check.INCONSISTENT_TERMS, page))).containsExactly("starting point");
    }

    @Test
    void anOperandNamedBareInTheProseIsTheOperandNotASpelling() {
        // dpkg(1): "package-name" without a determiner names the operand (italic in the page), "a package name" is prose
        assertThat(run(Check.INCONSISTENT_TERMS,
                "       -V, --verify [package-name...]",
                "           Verifies the integrity of package-name or all packages if omitted.",
                "       -C, --audit [package-name...]",
                "           Performs database sanity and consistency checks for package-name or all packages.",
                "           If -a or --pending is given instead of a package name, then all packages are processed."))
                .isEmpty();
    }

    @Test
    void aFieldOfAGrammarStaysANameInTheProse() {
        // the control: a placeholder beside a flag or a quoted literal names a field, and so does the prose
        assertThat(run(Check.INCONSISTENT_TERMS,
                "       find [-H] [-L] [--from starting-point] [expression]",
                "Each given starting-point is searched. If no starting-point is given, the current directory is the "
                        + "starting point.")).isEmpty();
    }

    @Test
    void aMarkupElementsNameAndItsPluralAreNotSpellingsOfTheProseWords() {
        // shared-mime-info: the generic-icon and treemagic elements beside "a generic icon", "the tree magic data"
        assertThat(run(Check.INCONSISTENT_TERMS,
                "<MIME>/generic-icons (contains a mapping from MIME types to generic icons)",
                "<MIME>/types (contains a list of all MIME types, with comment, icon and generic-icon)",
                "The aliases, icons, generic-icons and XMLnamespaces files are lists of lines.",
                "generic-icon elements specify the icon to use as a generic icon for this type. If this element is "
                        + "not specified, the media type is used to generate the generic icon.",
                "treemagic elements contain a list of treematch elements.",
                "2.8. The treemagic files. The tree magic data is stored in a file.",
                "Matching of content types works with treemagic elements.")).isEmpty();
    }

    @Test
    void aWordBeforeElementsThatIsOrdinaryProseIsStillCompared() {
        // the controls: "mime-type" is never an element's name here, so mimetype and mime-type stay one term
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "Each mimetype has child elements. The mimetype is named by its type attribute.",
                "Applications look up the mimetype of a file, and the mime-type decides the icon.")))
                .containsExactly("mime-type");
        // shared-mime-info: mime-type is an element, but also the prose's noun ("a mime-type to be a sub-class")
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "These files have a mime-type element as the root node, merged from the mime-type elements.",
                "The icon is created based on the mimetype. Each mimetype has a comment.",
                "Note that it is possible for a mime-type to be a sub-class of another. The mimetype decides.",
                "Applications list the mimetype they support.")))
                .containsExactly("mime-type", "mime-type", "mime-type");
    }

    @Test
    void titleCaseOfACitedTitleIsNoCaseVariant() {
        // ssh(1): BREAK in the prose, "Break" and "Security" in the titles of its STANDARDS list
        assertThat(run(Check.INCONSISTENT_TERMS,
                "~B Send a BREAK to the remote system (only useful if the peer supports it). The SECURITY section "
                        + "of sshd(8) explains more; see SECURITY there.",
                "J. Galbraith and P. Remaker, The Secure Shell (SSH) Session Channel Break\nExtension, RFC 4335, "
                        + "January 2006.",
                "A. Perrig and D. Song, Hash Visualization: a New Technique to improve\nReal-World Security, 1999, "
                        + "International Workshop on Cryptographic Techniques and E-Commerce (CrypTEC '99).",
                "M. Smith, \"Sending a Break Over Serial Lines\", Journal of Consoles.")).isEmpty();
    }

    @Test
    void aCapitalisedWordInRunningProseIsStillACaseVariant() {
        // the control: "a Break" mid-sentence, no title around it, beside "a BREAK"
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "~B Send a BREAK to the remote system. The BREAK is passed on unchanged.",
                "The server forwards a Break to the serial console in 2006 and later versions.")))
                .containsExactly("Break");
        // nor does a year after a sentence of lower-case words make it a title
        assertThat(CitedTitles.isTitleCase("the server forwards a Break to the console")).isFalse();
        assertThat(CitedTitles.isTitleCase("The Secure Shell (SSH) Session Channel Break Extension")).isTrue();
    }

    @Test
    void aCapitalisedRunLongerThanATitleIsNoCitedTitle() {
        String title = "The Secure Shell Session Channel Break Extension";
        String longRun = String.join(" ", java.util.Collections.nCopies(40, "Channel Break Extension"));

        assertThat(CitedTitles.contains(title + ", RFC 4335", title.indexOf("Break"), title.indexOf("Break") + 5))
                .isTrue();
        assertThat(CitedTitles.contains(longRun + ", RFC 4335", 8, 13)).isFalse();
    }

    @Test
    void aHeaderFieldAndARepositorysIssueAreNotSpellingsOfTheWords() {
        // PEP 602's header and the Rust council's minutes; the same words hyphenated in prose still differ
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "PEP: 602\nTitle: Annual Release Cycle for Python\nPython-Version: 3.9",
                "The first release of a given Python version is used by many.",
                "### \"Invitations for the All-Hands\" leadership-council#135",
                "Should we have a leadership council presentation at the celebration?")))
                .isEmpty();
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "From: Jane Doe\nE-Mail: jane@example.org",
                "We answer every email within a day, and every email is read.")))
                .isEmpty();
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "Write to us by e-mail. We answer every email within a day, and every email is read.")))
                .containsExactly("e-mail");
    }
}
