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

    @Test
    void whatWasNotReadSurvivesACheckpointAndAResumedBuilderAndOldCheckpointsHaveNone() {
        TextBuilder builder = new TextBuilder();
        builder.addUnread(java.util.List.of(UnreadContent.TEXT_BOXES, UnreadContent.HEADERS_AND_FOOTERS));
        builder.addUnread(java.util.List.of(UnreadContent.TEXT_BOXES));
        builder.append("Body.", null, 1);
        ExtractedText text = builder.build();

        ExtractedText again = Json.read(Json.write(text), ExtractedText.class);
        TextBuilder resumed = new TextBuilder(again);
        resumed.append("Footnote.", null, 2, BlockKind.NOTE);
        ExtractedText old = Json.read("{\"text\":\"ab\",\"blocks\":[{\"start\":0,\"end\":2,\"paragraph\":1}]}",
                ExtractedText.class);

        assertThat(text.unread()).containsExactly(UnreadContent.HEADERS_AND_FOOTERS, UnreadContent.TEXT_BOXES);
        assertThat(again).isEqualTo(text);
        assertThat(resumed.build().unread()).isEqualTo(text.unread());
        assertThat(old.unread()).isEmpty();
    }
}
