package dev.docannotator.rollout;

import dev.docannotator.http.ApiException;

/** A rollout write was refused (stale version, frozen, gate or soak says no): 409 conflict, nothing changed. */
public final class RolloutConflictException extends ApiException {

    public RolloutConflictException(String message) {
        super(409, "conflict", message);
    }
}
