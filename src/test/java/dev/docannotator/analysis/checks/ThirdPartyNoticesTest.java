package dev.docannotator.analysis.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** SCOWL's permission notice asks for its copyright and permission notices in every copy of the lists. */
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
    void theRepositoryNamesTheNoticeInItsThirdPartyFileAndReadme() throws IOException {
        assertThat(Files.readString(Path.of("THIRD-PARTY-NOTICES.md")))
                .contains("SCOWL").contains("src/main/resources/checks/SCOWL-LICENSE.txt");
        assertThat(Files.readString(Path.of("README.md"))).contains("THIRD-PARTY-NOTICES.md").contains("SCOWL-LICENSE.txt");
    }
}
