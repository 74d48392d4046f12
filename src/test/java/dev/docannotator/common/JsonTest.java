package dev.docannotator.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void bufferReleasedOnOneThreadIsReusedByAnotherInsteadOfStayingWithTheThread() throws Exception {
        RecyclerPool<BufferRecycler> pool = Json.mapper().getFactory()._getRecyclerPool();
        // Take out what earlier serialisations left in the pool, so the next acquire can only be the one released.
        List<BufferRecycler> earlier = new ArrayList<>();
        while (pool.pooledCount() > 0) {
            earlier.add(pool.acquireAndLinkPooled());
        }
        AtomicReference<BufferRecycler> released = new AtomicReference<>();
        Thread first = new Thread(() -> {
            BufferRecycler recycler = pool.acquireAndLinkPooled();
            released.set(recycler);
            recycler.releaseToPool();
        });
        first.start();
        first.join();
        AtomicReference<BufferRecycler> reused = new AtomicReference<>();
        Thread second = new Thread(() -> reused.set(pool.acquireAndLinkPooled()));
        second.start();
        second.join();
        reused.get().releaseToPool();
        earlier.forEach(BufferRecycler::releaseToPool);

        assertThat(reused.get()).isSameAs(released.get());
    }

    @Test
    void writesSnakeCaseWithoutNulls() {
        record Sample(String documentId, String missing) {
        }

        assertThat(Json.write(new Sample("d1", null))).isEqualTo("{\"document_id\":\"d1\"}");
    }

    enum Colour { RED, GREEN }

    record Paint(Colour colour) {
    }

    @Test
    void anEnumThatNamesNoDefaultStillRefusesAnUnknownValue() {
        // only enums marked @JsonEnumDefaultValue (a stored block's kind) read unknown values as their default
        assertThat(Json.read("{\"colour\":\"GREEN\"}", Paint.class).colour()).isEqualTo(Colour.GREEN);
        assertThatThrownBy(() -> Json.read("{\"colour\":\"BLUE\"}", Paint.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
