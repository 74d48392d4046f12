package dev.docannotator.cli;

import java.io.PrintStream;

/**
 * Shows progress on stderr: a redrawn bar when stderr is a terminal, one plain line per change otherwise
 * (so logs of scripts and CI stay readable).
 */
public final class ProgressPrinter {
    private static final int BAR_WIDTH = 30;
    private final PrintStream out;
    private final boolean terminal;
    private String lastLine = "";
    private boolean barOpen;

    public ProgressPrinter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A bar when {@code out} is the process's stderr and that is a terminal; plain lines otherwise. */
    public static ProgressPrinter forStream(PrintStream out) {
        boolean terminal = out == System.err && System.console() != null && System.getenv("TERM") != null
                && !"dumb".equals(System.getenv("TERM"));
        return new ProgressPrinter(out, terminal);
    }

    public synchronized void progress(String stage, int percent, String message, String detail) {
        String text = message + (detail == null || detail.isBlank() ? "" : " — " + detail);
        if (terminal) {
            int filled = BAR_WIDTH * Math.max(0, Math.min(100, percent)) / 100;
            String bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
            out.print("\r\033[K[" + bar + "] " + String.format("%3d%%", percent) + " " + stage + ": " + text);
            out.flush();
            barOpen = true;
        } else {
            String line = String.format("[%s %3d%%] %s", stage, percent, text);
            if (!line.equals(lastLine)) {
                out.println(line);
                lastLine = line;
            }
        }
    }

    /** Prints a line of its own, ending the bar first so the two do not overwrite each other. */
    public synchronized void line(String text) {
        if (barOpen) {
            out.println();
            barOpen = false;
        }
        out.println(text);
    }

    public synchronized void finish() {
        if (barOpen) {
            out.println();
            barOpen = false;
        }
    }
}
