package dev.docannotator.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docannotator.common.Json;
import org.junit.jupiter.api.Test;

/** Blocks are stored in checkpoints and sent to workers as JSON; a version may meet kinds it does not know. */
class StoredBlockKindTest {

    @Test
    void aKindWrittenByANewerVersionIsReadAsProse() {
        // a checkpoint written by a later release, read after a rollback: the task must still resume
        TextBlock block = Json.read("{\"start\":3,\"end\":9,\"page\":2,\"kind\":\"MARGIN_NOTE\"}", TextBlock.class);

        assertThat(block.kind()).isEqualTo(BlockKind.PROSE);
        assertThat(block.start()).isEqualTo(3);
        assertThat(block.end()).isEqualTo(9);
    }

    @Test
    void everyKnownKindSurvivesTheRoundTrip() {
        for (BlockKind kind : BlockKind.values()) {
            TextBlock block = new TextBlock(0, 4, 1, 2, kind);

            assertThat(Json.read(Json.write(block), TextBlock.class)).isEqualTo(block);
        }
    }
}
