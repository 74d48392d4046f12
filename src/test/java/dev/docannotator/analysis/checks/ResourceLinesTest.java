package dev.docannotator.analysis.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResourceLinesTest {

    @Test
    void keepsTrimmedEntriesInOrderAndDropsBlankAndCommentLines() {
        assertThat(ResourceLines.read("checks/resource_lines_sample.txt"))
                .containsExactly("CPU\tcentral processing unit", "PDF", "RCS");
    }

    @Test
    void aMissingResourceIsAPackagingErrorNotAnEmptyList() {
        assertThatThrownBy(() -> ResourceLines.read("checks/no_such_list.txt"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("checks/no_such_list.txt");
    }

    @Test
    void theShippedListsStillLoadEveryEntry() {
        assertThat(ResourceLines.read(WellKnownAbbreviations.LIST)).hasSize(WellKnownAbbreviations.all().size());
        assertThat(ResourceLines.read(WellKnownAbbreviations.DICTIONARY_LIST))
                .hasSize(WellKnownAbbreviations.inDictionaries().size());
        assertThat(new ChineseTyposCheck().size()).isEqualTo(ResourceLines.read("checks/typos_zh.tsv").size());
    }

    @Test
    void theComputingListKeepsEveryUpstreamLineAndReadsTheAcronymsTheCheckCanFlag() {
        // wtf(6)'s acronyms.comp has 1489 data lines; 1293 distinct first fields are 2-6 capitals (GVFS's has spaces)
        assertThat(ResourceLines.read(WellKnownAbbreviations.COMPUTING_LIST)).hasSize(1489);
        assertThat(WellKnownAbbreviations.computing()).hasSize(1293).contains("UID", "GID", "ACL", "LLVM", "KPI", "GVFS")
                .doesNotContain("3WHS", "EdDSA", "W3C", "CSMA/CA");
    }
}
