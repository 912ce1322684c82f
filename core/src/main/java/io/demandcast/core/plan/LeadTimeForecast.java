package io.demandcast.core.plan;

import java.time.LocalDate;

/**
 * One series' lead-time demand: the distribution of its demand summed over the protection interval
 * that starts the period after {@code cutoff}.
 *
 * @param cutoff the last period of the history the model forecasts from (null when it has none)
 * @param method how the distribution was estimated: a path simulation of the model
 *               ({@code ets_simulation}, {@code arima_simulation}, {@code random_walk},
 *               {@code seasonal_random_walk}, {@code residual_bootstrap_recursive},
 *               {@code residual_bootstrap_direct}), the count-aware {@code willemain_bootstrap}, or
 *               {@code backtest_bootstrap} or {@code normal_from_quantiles} for a model that cannot simulate
 */
public record LeadTimeForecast(String seriesId, LocalDate cutoff, String method, LeadTimeDemand demand) {
}
