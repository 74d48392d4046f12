package dev.docannotator.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.common.Json;
import org.junit.jupiter.api.Test;

class TextBuilderTest {

    @Test
    void blocksKeepTheirKindThroughACheckpointAndOldCheckpointsReadAsProse() {
        TextBuilder builder = new TextBuilder();
        builder.append("Annual Report 2024", 1, 1, BlockKind.HEADING);
        builder.append("Revenue grew in every region.", 1, 2);
        builder.append("Page 1", 1, 3);
        builder.setKind(2, BlockKind.FURNITURE);
        ExtractedText text = builder.build();

        ExtractedText again = Json.read(Json.write(text), ExtractedText.class);
        ExtractedText old = Json.read("{\"text\":\"ab\",\"blocks\":[{\"start\":0,\"end\":2,\"page\":null,\"paragraph\":1}]}",
                ExtractedText.class);

        assertThat(again).isEqualTo(text);
        assertThat(again.blocks()).extracting(TextBlock::kind)
                .containsExactly(BlockKind.HEADING, BlockKind.PROSE, BlockKind.FURNITURE);
        assertThat(old.blocks().get(0).kind()).isEqualTo(BlockKind.PROSE);
    }
}
