package dev.docannotator.rollout;

/** An operator's rollout request is missing or has an out-of-range field; the message names it (HTTP maps it to 400). */
public final class InvalidRolloutRequestException extends RuntimeException {

    public InvalidRolloutRequestException(String message) {
        super(message);
    }
}
