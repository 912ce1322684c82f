package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.config.ServicePolicy;
import io.demandcast.core.evaluate.report.LevelFan;
import io.demandcast.core.evaluate.report.PolicyRow;
import io.demandcast.core.evaluate.report.ReportData;
import io.demandcast.core.evaluate.report.SeriesTrace;
import io.demandcast.core.plan.LeadTimeDemand;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The report's part of the policy simulation: a table row per model, policy, method and demand
 * class, and for the example series of the report (at most {@value #FANS}) the cumulative forecast
 * fan at the last window's cutoff with the order-up-to levels set there.
 */
final class ServiceLevelReport {
    /** Example series drawn. */
    static final int FANS = 3;
    /** Central coverage of the drawn fan. */
    static final double FAN = 0.9;

    private ServiceLevelReport() {
    }

    static ReportData attach(ReportData report, Leaderboard board, PolicySimulation simulation, BacktestPlan plan,
                             List<ServicePolicy> policies) {
        if (policies.isEmpty()) {
            return report;
        }
        List<PolicyRow> rows = new ArrayList<>();
        for (Leaderboard.Entry e : board.entries()) {
            for (PolicyOutcome o : e.scores().serviceLevels().outcomes()) {
                ServicePolicy p = o.policy();
                rows.add(new PolicyRow(e.scores().name(), e.rank(), p.label(), p.targetsFillRate(), p.target(), p.leadTime(),
                        p.review(), o.method(), o.demandClass(), o.cycles(), o.serviceLevel(), o.fillRate(), o.averageStock(),
                        o.stockoutPeriods(), o.meanLevel()));
            }
        }
        Leaderboard.Entry charted = board.entries().stream().filter(e -> e.role() == BacktestModel.Role.CANDIDATE)
                .findFirst().orElse(board.entries().get(0));
        Set<String> examples = new LinkedHashSet<>();
        for (SeriesTrace t : report.traces()) {
            examples.add(t.seriesId());
        }
        List<LevelFan> fans = new ArrayList<>();
        int longest = policies.stream().mapToInt(ServicePolicy::protection).max().orElse(1);
        int w = plan.windows() - 1;
        for (String id : examples) {
            if (fans.size() == FANS) {
                break;
            }
            LevelFan fan = fan(charted.scores(), simulation, plan, policies, w, id, longest);
            if (fan != null) {
                fans.add(fan);
            }
        }
        return report.withServiceLevels(rows, fans);
    }

    private static LevelFan fan(ModelScores scores, PolicySimulation simulation, BacktestPlan plan, List<ServicePolicy> policies,
                                int w, String id, int periods) {
        int s = plan.indexOf(id);
        if (s < 0 || !plan.includes(w, s)) {
            return null;
        }
        // Index 0 is the cutoff itself (nothing demanded yet), so a one-period interval still draws a segment.
        double[] forecast = new double[periods + 1];
        double[] lower = new double[periods + 1];
        double[] upper = new double[periods + 1];
        double[] actual = new double[periods + 1];
        List<LocalDate> dates = new ArrayList<>(List.of(plan.axis().date(plan.cutoff(w, s))));
        double[] y = simulation.actuals(w, s);
        double sum = 0;
        for (int k = 1; k <= periods; k++) {
            PolicySimulation.Distributions d = simulation.distributions(scores.run(), w, id, k);
            if (d == null) {
                return null;
            }
            LeadTimeDemand b = d.bootstrap();
            forecast[k] = d.forecast();
            lower[k] = b.quantile((1 - FAN) / 2);
            upper[k] = b.quantile((1 + FAN) / 2);
            sum += y[k - 1];
            actual[k] = sum;
            dates.add(plan.axis().date(plan.cutoff(w, s) + k));
        }
        List<LevelFan.Level> levels = new ArrayList<>();
        for (PolicySimulation.Cycle c : scores.serviceLevels().cycles()) {
            if (c.window() == w && c.seriesId().equals(id)) {
                ServicePolicy p = policies.get(c.policy());
                String label = "S " + java.math.BigDecimal.valueOf(p.target() * 100).stripTrailingZeros().toPlainString() + "%"
                        + (p.targetsFillRate() ? " fill" : "") + " L" + p.leadTime() + (p.review() == 0 ? "" : "+R" + p.review())
                        + (c.method().equals(PolicySimulation.NORMAL) ? " normal" : "");
                levels.add(new LevelFan.Level(label, c.level(), c.method().equals(PolicySimulation.NORMAL)));
            }
        }
        return levels.isEmpty() ? null : new LevelFan(id, scores.name(), dates, forecast, lower, upper, FAN, actual, levels);
    }
}
