package io.demandcast.core.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.TuneConfig;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Candidate generation, the halving schedule and ensemble weights. */
class SearchPiecesTest {

    private static TuneConfig tune(String yaml) {
        return ConfigLoader.parse("tune:\n" + yaml.indent(2), "t.yaml", List.of()).tune();
    }

    private static final String SPACE = """
            space:
              - family: croston
                params: {alpha: [0.1, 0.2, 0.3]}
              - family: tsb
                params: {alpha_d: {range: [0.1, 0.3], grid_points: 3}, alpha_p: {log_range: [0.01, 1], grid_points: 3}}
              - family: window_average
                params: {window: {int_range: [2, 5]}}
              - family: ses
            """;

    @Test
    void gridIsTheProductOfEachEntrysValuesInOrder() {
        CandidateGenerator.Generated g = CandidateGenerator.generate(tune("search: grid\n" + SPACE));
        // 3 + 3 x 3 + 4 + 1
        assertEquals(17, g.candidates().size());
        assertEquals("grid of 17 points", g.note());
        assertEquals("c001", g.candidates().get(0).id());
        assertEquals("{\"alpha\":0.1}", g.candidates().get(0).paramsJson());
        assertEquals("{\"alpha_d\":0.1,\"alpha_p\":0.01}", g.candidates().get(3).paramsJson());
        assertEquals("{\"alpha_d\":0.1,\"alpha_p\":0.1}", g.candidates().get(4).paramsJson(), "log-spaced");
        assertEquals("{\"alpha_d\":0.2,\"alpha_p\":0.01}", g.candidates().get(6).paramsJson());
        assertEquals("{\"window\":2}", g.candidates().get(12).paramsJson(), "every integer of an int_range");
        assertEquals("ses", g.candidates().get(16).family());
    }

    @Test
    void aBudgetBelowTheGridKeepsASeededSampleInGridOrder() {
        List<Candidate> a = CandidateGenerator.generate(tune("search: grid\ncandidates: 5\n" + SPACE)).candidates();
        List<Candidate> b = CandidateGenerator.generate(tune("search: grid\ncandidates: 5\n" + SPACE)).candidates();
        List<Candidate> other = CandidateGenerator.generate(tune("search: grid\ncandidates: 5\nseed: 1\n" + SPACE)).candidates();
        assertEquals(5, a.size());
        assertEquals(a, b);
        assertNotEquals(a, other);
    }

    @Test
    void randomSearchIsDeterministicDistinctAndWithinTheDomains() {
        String yaml = "candidates: 12\n" + SPACE;
        List<Candidate> a = CandidateGenerator.generate(tune(yaml)).candidates();
        assertEquals(a, CandidateGenerator.generate(tune(yaml)).candidates());
        assertNotEquals(a, CandidateGenerator.generate(tune(yaml + "seed: 3\n")).candidates());
        assertEquals(12, a.size());
        assertEquals(12, new HashSet<>(a.stream().map(c -> c.family() + c.params()).toList()).size(), "no repeats");
        for (Candidate c : a) {
            if (c.family().equals("tsb")) {
                double d = c.params().get("alpha_d").doubleValue();
                double p = c.params().get("alpha_p").doubleValue();
                assertTrue(d >= 0.1 && d <= 0.3 && p >= 0.01 && p <= 1, c.toString());
            }
            if (c.family().equals("window_average")) {
                assertTrue(c.params().get("window").isInt() && c.params().get("window").intValue() >= 2
                        && c.params().get("window").intValue() <= 5, c.toString());
            }
        }
    }

    @Test
    void randomSearchStopsWhenASmallSpaceIsExhausted() {
        CandidateGenerator.Generated g = CandidateGenerator.generate(tune("candidates: 10\nspace: [{family: ses}, {family: croston, params: {alpha: [0.1, 0.2]}}]\n"));
        assertEquals(3, g.candidates().size());
        assertTrue(g.note().contains("no more distinct points"), g.note());
    }

    @Test
    void halvingRungsAndSurvivors() {
        assertEquals(List.of(1, 3), Halving.rungs(new TuneConfig.Halving(true, 3, 1), 3));
        assertEquals(List.of(1, 2, 4, 5), Halving.rungs(new TuneConfig.Halving(true, 2, 1), 5));
        assertEquals(List.of(2, 5), Halving.rungs(new TuneConfig.Halving(true, 3, 2), 5));
        assertEquals(List.of(3), Halving.rungs(new TuneConfig.Halving(true, 3, 5), 3));
        assertEquals(List.of(4), Halving.rungs(new TuneConfig.Halving(false, 1, 1), 4));
        assertEquals(3, Halving.survivors(8, 3));
        assertEquals(1, Halving.survivors(2, 3));
        assertEquals(1, Halving.survivors(1, 3));
    }

    @Test
    void halvingPromotesTheBestByScoreWithNaNLast() {
        List<CandidateResult> scored = List.of(result("c1", 0.9), result("c2", Double.NaN), result("c3", 0.5), result("c4", 0.7),
                result("c5", 0.7));
        assertEquals(List.of("c3", "c4"), Halving.promote(scored, 3).stream().map(r -> r.candidate().id()).toList());
        assertEquals(List.of("c3", "c4", "c5"), Halving.promote(scored, 2).stream().map(r -> r.candidate().id()).toList());
    }

    private static CandidateResult result(String id, double score) {
        Candidate c = new Candidate(id, "ses", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), 0);
        return new CandidateResult(c, "running@0", "", 1, score, Map.of(), new double[] {score}, 0);
    }

    @Test
    void ensembleWeightsAreInverseErrorsSummingToOne() {
        double[] w = EnsembleWeights.inverseError(new double[] {0.5, 1.0, 2.0});
        assertEquals(1.0, Arrays.stream(w).sum(), 1e-15);
        assertArrayEquals(new double[] {4.0 / 7, 2.0 / 7, 1.0 / 7}, w, 1e-15);
        assertArrayEquals(new double[] {0.5, 0, 0.5}, EnsembleWeights.inverseError(new double[] {0, 1, 0}), 0);
        assertArrayEquals(new double[] {0, 1}, EnsembleWeights.inverseError(new double[] {Double.NaN, 3}), 0);
        assertThrows(IllegalArgumentException.class, () -> EnsembleWeights.inverseError(new double[] {Double.NaN}));
    }
}
