package dev.docannotator.document.pdf;

import dev.docannotator.document.BlockKind;
import dev.docannotator.document.TextBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the page furniture of a PDF once all its pages are read: blocks at the top or bottom of a page (among its
 * first or last {@value #EDGE} blocks) whose text, digits aside, recurs at the top or bottom of at least half of
 * the pages (at least {@value #MIN_PAGES}) and is short (at most {@value #MAX_CHARS} characters, so that boilerplate
 * paragraphs repeated on every page stay text) — running headers and footers such as {@code 190069T.XXX} or
 * {@code Publication 15 (2024)} — and page numbers ({@code 12}, {@code Page 3 of 10}, {@code - iv -}).
 * Only the text is used, so a resumed read marks the same blocks.
 */
final class PageFurniture {
    static final int EDGE = 2;
    static final int MIN_PAGES = 3;
    static final int MAX_CHARS = 120;
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?iu)(?:page|p\\.|seite|第)?\\s*[-–—]?\\s*(?:\\d{1,4}|[ivxlcdm]{1,7})\\s*[-–—]?"
                    + "\\s*(?:(?:of|/|von|共)\\s*\\d{1,4}\\s*)?(?:页)?");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private PageFurniture() {
    }

    /** Marks the furniture among the blocks of {@code text} (a whole PDF of {@code pageCount} pages). */
    static void mark(TextBuilder text, int pageCount) {
        Map<Integer, List<Integer>> edgesByPage = edgeBlocks(text);
        Map<String, Set<Integer>> pagesByKey = new HashMap<>();
        for (Map.Entry<Integer, List<Integer>> page : edgesByPage.entrySet()) {
            for (int b : page.getValue()) {
                pagesByKey.computeIfAbsent(key(text.blockText(b)), k -> new HashSet<>()).add(page.getKey());
            }
        }
        int needed = Math.max(MIN_PAGES, (pageCount + 1) / 2);
        for (List<Integer> edges : edgesByPage.values()) {
            for (int b : edges) {
                String blockText = text.blockText(b).strip();
                boolean repeated = pageCount >= MIN_PAGES && blockText.length() <= MAX_CHARS
                        && pagesByKey.get(key(blockText)).size() >= needed;
                if (repeated || PAGE_NUMBER.matcher(blockText).matches()) {
                    text.setKind(b, BlockKind.FURNITURE);
                }
            }
        }
    }

    /** For each page, the indexes of its first and last {@link #EDGE} blocks. */
    private static Map<Integer, List<Integer>> edgeBlocks(TextBuilder text) {
        Map<Integer, List<Integer>> byPage = new HashMap<>();
        for (int b = 0; b < text.blockCount(); b++) {
            Integer page = text.block(b).page();
            if (page != null) {
                byPage.computeIfAbsent(page, p -> new ArrayList<>()).add(b);
            }
        }
        Map<Integer, List<Integer>> edges = new HashMap<>();
        byPage.forEach((page, blocks) -> {
            List<Integer> edge = new ArrayList<>();
            for (int i = 0; i < blocks.size(); i++) {
                if (i < EDGE || i >= blocks.size() - EDGE) {
                    edge.add(blocks.get(i));
                }
            }
            edges.put(page, edge);
        });
        return edges;
    }

    private static String key(String blockText) {
        String digitless = DIGITS.matcher(blockText.toLowerCase(Locale.ROOT)).replaceAll("#");
        return SPACES.matcher(digitless).replaceAll(" ").strip();
    }
}
