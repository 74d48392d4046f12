package dev.docannotator.document.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;

/**
 * Measures, before PDFBox touches them, how far the streams text extraction decodes would inflate: page content,
 * form XObjects (recursively) and font programs and CMaps. PDFBox decodes each of those into the heap in one piece,
 * so a small file with a decompression bomb inside could otherwise exhaust the server's memory.
 * Measuring streams the decoded bytes through a counter and stops at the limit. Not thread-safe.
 */
final class InflationGuard {
    /** Far beyond any real content stream or font program. */
    static final long MAX_DECODED_STREAM_BYTES = 64L * 1024 * 1024;
    /** A Type 0 font has one level of descendant fonts; anything deeper is malformed. */
    private static final int MAX_FONT_NESTING = 2;

    private final Set<COSBase> checked = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Scratch space for counting raw bytes, reused: one stream or more per page would otherwise allocate 8 KB each. */
    private final byte[] countBuffer = new byte[8192];

    /** Throws {@link InflationException} when a stream the page needs decodes to more than the limit. */
    void check(PDPage page) throws IOException {
        checkStreams(page.getCOSObject().getDictionaryObject(COSName.CONTENTS));
        PDResources pageResources = page.getResources();
        if (pageResources == null) {
            return;
        }
        // forms can nest arbitrarily deep: walk them with a work list rather than recursion
        Deque<COSDictionary> pending = new ArrayDeque<>();
        pending.add(pageResources.getCOSObject());
        while (!pending.isEmpty()) {
            COSDictionary resources = pending.poll();
            if (!checked.add(resources)) {
                continue;
            }
            for (COSBase value : values(resources.getDictionaryObject(COSName.XOBJECT))) {
                if (value instanceof COSStream form && COSName.FORM.equals(form.getCOSName(COSName.SUBTYPE))) {
                    checkStream(form);
                    COSDictionary formResources = form.getCOSDictionary(COSName.RESOURCES);
                    if (formResources != null) {
                        pending.add(formResources);
                    }
                }
            }
            for (COSBase value : values(resources.getDictionaryObject(COSName.FONT))) {
                if (value instanceof COSDictionary font) {
                    checkFont(font, 0);
                }
            }
        }
    }

    /** Every stream of a font dictionary, its descriptor (the font program) and its descendant fonts. */
    private void checkFont(COSDictionary font, int depth) throws IOException {
        if (depth > MAX_FONT_NESTING || !checked.add(font)) {
            return;
        }
        for (COSBase value : values(font)) {
            if (value instanceof COSStream stream) {
                checkStream(stream);
            }
        }
        if (font.getDictionaryObject(COSName.FONT_DESC) instanceof COSDictionary descriptor) {
            for (COSBase value : values(descriptor)) {
                if (value instanceof COSStream stream) {
                    checkStream(stream);
                }
            }
        }
        if (font.getDictionaryObject(COSName.DESCENDANT_FONTS) instanceof COSArray descendants) {
            for (COSBase value : descendants) {
                if (dereference(value) instanceof COSDictionary descendant) {
                    checkFont(descendant, depth + 1);
                }
            }
        }
    }

    private void checkStreams(COSBase contents) throws IOException {
        if (contents instanceof COSStream stream) {
            checkStream(stream);
        } else if (contents instanceof COSArray array) {
            for (COSBase item : array) {
                if (dereference(item) instanceof COSStream stream) {
                    checkStream(stream);
                }
            }
        }
    }

    private void checkStream(COSStream stream) throws IOException {
        if (!checked.add(stream)) {
            return;
        }
        List<COSName> filters = filterNames(stream.getFilters());
        if (filters.isEmpty()) {
            return; // stored as is: no bigger than the file itself
        }
        long ratio = maxExpansion(filters);
        if (ratio > 0 && rawLengthAtMost(stream, MAX_DECODED_STREAM_BYTES / ratio)) {
            return; // too short to decode past the limit: counting its raw bytes is much cheaper than decoding
        }
        try (InputStream raw = stream.createRawInputStream()) {
            InputStream input = raw;
            for (int i = 0; i < filters.size(); i++) {
                boolean last = i == filters.size() - 1;
                CappedOutput output = new CappedOutput(MAX_DECODED_STREAM_BYTES, !last);
                FilterFactory.INSTANCE.getFilter(filters.get(i)).decode(input, output, stream, i);
                input = last ? null : new ByteArrayInputStream(output.bytes());
            }
        } catch (InflationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // A stream that cannot be decoded is not a bomb; PDFBox deals with it leniently (or reports it) itself.
        }
    }

    /**
     * An upper bound of decoded size / raw size for the filter chain, or -1 when a filter has no useful bound
     * (LZW, image filters, unknown names). Deflate cannot expand more than 1032:1 (a 258-byte match in 2 bits);
     * a run-length pair of 2 bytes gives at most 128; an ASCII85 'z' gives 4 bytes; hex halves.
     */
    private static long maxExpansion(List<COSName> filters) {
        long ratio = 1;
        for (COSName filter : filters) {
            long factor;
            if (COSName.FLATE_DECODE.equals(filter) || COSName.FLATE_DECODE_ABBREVIATION.equals(filter)) {
                factor = 1100; // 1032 and a margin
            } else if (COSName.RUN_LENGTH_DECODE.equals(filter) || COSName.RUN_LENGTH_DECODE_ABBREVIATION.equals(filter)) {
                factor = 64;
            } else if (COSName.ASCII85_DECODE.equals(filter) || COSName.ASCII85_DECODE_ABBREVIATION.equals(filter)) {
                factor = 4;
            } else if (COSName.ASCII_HEX_DECODE.equals(filter) || COSName.ASCII_HEX_DECODE_ABBREVIATION.equals(filter)) {
                factor = 1;
            } else {
                return -1;
            }
            ratio *= factor;
            if (ratio > MAX_DECODED_STREAM_BYTES) {
                return -1;
            }
        }
        return ratio;
    }

    /** Whether the stream's encoded bytes number at most {@code limit}, counted rather than taken from /Length. */
    private boolean rawLengthAtMost(COSStream stream, long limit) {
        byte[] buffer = countBuffer;
        long count = 0;
        try (InputStream raw = stream.createRawInputStream()) {
            for (int n = raw.read(buffer); n >= 0 && count <= limit; n = raw.read(buffer)) {
                count += n;
            }
        } catch (IOException e) {
            return false; // let the full check (or PDFBox) deal with it
        }
        return count <= limit;
    }

    private static List<COSName> filterNames(COSBase filters) {
        List<COSName> names = new ArrayList<>();
        if (filters instanceof COSName name) {
            names.add(name);
        } else if (filters instanceof COSArray array) {
            for (COSBase item : array) {
                if (dereference(item) instanceof COSName name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static List<COSBase> values(COSBase dictionary) {
        List<COSBase> values = new ArrayList<>();
        if (dictionary instanceof COSDictionary dict) {
            for (COSName key : dict.keySet()) {
                values.add(dict.getDictionaryObject(key));
            }
        }
        return values;
    }

    private static COSBase dereference(COSBase value) {
        return value instanceof COSObject object ? object.getObject() : value;
    }

    /** A decoded stream went over the limit. */
    static final class InflationException extends IOException {
        InflationException(long limit) {
            super("a stream decodes to more than " + limit + " bytes");
        }
    }

    /** Counts decoded bytes, keeping them only for an intermediate filter stage; fails past the limit. */
    private static final class CappedOutput extends OutputStream {
        private final long limit;
        private final ByteArrayOutputStream kept;
        private long count;

        CappedOutput(long limit, boolean keep) {
            this.limit = limit;
            this.kept = keep ? new ByteArrayOutputStream() : null;
        }

        @Override
        public void write(int b) throws IOException {
            grow(1);
            if (kept != null) {
                kept.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            grow(len);
            if (kept != null) {
                kept.write(b, off, len);
            }
        }

        private void grow(int by) throws InflationException {
            count += by;
            if (count > limit) {
                throw new InflationException(limit);
            }
        }

        byte[] bytes() {
            return kept.toByteArray();
        }
    }
}
