package io.demandcast.core.plan;

/**
 * What an inventory policy is set to deliver.
 *
 * @param kind  {@link Kind#cycle_service}: {@code level} is the chance that a replenishment cycle ends
 *              without a stockout (alpha); {@link Kind#fill_rate}: {@code level} is the share of demand
 *              served from stock (beta)
 * @param level in (0, 1)
 */
public record ServiceTarget(Kind kind, double level) {

    /** The two service measures of the textbooks (Silver, Pyke and Thomas call them P1 and P2). */
    public enum Kind {
        cycle_service,
        fill_rate
    }

    /** @throws IllegalArgumentException when {@code level} is not in (0, 1) */
    public ServiceTarget {
        if (kind == null) {
            throw new IllegalArgumentException("a service target needs a kind");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException((kind == Kind.cycle_service ? "service level" : "fill rate")
                    + " must be a share between 0 and 1, exclusive (got " + level + "), e.g. 0.95");
        }
    }

    public static ServiceTarget cycleService(double alpha) {
        return new ServiceTarget(Kind.cycle_service, alpha);
    }

    public static ServiceTarget fillRate(double beta) {
        return new ServiceTarget(Kind.fill_rate, beta);
    }
}
