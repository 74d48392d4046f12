package dev.docannotator.analysis.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads the streamed answer {@code {"findings": [{...}, {...}]}} as it arrives and hands out each finding as soon
 * as its object is closed, so that findings stream before the window's answer ends. {@link #finish()} then judges
 * the whole answer. Tolerates text or a code fence around the object (models do that despite the schema).
 */
final class FindingsScanner {
    /** How the whole answer turned out. */
    enum Outcome { COMPLETE, EMPTY, TRUNCATED, MALFORMED, IGNORED_SCHEMA }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringBuilder text = new StringBuilder();
    private final Deque<Character> stack = new ArrayDeque<>();
    private int scanned;
    private boolean inString;
    private boolean escaped;
    private int stringStart = -1;
    private String lastTopLevelString;
    private boolean inFindingsArray;
    private int objectStart = -1;
    private int findingsSeen;

    /** Adds a chunk of the answer; returns the findings whose objects it completed. */
    List<ModelFinding> feed(String chunk) {
        text.append(chunk);
        List<ModelFinding> complete = new ArrayList<>();
        for (; scanned < text.length(); scanned++) {
            char c = text.charAt(scanned);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                    if (stack.size() == 1) {
                        lastTopLevelString = text.substring(stringStart + 1, scanned);
                    }
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (!stack.isEmpty()) {
                        inString = true;
                        stringStart = scanned;
                    }
                }
                case '{' -> {
                    stack.push('{');
                    if (stack.size() == 3 && inFindingsArray) {
                        objectStart = scanned;
                    }
                }
                case '[' -> {
                    if (!stack.isEmpty()) {
                        stack.push('[');
                        if (stack.size() == 2) {
                            inFindingsArray = "findings".equals(lastTopLevelString);
                        }
                    }
                }
                case '}', ']' -> {
                    if (!stack.isEmpty()) {
                        stack.pop();
                        if (c == '}' && stack.size() == 2 && objectStart >= 0) {
                            ModelFinding finding = parse(text.substring(objectStart, scanned + 1));
                            objectStart = -1;
                            if (finding != null) {
                                findingsSeen++;
                                complete.add(finding);
                            }
                        } else if (c == ']' && stack.size() == 1) {
                            inFindingsArray = false;
                        }
                    }
                }
                default -> {
                    // separators, literals and whatever text a model puts around the object
                }
            }
        }
        return complete;
    }

    /** Judges the whole answer once it has ended. */
    Outcome finish() {
        String all = text.toString().strip();
        if (all.isEmpty()) {
            return Outcome.EMPTY;
        }
        int first = all.indexOf('{');
        int last = all.lastIndexOf('}');
        if (first < 0) {
            return Outcome.IGNORED_SCHEMA;
        }
        if (!stack.isEmpty() || inString) {
            return Outcome.TRUNCATED;
        }
        JsonNode root;
        try {
            root = JSON.readTree(all.substring(first, last + 1));
        } catch (Exception e) {
            return Outcome.MALFORMED;
        }
        JsonNode findings = root.get("findings");
        if (findings == null || !findings.isArray()) {
            return Outcome.IGNORED_SCHEMA;
        }
        return Outcome.COMPLETE;
    }

    int findingsSeen() {
        return findingsSeen;
    }

    private static ModelFinding parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            String quote = string(node, "quote");
            if (quote == null || quote.isBlank()) {
                return null;
            }
            return new ModelFinding(quote, string(node, "category"), string(node, "severity"),
                    string(node, "message"), string(node, "suggestion"));
        } catch (Exception e) {
            return null;
        }
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
