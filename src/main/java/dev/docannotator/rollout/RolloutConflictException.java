package dev.docannotator.rollout;

/** A rollout write was refused (stale version, frozen, gate or soak says no): nothing changed (HTTP maps it to 409). */
public final class RolloutConflictException extends RuntimeException {

    public RolloutConflictException(String message) {
        super(message);
    }
}
