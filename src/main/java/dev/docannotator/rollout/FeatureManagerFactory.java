package dev.docannotator.rollout;

import java.util.List;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.manager.FeatureManagerBuilder;
import org.togglz.core.repository.StateRepository;
import org.togglz.core.spi.ActivationStrategy;
import org.togglz.core.user.NoOpUserProvider;

/**
 * Builds the one Togglz FeatureManager: our features, our state repository, only our activation strategy,
 * and no current-user lookup (no servlet filter, no ThreadLocal user: decisions name the user explicitly).
 */
public final class FeatureManagerFactory {

    private FeatureManagerFactory() {
    }

    public static FeatureManager create(StateRepository repository, ActivationStrategy strategy) {
        return FeatureManagerBuilder.begin()
                .name("docannotator")
                .featureEnum(Features.class)
                .stateRepository(repository)
                .userProvider(new NoOpUserProvider())
                .activationStrategyProvider(() -> List.of(strategy))
                .build();
    }
}
