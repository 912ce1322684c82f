package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.TimeAxis;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodsTest {

    @Test
    void containingAndFirstOnOrAfter() {
        TimeAxis weekly = new TimeAxis(Frequency.WEEKLY, LocalDate.of(2024, 1, 1));
        assertEquals(0, Periods.containing(weekly, LocalDate.of(2024, 1, 7)));
        assertEquals(1, Periods.firstOnOrAfter(weekly, LocalDate.of(2024, 1, 7)));
        assertEquals(1, Periods.firstOnOrAfter(weekly, LocalDate.of(2024, 1, 8)));
        assertEquals(-1, Periods.containing(weekly, LocalDate.of(2023, 12, 31)));

        TimeAxis monthly = new TimeAxis(Frequency.MONTHLY, LocalDate.of(2024, 1, 15));
        assertEquals(0, Periods.containing(monthly, LocalDate.of(2024, 2, 14)));
        assertEquals(1, Periods.containing(monthly, LocalDate.of(2024, 2, 15)));
        assertEquals(1, Periods.firstOnOrAfter(monthly, LocalDate.of(2024, 2, 1)));

        TimeAxis quarterly = new TimeAxis(Frequency.QUARTERLY, LocalDate.of(2024, 1, 1));
        assertEquals(1, Periods.containing(quarterly, LocalDate.of(2024, 6, 30)));
        TimeAxis yearly = new TimeAxis(Frequency.YEARLY, LocalDate.of(2024, 1, 1));
        assertEquals(2, Periods.containing(yearly, LocalDate.of(2026, 12, 31)));
    }
}
