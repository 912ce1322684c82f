package io.demandcast.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsEveryUnitAndSumsParts() {
        assertEquals(Duration.ofSeconds(90), Durations.parse("90s", "k"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m", "k"));
        assertEquals(Duration.ofDays(7), Durations.parse("7d", "k"));
        assertEquals(Duration.ofDays(14), Durations.parse("2w", "k"));
        assertEquals(Duration.ofDays(1).plusHours(12), Durations.parse(" 1d12h ", "k"));
    }

    @Test
    void refusesWhatIsNotADurationNamingTheKey() {
        for (String bad : List.of("", "7", "d", "0d", "1.5d", "7 d", "1y", "-7d")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad, "--max-model-age"), bad);
            assertTrue(e.getMessage().startsWith("--max-model-age: expected a duration"), e.getMessage());
        }
    }

    @Test
    void formatsWhatParseReadsBack() {
        for (String text : List.of("7d", "1h30m", "90s", "1d12h")) {
            Duration d = Durations.parse(text, "k");
            assertEquals(d, Durations.parse(Durations.format(d), "k"), text);
        }
        assertEquals("1m30s", Durations.format(Duration.ofSeconds(90)));
        assertEquals("14d", Durations.format(Duration.ofDays(14)));
    }
}
