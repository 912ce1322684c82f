package io.demandcast.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;

/**
 * One inventory policy the backtest simulates ({@code evaluate.policies}): an order-up-to level set at
 * each window's cutoff to reach a target over the protection interval of {@code lead_time + review}
 * periods. Exactly one target: a cycle service level {@code service_level} (the chance that a cycle
 * ends without a stockout) or a fill rate {@code fill_rate} (the share of demand served from stock).
 *
 * @param serviceLevel target cycle service level alpha, in (0, 1)
 * @param fillRate     target fill rate beta, in (0, 1)
 * @param leadTime     periods from ordering to receiving, {@code >= 1}
 * @param review       periods between reviews (0 = continuous review, the default)
 */
public record ServicePolicy(@JsonInclude(JsonInclude.Include.NON_NULL) Double serviceLevel,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Double fillRate,
                            Integer leadTime, Integer review) {

    public ServicePolicy {
        if ((serviceLevel == null) == (fillRate == null)) {
            throw new IllegalArgumentException("a policy needs exactly one target: service_level (cycle service level) or fill_rate"
                    + (serviceLevel == null ? "" : " (got both)"));
        }
        double target = serviceLevel != null ? serviceLevel : fillRate;
        String key = serviceLevel != null ? "service_level" : "fill_rate";
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException(key + " must lie in (0, 1), e.g. 0.95 (got " + target + ")");
        }
        if (leadTime == null) {
            throw new IllegalArgumentException("a policy needs lead_time (periods from ordering to receiving, >= 1)");
        }
        if (leadTime < 1) {
            throw new IllegalArgumentException("lead_time must be >= 1 period (got " + leadTime + ")");
        }
        review = review == null ? 0 : review;
        if (review < 0) {
            throw new IllegalArgumentException("review must be >= 0 periods (got " + review + "; 0 = continuous review)");
        }
        if (leadTime + (long) review > ConfigBounds.MAX_HORIZON) {
            throw new IllegalArgumentException("lead_time + review must be <= " + ConfigBounds.MAX_HORIZON + " periods (got "
                    + (leadTime + (long) review) + ")");
        }
    }

    /** A cycle-service-level policy. */
    public static ServicePolicy cycleService(double serviceLevel, int leadTime, int review) {
        return new ServicePolicy(serviceLevel, null, leadTime, review);
    }

    /** A fill-rate policy. */
    public static ServicePolicy fillRateTarget(double fillRate, int leadTime, int review) {
        return new ServicePolicy(null, fillRate, leadTime, review);
    }

    /** The protection interval: lead time plus review period. */
    public int protection() {
        return leadTime + review;
    }

    /** True for a fill-rate target, false for a cycle service level. */
    public boolean targetsFillRate() {
        return fillRate != null;
    }

    /** The target, alpha or beta. */
    public double target() {
        return serviceLevel != null ? serviceLevel : fillRate;
    }

    /** A short name for tables and JSON, e.g. {@code csl_0.95_lt7} or {@code fill_0.98_lt7_r7}. */
    public String label() {
        String t = java.math.BigDecimal.valueOf(target()).stripTrailingZeros().toPlainString();
        return String.format(Locale.ROOT, "%s_%s_lt%d%s", targetsFillRate() ? "fill" : "csl", t, leadTime,
                review == 0 ? "" : "_r" + review);
    }
}
