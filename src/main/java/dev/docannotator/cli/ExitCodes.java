package dev.docannotator.cli;

/** The exit codes of the command line, as the API contract fixes them. */
public final class ExitCodes {
    public static final int DONE = 0;
    public static final int USAGE = 2;
    public static final int REJECTED = 3;
    public static final int FAILED = 4;
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }
}
