package dev.docannotator.rollout;

import org.togglz.core.manager.FeatureManager;
import org.togglz.core.repository.FeatureState;
import org.togglz.core.spi.ActivationStrategy;
import org.togglz.core.user.SimpleFeatureUser;

/**
 * Decides a feature for a named user by asking the feature's activation strategy with the current state:
 * the caller decides once per task and carries the result, so worker and stream threads need no user context.
 */
public final class TogglzFeatureDecider implements FeatureDecider {

    private final FeatureManager manager;

    public TogglzFeatureDecider(FeatureManager manager) {
        this.manager = manager;
    }

    @Override
    public boolean isEnabled(Features feature, String userId) {
        if (userId == null || userId.isBlank()) {
            return false;
        }
        FeatureState state = manager.getFeatureState(feature);
        if (state == null || !state.isEnabled()) {
            return false;
        }
        String strategyId = state.getStrategyId();
        if (strategyId == null || strategyId.isEmpty()) {
            return true; // enabled without a strategy means on for everyone, as in Togglz itself
        }
        for (ActivationStrategy strategy : manager.getActivationStrategies()) {
            if (strategy.getId().equalsIgnoreCase(strategyId)) {
                return strategy.isActive(state, new SimpleFeatureUser(userId));
            }
        }
        return false; // an unknown strategy enrols nobody
    }
}
