package io.demandcast.core.monitor;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One forecast row of the forecast log: what one {@code predict} run published for one series and
 * target date.
 *
 * @param runTime   when the run published it
 * @param version   the model version that made it
 * @param origin    the series' last data date the forecast started from (its forecast origin)
 * @param seriesId  the series
 * @param date      the target date
 * @param step      periods after the origin, 1 for the first
 * @param forecast  the point forecast
 * @param quantiles one value per level of the run ({@link LoggedRun#levels()}); not copied
 */
public record LoggedRow(Instant runTime, String version, LocalDate origin, String seriesId, LocalDate date, int step,
                        double forecast, double[] quantiles) {
}
