package dev.docannotator.analysis.checks;

import static dev.docannotator.analysis.AnalysisFixture.quotes;
import static dev.docannotator.analysis.AnalysisFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.analysis.Check;
import org.junit.jupiter.api.Test;

/**
 * Names on a command line (an option's argument, a long option, a configuration item, a command's alias, a troff
 * literal) and capitals a word owes to its place (a proper name, a value after "=", a quoted format) are not spellings
 * of a term, as in curl(1), apt-get(8), gpg(1) and ps(1); the same words in prose still are.
 */
class InconsistentTermsCommandLineNamesTest {

    @Test
    void anOptionsArgumentIsAPlaceholderNotASpelling() {
        assertThat(run(Check.INCONSISTENT_TERMS,
                "--key <key> (TLS) Private key file name. Allows you to provide your private key in this separate file.",
                "If the key file is encrypted, curl asks for the passphrase. The key file must be readable.",
                "Example: curl --cert certfile --key keyfile https://example.com",
                "Example: curl --pinnedpubkey keyfile https://example.com")).isEmpty();
    }

    @Test
    void theSameWordInProseIsStillASpelling() {
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "If the key file is encrypted, curl asks for the passphrase. The key file must be readable.",
                "Example: curl --key keyfile https://example.com. Keep the keyfile private.")))
                .containsExactly("keyfile");
    }

    @Test
    void aLongOptionsNameInProseIsNoSpellingOfItsWords() {
        assertThat(run(Check.INCONSISTENT_TERMS,
                "--force-yes",
                "Force yes; this is a dangerous option that will cause apt to continue without prompting. Force yes "
                        + "should not be used. Using force-yes can potentially destroy your system!")).isEmpty();
    }

    @Test
    void withoutSuchAnOptionTheHyphenatedFormIsCompared() {
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "--yes",
                "Force yes; this is a dangerous option. Force yes should not be used. Using force-yes can destroy "
                        + "your system!")))
                .containsExactly("force-yes");
    }

    @Test
    void aConfigurationItemsScopedNameIsNoSpelling() {
        assertThat(run(Check.INCONSISTENT_TERMS,
                "Download only; package files are only retrieved, not unpacked or installed. Configuration Item: "
                        + "APT::Get::Download-Only.",
                "It respects the default release, set with the option APT::Default-Release.")).isEmpty();
    }

    @Test
    void theSameCompoundOutsideAScopedNameIsStillCompared() {
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "It respects the default release, set with the option -t. The Default-Release is read once.",
                "The default release is read once.")))
                .containsExactly("Default-Release");
    }

    @Test
    void aCommandsAliasIsANameNotASpelling() {
        assertThat(run(Check.INCONSISTENT_TERMS,
                "autoclean (and the auto-clean alias since 1.1)",
                "Like clean, autoclean clears out the local repository of retrieved package files.")).isEmpty();
    }

    @Test
    void anAliasSpelledInProseIsStillCompared() {
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "Like clean, autoclean clears out the local repository. Run autoclean weekly.",
                "The auto-clean removes only files that can no longer be downloaded.")))
                .containsExactly("auto-clean");
    }

    @Test
    void aLiteralInTroffQuotesIsNoSpelling() {
        assertThat(run(Check.INCONSISTENT_TERMS,
                "The string ``future-default'' is an alias for the algorithm which will likely be used as default.",
                "The default is to the value of what we currently call future default.")).isEmpty();
    }

    @Test
    void theSameCompoundUnquotedIsStillCompared() {
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "The future-default is an alias for the algorithm which will likely be used as default.",
                "The default is to the value of what we currently call future default. The future default changes.")))
                .containsExactly("future-default");
    }

    @Test
    void aWordOfAProperNameInCapitalsIsNoCaseVariant() {
        assertThat(run(Check.INCONSISTENT_TERMS,
                "curl supports the File Transfer Protocol with a lot of tweaks and levers.",
                "Use -T to upload a local FILE to the server.",
                "The name of the FILE is kept on the server.")).isEmpty();
    }

    @Test
    void aCapitalisedWordAloneInASentenceIsStillACaseVariant() {
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "Use -T to upload the File to the server.",
                "Use -T to upload a local FILE to the server.",
                "The name of the FILE is kept on the server.")))
                .containsExactly("File");
    }

    @Test
    void aValueAfterAnEqualsSignOrAQuotedFormatIsNoCaseVariant() {
        assertThat(run(Check.INCONSISTENT_TERMS,
                "Headers may be renamed (ps -o pid,ruser=RealUser -o comm=Command) as desired.",
                "The display format is usually \"MMM:SS\", but can be shifted to the right.",
                "The time is shown as Mmm dd when the process started before today; Mmm is the month.",
                "Show the COMMAND column of each process, and the command name in the COMMAND column.")).isEmpty();
    }

    @Test
    void theSameWordsInProseAreStillCaseVariants() {
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "Headers may be renamed as desired, and the Command header is kept.",
                "The display format is usually MMM:SS, but can be shifted to the right.",
                "The time is shown as Mmm dd when the process started before today, as Mmm yyyy after a year.",
                "Show the COMMAND column of each process, and the command name in the COMMAND column.")))
                .containsExactlyInAnyOrder("Command", "MMM");
    }

    @Test
    void anOptionsNameAfterAnArticleIsTheProseNounAgain() {
        // apt-get(8): "a host-architecture" is a thing, not the option --host-architecture
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "-a, --host-architecture",
                "If desired a host-architecture can be specified with the --host-architecture option instead.",
                "The default means that the host architecture is the same as the build architecture.")))
                .hasSize(1);
    }

    @Test
    void aFewWordsInAngleBracketsAreAPlaceholder() {
        assertThat(run(Check.INCONSISTENT_TERMS,
                "--tls13-ciphers <ciphersuite list>",
                "(TLS) Specifies which cipher suites to use. Read up on TLS 1.3 cipher suite details on this page.",
                "--proxy-tls13-ciphers <ciphersuite list>")).isEmpty();
    }

    @Test
    void aWordAfterAngleBracketsIsStillProse() {
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "--tls13-ciphers <list> Specifies which ciphersuite to use.",
                "Read up on TLS 1.3 cipher suite details on this page. Each cipher suite is named.")))
                .containsExactly("ciphersuite");
    }

    @Test
    void theFirstWordAfterAProtocolTagIsASentenceStart() {
        assertThat(run(Check.INCONSISTENT_TERMS,
                "--abstract-unix-socket <path> (HTTP) Connect through an abstract Unix domain socket.",
                "--pass <phrase> (SSH TLS) Pass phrase for the private key.",
                "Use this in CONNECT requests; the proxy answers the CONNECT with 200.",
                "If authenticating with the USER and PASS commands fails, the PASS command is sent again.")).isEmpty();
    }

    @Test
    void aCapitalisedWordInsideASentenceIsStillACaseVariantOfTheMethod() {
        assertThat(quotes(run(Check.INCONSISTENT_TERMS,
                "The proxy must allow the Connect from this host.",
                "Use this in CONNECT requests; the proxy answers the CONNECT with 200.")))
                .containsExactly("Connect");
    }
}
