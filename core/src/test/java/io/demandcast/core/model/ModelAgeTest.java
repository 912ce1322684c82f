package io.demandcast.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link ModelAge#text}: the age in a refusal, two largest units. */
class ModelAgeTest {
    @Test
    void anAgeIsWrittenInItsTwoLargestUnits() {
        assertEquals("9d 2h", ModelAge.text(Duration.ofDays(9).plusHours(2).plusMinutes(59)));
        assertEquals("9d", ModelAge.text(Duration.ofDays(9).plusMinutes(5)));
        assertEquals("3h 5m", ModelAge.text(Duration.ofHours(3).plusMinutes(5).plusSeconds(7)));
        assertEquals("1m 30s", ModelAge.text(Duration.ofSeconds(90)));
        assertEquals("40s", ModelAge.text(Duration.ofSeconds(40)));
        assertEquals("0s", ModelAge.text(Duration.ofMillis(300)));
    }
}
