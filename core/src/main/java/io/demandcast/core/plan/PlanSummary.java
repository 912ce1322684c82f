package io.demandcast.core.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code plan} did: which model, which inventory file, where the plan went, and the plans.
 *
 * @param output  the plan CSV, {@code -} for standard output
 * @param method  the lead-time demand estimator
 * @param target  the default service target (rows may name their own)
 * @param dataEnd the last data date the forecasts start after
 * @param horizon the forecast steps read: the longest lead time plus review period
 */
public record PlanSummary(String modelName, String version, String inventory, String output, String method, ServiceTarget target,
                          String dataEnd, int horizon, List<SeriesPlan> plans) {

    public PlanSummary {
        plans = List.copyOf(plans);
    }

    /** Series with a suggested order above zero. */
    public long ordersSuggested() {
        return plans.stream().filter(p -> p.orderQuantity() > 0).count();
    }

    public String text() {
        return "plan: " + modelName + " " + version + ", " + plans.size() + " series of " + inventory + " at "
                + (target.kind() == ServiceTarget.Kind.cycle_service ? "cycle service level " : "fill rate ") + target.level()
                + " (" + method + ", data ending " + dataEnd + "): " + ordersSuggested() + " order(s) suggested -> "
                + ("-".equals(output) ? "stdout" : output);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_name", modelName);
        m.put("version", version);
        m.put("inventory", inventory);
        m.put("output", output);
        m.put("method", method);
        m.put("target_kind", target.kind().name());
        m.put("target", target.level());
        m.put("data_end", dataEnd);
        m.put("horizon", horizon);
        m.put("series_count", plans.size());
        m.put("orders_suggested", ordersSuggested());
        m.put("series", plans.stream().map(SeriesPlan::toMap).toList());
        return m;
    }
}
