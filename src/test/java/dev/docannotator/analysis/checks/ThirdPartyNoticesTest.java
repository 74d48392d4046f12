package dev.docannotator.analysis.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * SCOWL's permission notice asks for its copyright and permission notices in every copy of the lists; wtf(6)'s public
 * domain list needs none, but says where it comes from.
 */
class ThirdPartyNoticesTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = ThirdPartyNoticesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name + " on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theScowlDerivedListShipsWithScowlsNoticesBesideIt() throws IOException {
        assertThat(resource(WellKnownAbbreviations.DICTIONARY_LIST)).contains("SCOWL")
                .contains("Copyright 2000-2011 by Kevin Atkinson").contains("checks/SCOWL-LICENSE.txt");
        assertThat(resource("checks/SCOWL-LICENSE.txt"))
                .contains("Copyright 2000-2011 by Kevin Atkinson")
                .contains("Permission to use, copy, modify, distribute and sell these word")
                .contains("12Dicts package and Supplement is in the Public Domain")
                .contains("THIS SOFTWARE IS PROVIDED BY GEOFF KUENNING");
    }

    @Test
    void theComputingListNamesItsSourceVersionAndLicence() throws IOException {
        assertThat(resource(WellKnownAbbreviations.COMPUTING_LIST)).contains("wtf(6)")
                .contains("$NetBSD: acronyms.comp,v 1.193 2018/03/01").contains("bsdgames 2.17-29")
                .contains("Public domain");
    }

    @Test
    void theRepositoryNamesTheNoticeInItsThirdPartyFileAndReadme() throws IOException {
        assertThat(Files.readString(Path.of("THIRD-PARTY-NOTICES.md")))
                .contains("SCOWL").contains("src/main/resources/checks/SCOWL-LICENSE.txt")
                .contains("src/main/resources/checks/computing_acronyms.tsv").contains("wtf(6)");
        assertThat(Files.readString(Path.of("README.md"))).contains("THIRD-PARTY-NOTICES.md").contains("SCOWL-LICENSE.txt");
    }
}
