package io.demandcast.core.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.config.ParamDomain;
import io.demandcast.core.config.TuneConfig;
import io.demandcast.core.config.TuneSpaceEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Draws the candidates of a search from its space, deterministically from the seed.
 *
 * <p>Why not Smile's {@code smile.hpo.Hyperparameters}: it turns every value into a string in a
 * {@code Properties} (our families take typed JSON values: integers, booleans, nested mappings such
 * as combination members), has no log-uniform range, knows no per-family (conditional) sub-spaces,
 * and its random stream draws from Smile's global {@code MathEx} generator, so a seed could not
 * reproduce a leaderboard while other code draws from it too.
 */
public final class CandidateGenerator {
    /** Draws a random search makes per wanted candidate before it decides a small space is exhausted. */
    private static final int ATTEMPTS_PER_CANDIDATE = 50;

    private CandidateGenerator() {
    }

    /**
     * The candidates, ids {@code c001...} in order, and a note on how they were drawn.
     *
     * @param candidates the candidates to score, no two with the same family and params
     * @param note       e.g. {@code grid of 36 points} or {@code 20 random draws, seed 42}
     */
    public record Generated(List<Candidate> candidates, String note) {
        public Generated {
            candidates = List.copyOf(candidates);
        }
    }

    public static Generated generate(TuneConfig tune) {
        return tune.search() == TuneConfig.Search.grid ? grid(tune) : random(tune);
    }

    /** Every point of every entry's grid, entry by entry; a budget below its size keeps a seeded sample, in grid order. */
    static Generated grid(TuneConfig tune) {
        List<Candidate> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tune.space().size(); i++) {
            TuneSpaceEntry entry = tune.space().get(i);
            List<ObjectNode> points = new ArrayList<>();
            points.add(JsonNodeFactory.instance.objectNode());
            for (Map.Entry<String, ParamDomain> p : entry.params().entrySet()) {
                List<ObjectNode> next = new ArrayList<>();
                for (ObjectNode point : points) {
                    for (JsonNode v : p.getValue().gridValues(tune.gridPoints())) {
                        ObjectNode extended = point.deepCopy();
                        extended.set(p.getKey(), v);
                        next.add(extended);
                    }
                }
                points = next;
            }
            for (ObjectNode point : points) {
                if (seen.add(entry.family() + point)) {
                    all.add(new Candidate("", entry.family(), point, i));
                }
            }
        }
        Integer budget = tune.candidateBudget();
        if (budget == null || budget >= all.size()) {
            return new Generated(numbered(all), "grid of " + all.size() + " points");
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            order.add(k);
        }
        Collections.shuffle(order, new Random(tune.seed()));
        List<Integer> kept = new ArrayList<>(order.subList(0, budget));
        Collections.sort(kept);
        return new Generated(numbered(kept.stream().map(all::get).toList()),
                "grid of " + all.size() + " points, " + budget + " sampled with seed " + tune.seed());
    }

    /** {@code candidateBudget} draws: an entry uniformly, then each parameter from its domain; repeats are drawn again. */
    static Generated random(TuneConfig tune) {
        int wanted = tune.candidateBudget();
        Random random = new Random(tune.seed());
        List<Candidate> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int attempts = 0;
        while (out.size() < wanted && attempts < wanted * ATTEMPTS_PER_CANDIDATE) {
            attempts++;
            int i = random.nextInt(tune.space().size());
            TuneSpaceEntry entry = tune.space().get(i);
            ObjectNode point = JsonNodeFactory.instance.objectNode();
            entry.params().forEach((k, d) -> point.set(k, d.sample(random)));
            if (seen.add(entry.family() + point)) {
                out.add(new Candidate("", entry.family(), point, i));
            }
        }
        String note = out.size() + " random draws, seed " + tune.seed()
                + (out.size() < wanted ? " (the space holds no more distinct points)" : "");
        return new Generated(numbered(out), note);
    }

    private static List<Candidate> numbered(List<Candidate> candidates) {
        int digits = Math.max(3, Integer.toString(candidates.size()).length());
        List<Candidate> out = new ArrayList<>();
        for (int k = 0; k < candidates.size(); k++) {
            Candidate c = candidates.get(k);
            out.add(new Candidate(String.format(java.util.Locale.ROOT, "c%0" + digits + "d", k + 1), c.family(), c.params(), c.entry()));
        }
        return out;
    }
}
