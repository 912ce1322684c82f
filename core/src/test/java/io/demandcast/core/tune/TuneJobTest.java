package io.demandcast.core.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.Progress;
import io.demandcast.core.artifact.Artifact;
import io.demandcast.core.artifact.ArtifactStore;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.ModelRegistry;
import io.demandcast.core.prepare.PrepareJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tune} end to end on a small prepared panel: halving, ensembles, budgets, reproducibility, publishing. */
class TuneJobTest {
    @TempDir
    Path dir;

    private ExperimentConfig prepared(String tuneYaml, List<String> overrides) throws IOException {
        StringBuilder csv = new StringBuilder("series_id,date,value\n");
        String[] ids = {"smooth", "trend", "sparse", "weekly"};
        for (int s = 0; s < ids.length; s++) {
            for (int d = 0; d < 120; d++) {
                double v = switch (s) {
                    case 0 -> 20 + (d * 7 % 5);
                    case 1 -> 5 + d * 0.3 + (d * 3 % 4);
                    case 2 -> d % 9 == 0 ? 4 : 0;
                    default -> 10 + 6 * (d % 7 == 5 ? 1 : 0) + (d * 11 % 3);
                };
                csv.append(ids[s]).append(',').append(LocalDate.of(2024, 1, 1).plusDays(d)).append(',').append(v).append('\n');
            }
        }
        Path file = dir.resolve("in.csv");
        if (Files.notExists(file)) {
            Files.writeString(file, csv);
        }
        String yaml = """
                name: small
                data: {files: ['%s'], frequency: daily}
                prepare: {output: '%s/prepared'}
                backtest: {horizon: 7, windows: 3}
                train: {store: '%s/store'}
                predict: {horizon: 7}
                tune:
                %s
                """.formatted(file, dir, dir, tuneYaml.indent(2).stripTrailing());
        ExperimentConfig config = ConfigLoader.parse(yaml, "small.yaml", overrides);
        if (Files.notExists(dir.resolve("prepared"))) {
            PrepareJob.run(config, Progress.NONE, name -> null);
        }
        return config;
    }

    private static final String SPACE = """
            candidates: 8
            space:
              - family: ses
              - family: window_average
                params: {window: {int_range: [2, 14]}}
              - family: croston
                params: {alpha: [0.1, 0.3]}
              - family: tsb
                params: {alpha_d: 0.1, alpha_p: {range: [0.05, 0.5]}}
              - family: seasonal_window_average
                params: {windows: {int_range: [1, 4]}}
            """;

    private TuneSummary tune(ExperimentConfig config) throws IOException {
        return TuneJob.run(config, ModelRegistry.standard(), Progress.NONE, new TuneLive(), System::nanoTime);
    }

    @Test
    void halvingDropsTheWorstAfterTheFirstWindowAndTheBestIsPublished() throws Exception {
        ExperimentConfig config = prepared(SPACE + "output: '" + dir.resolve("tune") + "'\n", List.of());
        TuneSummary summary = tune(config);

        // 8 candidates on window 1; the best ceil(8/3) = 3 go on to all 3 windows; then 2 ensembles of the top 3
        assertEquals(10, summary.ranked().size());
        assertEquals(5, summary.count("dropped@0"));
        assertEquals(5, summary.count("complete"));
        List<CandidateResult> complete = summary.ranked().subList(0, 5);
        complete.forEach(r -> assertEquals(3, r.windows()));
        summary.ranked().subList(5, 10).forEach(r -> assertEquals(1, r.windows()));
        // the survivors were the best three on the first window
        List<CandidateResult> singles = summary.ranked().stream().filter(r -> r.candidate().entry() >= 0).toList();
        double worstSurvivor = singles.stream().filter(r -> r.status().equals("complete")).mapToDouble(r -> r.perWindow()[0]).max().orElseThrow();
        singles.stream().filter(r -> r.status().startsWith("dropped")).forEach(r -> assertTrue(r.score() >= worstSurvivor, r.toString()));
        // the leaderboard is ranked and its rows are the files' rows
        for (int i = 1; i < 5; i++) {
            assertTrue(complete.get(i - 1).score() <= complete.get(i).score());
        }
        List<String> csv = Files.readAllLines(dir.resolve("tune").resolve(TuneFiles.LEADERBOARD_CSV));
        assertEquals(11, csv.size());
        assertTrue(csv.get(0).startsWith("rank,candidate,family,params,status,windows,rmsse,"), csv.get(0));
        assertTrue(csv.get(0).contains(",rmsse_w1,rmsse_w2,rmsse_w3,fit_seconds"), csv.get(0));
        assertTrue(Files.readString(dir.resolve("tune").resolve(TuneFiles.SEARCH_JSON)).contains("\"seed\" : 42"));

        // the ensembles: weights from the top 3 complete candidates' errors, and their mean
        CandidateResult weighted = summary.ranked().stream().filter(r -> r.candidate().id().equals("e1")).findFirst().orElseThrow();
        assertEquals("combination", weighted.candidate().family());
        double sum = 0;
        for (var w : weighted.candidate().params().get("weights")) {
            sum += w.doubleValue();
        }
        assertEquals(1.0, sum, 1e-5);
        assertEquals("mean", summary.ranked().stream().filter(r -> r.candidate().id().equals("e2")).findFirst().orElseThrow()
                .candidate().params().get("method").asText());

        // the winner is published under <name>-tuned with the search in its manifest, and predicts
        Artifact artifact = new ArtifactStore(dir.resolve("store")).load("small-tuned", ArtifactStore.LATEST);
        assertEquals(summary.best().candidate().family(), artifact.manifest().modelFamily());
        assertEquals(summary.best().candidate().params(), artifact.manifest().parameters());
        assertNotNull(artifact.manifest().search());
        assertEquals(summary.best().candidate().id(), artifact.manifest().search().get("best_candidate").asText());
        assertEquals(42, artifact.manifest().search().get("seed").asInt());
        FittedModel model = ModelRegistry.standard().family(artifact.manifest().modelFamily()).load(artifact.payloadDirectory());
        Forecast f = model.forecast(new ForecastRequest(7, new double[] {0.1, 0.5, 0.9}));
        assertEquals(4, f.seriesCount());
        for (int s = 0; s < 4; s++) {
            for (double v : f.points(s)) {
                assertTrue(Double.isFinite(v));
            }
        }
    }

    @Test
    void perFamilyKeepsTheEnsembleMembersOfDifferentFamilies() throws Exception {
        ExperimentConfig config = prepared("""
                candidates: 6
                halving: false
                parallel: 1
                ensemble: {top_k: 3, per_family: 1}
                space:
                  - family: window_average
                    params: {window: {int_range: [2, 14]}}
                  - family: tsb
                    params: {alpha_d: 0.1, alpha_p: {range: [0.05, 0.5]}}
                  - family: ses
                """ + "output: '" + dir.resolve("tune") + "'\n", List.of());
        TuneSummary summary = tune(config);

        List<CandidateResult> singles = summary.ranked().stream().filter(r -> r.candidate().entry() >= 0).toList();
        // the best of each family, in rank order: what the ensemble must be made of
        List<String> expected = new ArrayList<>();
        for (CandidateResult r : singles) {
            String member = r.candidate().family() + r.candidate().params();
            if (expected.stream().noneMatch(e -> e.startsWith(r.candidate().family() + "{"))) {
                expected.add(member);
            }
        }
        CandidateResult mean = summary.ranked().stream().filter(r -> r.candidate().id().equals("e2")).findFirst().orElseThrow();
        List<String> members = new ArrayList<>();
        mean.candidate().params().get("members").forEach(m -> members.add(m.get("family").asText() + m.get("params")));
        assertEquals(expected.subList(0, Math.min(3, expected.size())), members);
        assertEquals(members.size(), members.stream().map(m -> m.substring(0, m.indexOf('{'))).distinct().count());
        // without the limit the same leaderboard's top 3 repeat a family (else the test proves nothing)
        assertTrue(singles.subList(0, 3).stream().map(r -> r.candidate().family()).distinct().count() < 3,
                singles.subList(0, 3).toString());
    }

    @Test
    void theSameSeedGivesTheSameLeaderboard() throws Exception {
        ExperimentConfig first = prepared(SPACE + "output: '" + dir.resolve("one") + "'\n", List.of());
        ExperimentConfig second = prepared(SPACE + "output: '" + dir.resolve("two") + "'\n", List.of());
        tune(first);
        tune(second);
        assertEquals(withoutTimes(dir.resolve("one")), withoutTimes(dir.resolve("two")));
        ExperimentConfig other = prepared(SPACE + "output: '" + dir.resolve("three") + "'\n", List.of("tune.seed=7"));
        tune(other);
        assertNotEquals(withoutTimes(dir.resolve("one")), withoutTimes(dir.resolve("three")));
    }

    /** leaderboard.csv without its fit_seconds column. */
    private static List<String> withoutTimes(Path output) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(output.resolve(TuneFiles.LEADERBOARD_CSV))) {
            // params hold commas inside quotes; fit_seconds is the second-to-last cell and the note is empty here
            String trimmed = line.substring(0, line.lastIndexOf(','));
            out.add(trimmed.substring(0, trimmed.lastIndexOf(',')));
        }
        return out;
    }

    @Test
    void aSpentTimeBudgetStopsStartingCandidates() throws Exception {
        ExperimentConfig config = prepared(SPACE + "parallel: 1\ntime_budget: 1s\noutput: '" + dir.resolve("tune") + "'\n", List.of());
        // the clock reads 0 at the start and for the first two candidates, then an hour later
        AtomicInteger reads = new AtomicInteger();
        LongSupplier clock = () -> reads.getAndIncrement() < 3 ? 0L : 3_600_000_000_000L;
        TuneSummary summary = TuneJob.run(config, ModelRegistry.standard(), Progress.NONE, new TuneLive(), clock);
        assertEquals(2, summary.ranked().stream().filter(r -> r.candidate().entry() >= 0).count());
        assertTrue(summary.notes().stream().anyMatch(n -> n.contains("time budget 1s reached: 6 of 8 candidates not started")),
                summary.notes().toString());
        // of the two that started, halving kept one, which the budget stopped before its next rung; a model is still published
        assertEquals(1, summary.count("dropped@0"));
        assertEquals(1, summary.count("stopped@0"));
        assertTrue(summary.notes().stream().anyMatch(n -> n.contains("kept the scores of their first 1 window(s)")), summary.notes().toString());
        assertTrue(Files.isDirectory(dir.resolve("store").resolve("small-tuned")));
    }

    @Test
    void theLeaderboardIsWrittenAfterEveryCandidate() throws Exception {
        ExperimentConfig config = prepared(SPACE + "parallel: 1\nhalving: false\nensemble: {top_k: 0}\noutput: '"
                + dir.resolve("tune") + "'\n", List.of());
        TuneLive live = new TuneLive();
        List<Integer> rowsSeen = new ArrayList<>();
        List<Integer> liveCounts = new ArrayList<>();
        Progress progress = message -> {
            if (message.matches("tune: c\\d{3} .*")) {
                try {
                    rowsSeen.add(Files.readAllLines(live.leaderboard()).size() - 1);
                    liveCounts.add(live.scored());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        TuneJob.run(config, ModelRegistry.standard(), progress, live, System::nanoTime);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), rowsSeen);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), liveCounts);
        assertTrue(live.finished());
    }

    @Test
    void withoutATuneSectionItSaysWhatToAdd() throws Exception {
        ExperimentConfig config = prepared(SPACE, List.of()).withTune(null);
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> tune(config));
        assertTrue(e.getMessage().startsWith("tune: the config has no tune section"), e.getMessage());
    }

    @Test
    void readsOnlyTheTargetWhenEveryCandidateIsAPerSeriesMethod() throws Exception {
        ExperimentConfig config = prepared(SPACE, List.of());
        List<String> lines = new ArrayList<>();
        TuneJob.run(config, ModelRegistry.standard(), lines::add, new TuneLive(), System::nanoTime);
        assertTrue(lines.contains("tune: read the target only (per-series models): 0 numeric and 0 categorical prepared columns not loaded"),
                lines.toString());

        ExperimentConfig global = prepared("""
                candidates: 2
                space:
                  - family: ses
                  - family: ridge
                """, List.of("tune.output=" + dir.resolve("global")));
        List<String> globalLines = new ArrayList<>();
        TuneJob.run(global, ModelRegistry.standard(), globalLines::add, new TuneLive(), System::nanoTime);
        assertTrue(globalLines.stream().noneMatch(l -> l.startsWith("tune: read the target only")), globalLines.toString());
    }
}
