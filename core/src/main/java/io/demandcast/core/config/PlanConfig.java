package io.demandcast.core.config;

/**
 * Defaults of {@code plan}: the service target of series whose inventory row names none, the holding
 * rate that prices safety stock, and where the plan goes. The command line's {@code --service-level},
 * {@code --fill-rate} and {@code -o} override them.
 *
 * @param serviceLevel cycle service level alpha, the chance a replenishment cycle ends without a
 *                     stockout (default 0.95 when no fill rate is given)
 * @param fillRate     fill rate beta, the share of demand served from stock; instead of a service level
 * @param holdingRate  yearly (or per any period) holding cost per unit of value, e.g. 0.25: the plan's
 *                     safety_stock_holding_cost; an inventory row's holding_rate overrides it
 * @param output       plan CSV ({@code -} or absent: standard output)
 * @param method       where each series' lead-time demand comes from: {@code sample_paths} (default:
 *                     the model's simulated paths, {@code predict.sample_paths} of them seeded by
 *                     {@code predict.seed}) or {@code normal_from_quantiles} (a normal approximation
 *                     from the forecast's 0.1 and 0.9 quantiles)
 */
public record PlanConfig(Double serviceLevel, Double fillRate, Double holdingRate, String output, Method method) {

    /** The estimators of lead-time demand {@code plan} can use. */
    public enum Method { sample_paths, normal_from_quantiles }

    public PlanConfig {
        if (serviceLevel != null && fillRate != null) {
            throw new IllegalArgumentException("plan: give service_level or fill_rate, not both (got " + serviceLevel + " and " + fillRate + ")");
        }
        share("plan.service_level", serviceLevel);
        share("plan.fill_rate", fillRate);
        serviceLevel = serviceLevel == null && fillRate == null ? Double.valueOf(0.95) : serviceLevel;
        if (holdingRate != null && !(holdingRate >= 0 && Double.isFinite(holdingRate))) {
            throw new IllegalArgumentException("plan.holding_rate must be a number >= 0 (got " + holdingRate + "), e.g. 0.25 a year");
        }
        if (output != null && output.isBlank()) {
            throw new IllegalArgumentException("plan.output: give a file, or '-' for standard output (got '')");
        }
        method = method == null ? Method.sample_paths : method;
    }

    /** Settings without {@code plan.method} (sample paths). */
    public PlanConfig(Double serviceLevel, Double fillRate, Double holdingRate, String output) {
        this(serviceLevel, fillRate, holdingRate, output, null);
    }

    /** Every key at its default. */
    public static PlanConfig defaults() {
        return new PlanConfig(null, null, null, null);
    }

    public PlanConfig withOutput(String newOutput) {
        return new PlanConfig(serviceLevel, fillRate, holdingRate, newOutput, method);
    }

    /** The same settings with another estimator (the CLI's {@code --method}); null keeps this one. */
    public PlanConfig withMethod(Method newMethod) {
        return new PlanConfig(serviceLevel, fillRate, holdingRate, output, newMethod != null ? newMethod : method);
    }

    private static void share(String key, Double value) {
        if (value != null && !(value > 0 && value < 1)) {
            throw new IllegalArgumentException(key + " must be a share between 0 and 1, exclusive (got " + value + "), e.g. 0.95");
        }
    }
}
