package dev.docannotator.document.text;

import dev.docannotator.analysis.Annotation;
import dev.docannotator.document.ApplySession;
import dev.docannotator.document.ExtractedText;
import dev.docannotator.document.ReviewTexts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * Writes a self-contained HTML review page: the document's source text, as written (its lines, blank lines and
 * Markdown syntax), with every annotated span highlighted and linked to its note. Annotations index the extracted
 * text; the {@link SourceMap} places them on the source characters. Overlapping spans are cut into segments, each
 * marked with every annotation covering it.
 */
final class HtmlReviewSession implements ApplySession {
    private final String title;
    private final ExtractedText text;
    private final String source;
    private final SourceMap map;
    private final ReviewTexts texts;
    private final List<Annotation> annotations = new ArrayList<>();
    private final List<Span> spans = new ArrayList<>();

    /** An annotation placed on the source: {@code [start, end)} of the source text. */
    private record Span(int start, int end, Annotation annotation) {
        String id() {
            return annotation.id();
        }
    }

    HtmlReviewSession(String title, ExtractedText text, String source, SourceMap map, ReviewTexts texts) {
        this.title = title;
        this.text = text;
        this.source = source;
        this.map = map;
        this.texts = texts;
    }

    @Override
    public void apply(List<Annotation> batch) {
        for (Annotation a : batch) {
            if (a.start() < 0 || a.end() > text.text().length() || a.start() >= a.end()
                    || !text.text().substring(a.start(), a.end()).equals(a.quote())) {
                throw new IllegalArgumentException("Annotation " + a.id() + " does not match the document text");
            }
            annotations.add(a);
            spans.add(new Span(map.sourceStart(a.start()), map.sourceEnd(a.end()), a));
        }
    }

    @Override
    public void save(Path out) {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writePage(w);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the review page", e);
        }
    }

    private void writePage(Writer w) throws IOException {
        w.write("<!DOCTYPE html>\n<html lang=\"" + texts.language().tag() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CONTENT_SECURITY_POLICY + "\">"
                + "<meta name=\"generator\" content=\"DocAnnotator\"><title>");
        w.write(escape(texts.page("title", title)));
        w.write("</title><style>" + STYLE + "</style></head><body><header><h1>");
        w.write(escape(title));
        w.write("</h1><p>" + escape(texts.page("count", annotations.size())) + "</p></header><main><pre class=\"doc\">");
        writeText(w);
        w.write("</pre><aside><h2>" + escape(texts.page("notes")) + "</h2><ol class=\"notes\">");
        for (Annotation a : annotations) {
            w.write("<li id=\"note-" + escape(a.id()) + "\" class=\"sev-" + escape(a.severity()) + "\">");
            w.write("<a href=\"#" + escape(a.id()) + "\">“" + escape(a.quote()) + "”</a> ");
            w.write("<span class=\"cat\">" + escape(texts.category(a.category())) + " · " + escape(texts.severity(a.severity()))
                    + "</span>");
            w.write("<p>" + escape(a.message()) + "</p>");
            if (a.suggestion() != null && !a.suggestion().isBlank()) {
                w.write("<p class=\"sugg\">" + escape(texts.suggestion(a.suggestion())) + "</p>");
            }
            w.write("</li>");
        }
        w.write("</ol></aside></main></body></html>\n");
    }

    /**
     * Cuts the text at every span boundary and marks each segment with the annotations covering it. A sweep over
     * the cuts keeps the open spans in a queue ordered by end, so the page is written in O(n log n), not O(n²).
     */
    private void writeText(Writer w) throws IOException {
        String content = source;
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, content.length()));
        for (Span span : spans) {
            cuts.add(span.start());
            cuts.add(span.end());
        }
        List<Span> byStart = new ArrayList<>(spans);
        byStart.sort(Comparator.comparingInt(Span::start));
        PriorityQueue<Span> open = new PriorityQueue<>(Comparator.comparingInt(Span::end));
        TreeSet<String> anchored = new TreeSet<>();
        int next = 0;
        Integer from = cuts.first();
        for (Integer to : cuts.tailSet(from, false)) {
            while (next < byStart.size() && byStart.get(next).start() <= from) {
                open.add(byStart.get(next++));
            }
            while (!open.isEmpty() && open.peek().end() <= from) {
                open.poll();
            }
            String segment = escape(content.substring(from, to));
            if (open.isEmpty()) {
                w.write(segment);
            } else {
                List<Span> covering = new ArrayList<>(open);
                covering.sort(Comparator.comparingInt(Span::start).thenComparing(Span::id));
                writeMark(w, covering, anchored, segment);
            }
            from = to;
        }
    }

    /** Every annotation gets an anchor where it starts; the mark links to the narrowest annotation covering it. */
    private static void writeMark(Writer w, List<Span> covering, TreeSet<String> anchored, String segment)
            throws IOException {
        StringBuilder tip = new StringBuilder();
        String severity = "info";
        Span narrowest = covering.get(0);
        for (Span span : covering) {
            Annotation a = span.annotation();
            if (anchored.add(a.id())) {
                w.write("<span class=\"anchor\" id=\"" + escape(a.id()) + "\"></span>");
            }
            if (tip.length() > 0) {
                tip.append('\n');
            }
            tip.append(a.message());
            severity = worse(severity, a.severity());
            if (span.end() - span.start() < narrowest.end() - narrowest.start()) {
                narrowest = span;
            }
        }
        w.write("<a class=\"mark sev-" + escape(severity) + "\" href=\"#note-" + escape(narrowest.id())
                + "\" title=\"" + escape(tip.toString()) + "\">" + segment + "</a>");
    }

    private static String worse(String a, String b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(String severity) {
        return switch (severity) {
            case "error" -> 2;
            case "warning" -> 1;
            default -> 0;
        };
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        annotations.clear();
        spans.clear();
    }

    /**
     * The page's own policy, since it is opened from disk with no server to send one: no script at all, no
     * resource from anywhere; only its own inline style, allowed by hash (so an injected style is refused too).
     */
    static final String CONTENT_SECURITY_POLICY;

    private static final String STYLE = """
            body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC",sans-serif;color:#1f2933;background:#f7f8fa}
            header{padding:1rem 1.5rem;background:#fff;border-bottom:1px solid #e1e4e8}h1{margin:0;font-size:1.25rem}
            header p{margin:.25rem 0 0;color:#52606d}main{display:flex;flex-wrap:wrap;gap:1.5rem;padding:1.5rem}
            .doc{flex:3 1 28rem;min-width:0;margin:0;padding:1rem;background:#fff;border:1px solid #e1e4e8;border-radius:6px;white-space:pre-wrap;overflow-wrap:anywhere;font:inherit}
            aside{flex:2 1 18rem;min-width:0}h2{font-size:1rem;margin:0 0 .5rem}.notes{padding-left:1.5rem}
            .notes li{margin-bottom:.75rem;background:#fff;border:1px solid #e1e4e8;border-radius:6px;padding:.5rem .75rem}
            .notes p{margin:.25rem 0}.cat{color:#52606d;font-size:.85rem}.sugg{color:#0b6e4f}
            .mark{color:inherit;text-decoration:none;border-bottom:2px solid;background:#fff3bf}
            .mark.sev-warning{background:#ffe8cc;border-color:#e8590c}.mark.sev-error{background:#ffe3e3;border-color:#c92a2a}
            .mark.sev-info{background:#e7f5ff;border-color:#1c7ed6}:target{outline:3px solid #5c7cfa}
            """;

    static {
        CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; img-src data:; "
                + "base-uri 'none'; form-action 'none'";
    }

    private static String sha256(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + java.util.Base64.getEncoder().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
