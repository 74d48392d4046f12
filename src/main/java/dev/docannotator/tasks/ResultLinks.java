package dev.docannotator.tasks;

/**
 * Where a completed task's annotated document and its annotations are served, as its {@code result} event names
 * them. Given by the HTTP layer, which owns the routes: nothing in {@code tasks} knows a URL.
 */
public interface ResultLinks {
    String document(String taskId);

    String annotations(String taskId);
}
