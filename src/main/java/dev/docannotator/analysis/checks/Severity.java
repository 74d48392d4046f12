package dev.docannotator.analysis.checks;

/** How much a finding matters; the id is what annotations carry. */
public enum Severity {
    INFO("info"), WARNING("warning"), ERROR("error");

    private final String id;

    Severity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
