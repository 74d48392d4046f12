package dev.docannotator.rollout;

import org.togglz.core.Feature;
import org.togglz.core.repository.FeatureState;
import org.togglz.core.repository.StateRepository;

/**
 * Togglz's view of the rollout state kept in SQLite: a feature is enabled with the sticky-percentage strategy
 * at the stored percentage (0 % = disabled). Read fresh on every call, so a kill switch holds for the next task.
 * Writes go through {@link RolloutService} only: Togglz's write has no version, and the rollout never loses updates.
 */
public final class RolloutStateRepository implements StateRepository {

    private final RolloutStore store;
    private final String salt;

    public RolloutStateRepository(RolloutStore store, String salt) {
        this.store = store;
        this.salt = salt;
    }

    @Override
    public FeatureState getFeatureState(Feature feature) {
        RolloutState state = store.load(feature.name());
        return new FeatureState(feature, state.percentage() > 0)
                .setStrategyId(StickyPercentageStrategy.ID)
                .setParameter(StickyPercentageStrategy.PARAM_PERCENTAGE, Integer.toString(state.percentage()))
                .setParameter(StickyPercentageStrategy.PARAM_SALT, salt);
    }

    @Override
    public void setFeatureState(FeatureState featureState) {
        throw new UnsupportedOperationException("The rollout of " + featureState.getFeature().name()
                + " is changed through the operator API (/api/admin/rollout), which checks versions and records history.");
    }
}
