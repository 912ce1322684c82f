package io.demandcast.core.evaluate.elasticity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.config.ElasticityConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceElasticitiesTest {

    @Test
    void poolsByPrecisionWeights() {
        List<SeriesElasticity> members = List.of(
                new SeriesElasticity("a", -2, 0.1, -2.2, -1.8, 50, null),
                new SeriesElasticity("b", -1, 0.2, -1.4, -0.6, 50, null),
                SeriesElasticity.notEstimable("c", 3, "no price variation"));
        GroupElasticity g = PriceElasticities.pool("brand", "1", members);
        // weights 100 and 25
        assertEquals((100 * -2.0 + 25 * -1.0) / 125, g.pooled(), 1e-12);
        assertEquals(1 / Math.sqrt(125), g.se(), 1e-12);
        assertEquals(g.pooled() - 1.959964 * g.se(), g.lo(), 1e-6);
        assertEquals(3, g.series());
        assertEquals(2, g.estimable());
        assertEquals(-1.5, g.median(), 1e-12);
    }

    @Test
    void aGroupWithoutEstimatesHasNoPooledValue() {
        GroupElasticity g = PriceElasticities.pool("brand", "1", List.of(SeriesElasticity.notEstimable("c", 3, "no price variation")));
        assertTrue(Double.isNaN(g.pooled()));
        assertEquals(0, g.estimable());
    }

    @Test
    void distributionCountsNegativeAndSignificantShares() {
        List<SeriesElasticity> series = List.of(
                new SeriesElasticity("a", -3, 0.1, -3.2, -2.8, 50, null),
                new SeriesElasticity("b", -2, 0.1, -2.2, -1.8, 50, null),
                new SeriesElasticity("c", -1, 1, -3, 1, 50, null),
                new SeriesElasticity("d", 0.5, 0.1, 0.3, 0.7, 50, null),
                SeriesElasticity.notEstimable("e", 3, "no price variation"));
        ElasticityDistribution d = PriceElasticities.distribution(series);
        assertEquals(5, d.series());
        assertEquals(4, d.estimable());
        assertEquals(0.75, d.shareNegative(), 1e-12);
        assertEquals(0.5, d.shareSignificantlyNegative(), 1e-12);
        assertEquals(-1.5, d.median(), 1e-12);
        assertEquals(-2.25, d.q1(), 1e-12); // R type 7 over -3, -2, -1, 0.5
        assertEquals(-0.625, d.q3(), 1e-12);
    }

    @Test
    void configRejectsAControlThatIsThePriceAndTooFewObservations() {
        IllegalArgumentException price = assertThrows(IllegalArgumentException.class,
                () -> new ElasticityConfig("price", List.of("deal", "price"), null, null));
        assertEquals("evaluate.elasticity.controls: 'price' is the price column (evaluate.elasticity.price); list only the other covariates",
                price.getMessage());
        IllegalArgumentException min = assertThrows(IllegalArgumentException.class,
                () -> new ElasticityConfig(null, null, null, 2));
        assertEquals("evaluate.elasticity.min_observations must be at least 3 (got 2)", min.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> new ElasticityConfig(null, List.of("deal", "deal"), null, null));
        assertEquals("evaluate.elasticity.controls: 'deal' is listed twice", twice.getMessage());
        ElasticityConfig d = ElasticityConfig.defaults();
        assertEquals("price", d.price());
        assertEquals(12, d.minObservations());
        assertEquals(List.of(), d.controls());
    }
}
