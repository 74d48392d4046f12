package dev.docannotator.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GenreTest {

    @Test
    void aLicenceIsLegalAndAReadmeIsNot() {
        String licence = "The Licensor hereby grants the Licensee a licence, subject to Section 4; the Licensee shall "
                + "indemnify the Licensor. ".repeat(10) + "The warranty is disclaimed. ".repeat(5);
        String readme = "Install the package, run the tool and read the manual before you change the settings. ".repeat(10);

        assertThat(Genre.of(licence)).isEqualTo(Genre.LEGAL);
        assertThat(Genre.of(readme)).isEqualTo(Genre.GENERAL);
    }

    @Test
    void countsTheMarkersAScanOfEveryPositionWouldCount() {
        String[] pieces = {"shall", "Shall", "hereby", "licence", "licensed", "license", "warranties", "section",
            "Section 12", " ", "  ", "\n", "_", "a", "9", "x", ".", "-", "§", "本法", "第十条", "第", "应当", "甲方", "乙方",
            "违约", "本", "indemnification", "ish", "pre", "é", "statutory", "regulation", "liabilities"};
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(25);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = text.toString();
            assertThat(Genre.countMarkers(s)).as(s).isEqualTo(Genre.countMarkersByFind(s));
        }
    }

    @Test
    void aManualPageIsKnownByItsSectionHeadingsInEitherLanguage() {
        String manual = "TAR(1)    GNU TAR Manual    TAR(1)\nNAME\n       tar - an archiving utility\nSYNOPSIS\n"
                + "       tar -c [-f ARCHIVE] [OPTIONS] [FILE...]\nDESCRIPTION\n       GNU tar saves many files together.";
        String chinese = "PASSWD(1)    用户命令    PASSWD(1)\n名称\n       passwd - 更改用户密码\n大纲\n       passwd [选项] [LOGIN]\n"
                + "描述\n       passwd 命令更改用户账户的密码。";
        String readme = "NAME of the project is chosen later.\nThe DESCRIPTION field of the form is optional.";

        assertThat(Genre.of(manual)).isEqualTo(Genre.MANUAL);
        assertThat(Genre.of(chinese)).isEqualTo(Genre.MANUAL);
        assertThat(Genre.of(readme)).isEqualTo(Genre.GENERAL);
    }
}
