package dev.docannotator.storage;

/** The database or the data directory failed; maps to 500 internal_error. */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
