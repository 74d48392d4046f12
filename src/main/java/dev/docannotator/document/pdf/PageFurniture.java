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
 * {@code Publication 15 (2024)} — and page numbers ({@code 12}, {@code Page 3 of 10}, {@code - iv -}). Two rules catch
 * what "half of the pages" cannot: in a document of two pages, a short line at the same edge of both; and a chapter's
 * running head, the first block of at least {@value #MIN_PAGES} pages in a row ({@code How to use bzip2} on five
 * pages of a forty-page manual). That rule keeps digits, all but a page number at the head's edge ({@code 17 GNU bzip2
 * manual}, {@code Chapter 2 · 17}): numbered headings that open pages in a row ({@code Exercise 1}, {@code Exercise 2},
 * {@code Exercise 3}) are text. Only the text is used, so a resumed read marks the same blocks.
 */
final class PageFurniture {
    static final int EDGE = 2;
    static final int MIN_PAGES = 3;
    static final int MAX_CHARS = 120;
    /** The two-page and chapter-head rules see fewer repeats, so they take only a line: a title, not a sentence. */
    static final int MAX_SHORT_CHARS = 60;
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?iu)(?:page|p\\.|seite|第)?\\s*[-–—]?\\s*(?:\\d{1,4}|[ivxlcdm]{1,7})\\s*[-–—]?"
                    + "\\s*(?:(?:of|/|von|共)\\s*\\d{1,4}\\s*)?(?:页)?");
    /**
     * A page number at a running head's edge: first, before the title ({@code 17 GNU bzip2 manual}), or last, set
     * apart by a dash, a dot or a bar after a space, or by a wide space ({@code Chapter 2 · 17}). A number after one
     * plain space ({@code Exercise 3}) is the heading's own.
     */
    private static final Pattern HEAD_PAGE_NUMBER = Pattern.compile(
            "^\\d{1,4}(?=\\s+\\S)|(?<=\\s[-–—·•|]|\\s\\s)\\s*\\d{1,4}$");

    private PageFurniture() {
    }

    /** Marks the furniture among the blocks of {@code text} (a whole PDF of {@code pageCount} pages). */
    static void mark(TextBuilder text, int pageCount) {
        Map<Integer, List<Integer>> edgesByPage = new HashMap<>();
        blocksByPage(text).forEach((page, blocks) -> edgesByPage.put(page, edges(blocks)));
        Map<String, Set<Integer>> pagesByKey = new HashMap<>();
        Map<String, Set<Integer>> topsByKey = new HashMap<>();
        Map<String, Set<Integer>> bottomsByKey = new HashMap<>();
        Map<String, Set<Integer>> pagesByHeadKey = new HashMap<>();
        Map<Integer, String> headKeyOfPage = new HashMap<>();
        // keys of the edge blocks only, each computed once: the blocks between them never take part
        Map<Integer, String> keyOfBlock = new HashMap<>();
        for (Map.Entry<Integer, List<Integer>> page : edgesByPage.entrySet()) {
            // the edges keep the page's order: its first EDGE blocks are the top, its last EDGE the bottom
            List<Integer> edges = page.getValue();
            for (int i = 0; i < edges.size(); i++) {
                String key = keyOfBlock.computeIfAbsent(edges.get(i), b -> key(text.blockText(b)));
                pagesByKey.computeIfAbsent(key, k -> new HashSet<>()).add(page.getKey());
                if (i < EDGE) {
                    topsByKey.computeIfAbsent(key, k -> new HashSet<>()).add(page.getKey());
                }
                if (i >= edges.size() - EDGE) {
                    bottomsByKey.computeIfAbsent(key, k -> new HashSet<>()).add(page.getKey());
                }
            }
            String headKey = headKey(text.blockText(edges.get(0)));
            headKeyOfPage.put(page.getKey(), headKey);
            pagesByHeadKey.computeIfAbsent(headKey, k -> new HashSet<>()).add(page.getKey());
        }
        int needed = Math.max(MIN_PAGES, (pageCount + 1) / 2);
        for (Map.Entry<Integer, List<Integer>> page : edgesByPage.entrySet()) {
            List<Integer> edges = page.getValue();
            for (int b : edges) {
                String blockText = text.blockText(b).strip();
                // key() strips too, so the stripped text has the key computed above
                String key = keyOfBlock.get(b);
                boolean repeated = pageCount >= MIN_PAGES && blockText.length() <= MAX_CHARS
                        && pagesByKey.get(key).size() >= needed;
                boolean bothPages = pageCount == 2 && blockText.length() <= MAX_SHORT_CHARS
                        && (topsByKey.getOrDefault(key, Set.of()).size() == 2
                                || bottomsByKey.getOrDefault(key, Set.of()).size() == 2);
                boolean chapterHead = b == edges.get(0) && blockText.length() <= MAX_SHORT_CHARS
                        && inRun(pagesByHeadKey.get(headKeyOfPage.get(page.getKey())), page.getKey());
                if (repeated || bothPages || chapterHead || PAGE_NUMBER.matcher(blockText).matches()) {
                    text.setKind(b, BlockKind.FURNITURE);
                }
            }
        }
    }

    /** Whether {@code page} is one of at least {@value #MIN_PAGES} consecutive pages in {@code pages}. */
    private static boolean inRun(Set<Integer> pages, int page) {
        // looking no further than a run's length each way keeps a head on every page from costing pages² steps
        int from = page;
        while (page - from < MIN_PAGES - 1 && pages.contains(from - 1)) {
            from--;
        }
        int to = page;
        while (to - page < MIN_PAGES - 1 && pages.contains(to + 1)) {
            to++;
        }
        return to - from + 1 >= MIN_PAGES;
    }

    /** For each page, the indexes of its blocks in order. */
    private static Map<Integer, List<Integer>> blocksByPage(TextBuilder text) {
        Map<Integer, List<Integer>> byPage = new HashMap<>();
        for (int b = 0; b < text.blockCount(); b++) {
            Integer page = text.block(b).page();
            if (page != null) {
                byPage.computeIfAbsent(page, p -> new ArrayList<>()).add(b);
            }
        }
        return byPage;
    }

    /** A page's first and last {@link #EDGE} blocks. */
    private static List<Integer> edges(List<Integer> blocks) {
        List<Integer> edge = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (i < EDGE || i >= blocks.size() - EDGE) {
                edge.add(blocks.get(i));
            }
        }
        return edge;
    }

    /** The key of a page's first block for the chapter-head rule: digits kept, but a page number at its edge. */
    private static String headKey(String blockText) {
        return key(HEAD_PAGE_NUMBER.matcher(blockText.strip()).replaceAll("#"), false);
    }

    private static String key(String blockText) {
        return key(blockText, true);
    }

    /**
     * The text lower-cased, each run of ASCII digits as {@code #} (when {@code digitsAside}) and each run of ASCII
     * whitespace ({@code \s}) as one space, stripped: in one pass, as two regex replacements per block showed in the
     * read profile.
     */
    private static String key(String blockText, boolean digitsAside) {
        String lower = blockText.toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean digit = digitsAside && isDigit(c);
            boolean space = isSpace(c);
            if (digit || space) {
                key.append(digit ? '#' : ' ');
                while (i + 1 < lower.length() && (digit ? isDigit(lower.charAt(i + 1)) : isSpace(lower.charAt(i + 1)))) {
                    i++;
                }
            } else {
                key.append(c);
            }
        }
        return key.toString().strip();
    }

    /** {@code \d} without flags: ASCII digits only. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code \s} without flags: ASCII whitespace only. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
