package dev.docannotator.rollout;

/**
 * Decides a feature for one identity. Called once per task at its start (the decision is carried by the task),
 * never through a ThreadLocal user.
 */
@FunctionalInterface
public interface FeatureDecider {

    boolean isEnabled(Features feature, String userId);

    /** Every feature on for everyone: for tests and for installations without a rollout. */
    FeatureDecider ALL_ON = (feature, userId) -> true;
}
