package dev.docannotator.tasks;

/**
 * Task ids are scoped to their identity: two identities may use the same {@code task_id}. A task is stored under
 * the key {@code <user>:<task_id>} (neither part can contain ':'); tasks stored before ids were scoped keep their
 * bare id as their key, and are found by their owner through it.
 */
final class TaskKeys {
    private TaskKeys() {
    }

    static String of(String userId, String taskId) {
        return userId + ":" + taskId;
    }

    /** The id the client knows, from a stored key. */
    static String publicId(String key) {
        return key.substring(key.lastIndexOf(':') + 1);
    }
}
