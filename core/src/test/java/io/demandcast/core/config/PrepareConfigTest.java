package io.demandcast.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.demandcast.core.config.PrepareConfig.FeatureConfig;
import io.demandcast.core.config.PrepareConfig.OutlierConfig;
import io.demandcast.core.config.PrepareConfig.OutlierMethod;
import io.demandcast.core.config.PrepareConfig.RollingConfig;
import io.demandcast.core.config.PrepareConfig.SplitConfig;
import io.demandcast.core.data.Frequency;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrepareConfigTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    @Test
    void bindsTheSnakeCaseYamlShape() throws Exception {
        String yaml = """
                gaps: {target: zero, covariates: ffill}
                negatives: zero
                outliers: {method: hampel, window: 7, threshold: 3, action: clip}
                aggregate: weekly
                features:
                  calendar: [day_of_week, events]
                  lags: [7, 28]
                  rolling: {windows: [7, 28], stats: [mean, std]}
                  price: {column: sell_price, window: 28}
                scaling: {method: standard, columns: [sell_price]}
                split: {test_start: 2016-03-28, validation: 28}
                anonymize: {salt_env: MY_SALT}
                """;
        PrepareConfig c = YAML.readValue(yaml, PrepareConfig.class);
        assertEquals(OutlierMethod.hampel, c.outliers().method());
        assertEquals(Frequency.WEEKLY, c.aggregateFrequency());
        assertEquals(List.of(7, 28), c.features().rolling().windows());
        assertEquals(LocalDate.of(2016, 3, 28), c.split().testStartDate());
        assertEquals(28, c.split().validation());
        assertEquals("MY_SALT", c.anonymize().saltEnv());
    }

    @Test
    void defaults() {
        PrepareConfig c = PrepareConfig.defaults();
        assertEquals(PrepareConfig.Fill.zero, c.gaps().target());
        assertEquals(PrepareConfig.NegativePolicy.keep, c.negatives());
        assertEquals(1.5, new OutlierConfig(OutlierMethod.iqr, null, null, null).threshold());
        assertNull(c.aggregateFrequency());
        assertNull(c.anonymize());
        assertEquals(0, c.split().test());
    }

    @Test
    void messagesNameTheKey() {
        assertEquals("prepare.outliers.window must be >= 1 (got 0)",
                assertThrows(IllegalArgumentException.class, () -> new OutlierConfig(null, 0, null, null)).getMessage());
        assertEquals("prepare.features.calendar: unknown feature 'weekday', allowed: day_of_week, week_of_year, month, quarter, year, events",
                assertThrows(IllegalArgumentException.class, () -> new FeatureConfig(List.of("weekday"), null, null, null)).getMessage());
        assertEquals("prepare.features.rolling.stats: unknown statistic 'max', allowed: mean, std",
                assertThrows(IllegalArgumentException.class, () -> new RollingConfig(List.of(7), List.of("max"))).getMessage());
        assertEquals("prepare.split.test_start must be an ISO date yyyy-mm-dd (got '28/03/2016')",
                assertThrows(IllegalArgumentException.class, () -> new SplitConfig(null, null, "28/03/2016", null)).getMessage());
        assertEquals("prepare.split.validation_start (2016-04-01) must be before prepare.split.test_start (2016-03-28)",
                assertThrows(IllegalArgumentException.class, () -> new SplitConfig(null, null, "2016-03-28", "2016-04-01")).getMessage());
        assertEquals("prepare.aggregate: unknown frequency 'hourly', allowed: daily, weekly, monthly, quarterly, yearly",
                assertThrows(IllegalArgumentException.class,
                        () -> new PrepareConfig(null, null, null, null, "hourly", null, null, null, null, null, null, null)).getMessage());
    }
}
