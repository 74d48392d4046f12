package dev.docannotator.rollout;

import org.togglz.core.Feature;
import org.togglz.core.annotation.Label;

/** The features under Togglz control. */
public enum Features implements Feature {
    @Label("Pausable streaming: the pause button, cancel and resume of running tasks")
    PAUSABLE_STREAMING
}
