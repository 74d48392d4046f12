package dev.docannotator.rollout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.togglz.core.activation.Parameter;
import org.togglz.core.activation.ParameterBuilder;
import org.togglz.core.repository.FeatureState;
import org.togglz.core.spi.ActivationStrategy;
import org.togglz.core.user.FeatureUser;

/**
 * Enables a feature for a fixed share of users: SHA-256 of {@code salt:feature:user} gives each user a bucket
 * 0..9999 per feature, and the user is in iff bucket &lt; percentage × 100. Unlike Togglz's "gradual" strategy
 * (String.hashCode) the buckets of different features are independent, and raising the percentage only adds users.
 */
public final class StickyPercentageStrategy implements ActivationStrategy {

    public static final String ID = "sticky-percentage";
    public static final String PARAM_PERCENTAGE = "percentage";
    public static final String PARAM_SALT = "salt";
    /** Buckets per feature: basis points, so percentages could later be fractional without re-bucketing anyone. */
    public static final int BUCKETS = 10_000;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getName() {
        return "Sticky percentage (SHA-256 of salt, feature and user)";
    }

    @Override
    public boolean isActive(FeatureState state, FeatureUser user) {
        if (user == null || user.getName() == null || user.getName().isEmpty()) {
            return false; // no identity, no bucket: never enrol anonymously
        }
        int percentage = parsePercentage(state.getParameter(PARAM_PERCENTAGE));
        String salt = state.getParameter(PARAM_SALT);
        return isEnrolled(salt == null ? "" : salt, state.getFeature().name(), user.getName(), percentage);
    }

    /** Whether {@code userId} is in at {@code percentage} (0–100) for {@code feature}. */
    public static boolean isEnrolled(String salt, String feature, String userId, int percentage) {
        return bucket(salt, feature, userId) < percentage * (BUCKETS / 100);
    }

    /** The user's bucket 0..9999 for this feature and salt. */
    public static int bucket(String salt, String feature, String userId) {
        byte[] digest = sha256().digest((salt + ":" + feature + ":" + userId).getBytes(StandardCharsets.UTF_8));
        long first64 = ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        return (int) Long.remainderUnsigned(first64, BUCKETS);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256"); // a new digest per call: MessageDigest is not thread-safe
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static int parsePercentage(String value) {
        if (value == null) {
            return 0;
        }
        try {
            int percentage = Integer.parseInt(value.trim());
            return Math.max(0, Math.min(100, percentage));
        } catch (NumberFormatException e) {
            return 0; // a corrupt state enrols nobody rather than everybody
        }
    }

    @Override
    public Parameter[] getParameters() {
        return new Parameter[] {
            ParameterBuilder.create(PARAM_PERCENTAGE).label("Percentage")
                    .matching("\\d{1,2}|100").description("Share of users (0–100) who get the feature."),
            ParameterBuilder.create(PARAM_SALT).label("Salt").optional()
                    .description("Mixed into the hash; changing it reshuffles every user.")
        };
    }
}
