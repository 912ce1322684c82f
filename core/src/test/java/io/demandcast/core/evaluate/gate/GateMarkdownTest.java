package io.demandcast.core.evaluate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.GateRule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateMarkdownTest {

    private static final GateRule RMSSE = ConfigLoader.parseGateRule("{metric: rmsse, max: 0.9}");
    private static final GateRule MASE = ConfigLoader.parseGateRule("{relative_to: seasonal_naive, metric: mase, max_ratio: 0.95}");

    private static GateOutcome outcome(GateRule rule, String model, boolean passed, String reason) {
        return new GateOutcome(rule, Gate.ruleText(rule), model, passed, reason);
    }

    @Test
    void failedGate() {
        List<GateOutcome> outcomes = List.of(
                outcome(RMSSE, "ets", false, "rmsse 0.934 > max 0.9"),
                outcome(RMSSE, "theta", true, "rmsse 0.85 <= max 0.9"),
                outcome(MASE, "ets", false, "mase ratio 0.981 (0.874 / 0.891 seasonal_naive) > max_ratio 0.95"));
        assertEquals("""
                ## Backtest gate: quickstart

                ❌ 2 of 3 gate checks failed

                | rule | model | result | detail |
                |---|---|---|---|
                | `{metric: rmsse, max: 0.9}` | `ets` | ❌ fail | rmsse 0.934 > max 0.9 |
                | `{metric: rmsse, max: 0.9}` | `theta` | ✅ pass | rmsse 0.85 <= max 0.9 |
                | `{relative_to: seasonal_naive, metric: mase, max_ratio: 0.95}` | `ets` | ❌ fail | mase ratio 0.981 (0.874 / 0.891 seasonal_naive) > max_ratio 0.95 |
                """, GateMarkdown.render("quickstart", outcomes, null));
    }

    @Test
    void passedGateWithALeaderboard() {
        String leaderboard = "| model | mase |\n|---|---|\n| ets | 0.874 |\n| seasonal_naive | 0.891 |\n\n";
        String md = GateMarkdown.render(null, List.of(outcome(RMSSE, "ets", true, "rmsse 0.85 <= max 0.9"),
                outcome(MASE, "ets", true, "mase ratio 0.9 (0.8 / 0.889 seasonal_naive) <= max_ratio 0.95")), leaderboard);
        assertTrue(md.startsWith("## Backtest gate\n\n✅ all 2 gate checks passed\n\n| rule |"), md);
        assertTrue(md.endsWith("\n### Leaderboard\n\n| model | mase |\n|---|---|\n| ets | 0.874 |\n| seasonal_naive | 0.891 |\n"), md);
    }

    @Test
    void verdictCountsChecks() {
        GateOutcome pass = outcome(RMSSE, "ets", true, "ok");
        GateOutcome fail = outcome(RMSSE, "ets", false, "no");
        assertEquals("✅ the gate check passed", GateMarkdown.verdict(List.of(pass)));
        assertEquals("❌ 1 of 1 gate check failed", GateMarkdown.verdict(List.of(fail)));
        assertEquals("❌ 1 of 2 gate checks failed", GateMarkdown.verdict(List.of(pass, fail)));
        assertEquals("No gate rules were given: nothing was checked.", GateMarkdown.verdict(List.of()));
    }

    @Test
    void noRulesStillShowsTheLeaderboard() {
        assertEquals("## Backtest gate: x\n\nNo gate rules were given: nothing was checked.\n\n### Leaderboard\n\n| a |\n|---|\n",
                GateMarkdown.render("x", List.of(), "| a |\n|---|"));
    }

    @Test
    void cellsCannotBreakTheTable() {
        String md = GateMarkdown.render("x", List.of(new GateOutcome(RMSSE, "{metric: a|b, max: 1}", "m`x", false,
                "a | b <script> & &amp; *c* _d_ [e](f) line\nbreak \\ 1 < 2 seasonal_naive")), null);
        String row = md.lines().filter(l -> l.startsWith("| `")).findFirst().orElseThrow();
        assertEquals("| `{metric: a\\|b, max: 1}` | ``m`x`` | ❌ fail | a \\| b &lt;script> & &amp;amp; \\*c\\* \\_d\\_ \\[e\\](f) line break \\\\ 1 < 2 "
                + "seasonal_naive |", row);
        assertFalse(md.contains("\nbreak"), md);
    }

    @Test
    void writeReplacesAnEarlierFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ci/summary.md");
        GateMarkdown.write(file, "x", List.of(), null);
        List<GateOutcome> outcomes = List.of(outcome(RMSSE, "modèle", true, "rmsse 0.85 <= max 0.9"));
        GateMarkdown.write(file, "x", outcomes, null);
        assertEquals(GateMarkdown.render("x", outcomes, null), Files.readString(file, StandardCharsets.UTF_8));
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }
}
