package io.demandcast.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.TimeAxis;
import java.io.StringWriter;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ForecastCsvWriterTest {

    @Test
    void writesLongCsvWithQuantileColumns() throws Exception {
        TimeAxis axis = new TimeAxis(Frequency.MONTHLY, LocalDate.of(2020, 1, 1));
        Forecast f = new Forecast("snaive", axis, new String[] {"a", "b,c"}, new int[] {12, 3}, 2,
                new double[] {1, 2.5, 0.33333, -4},
                new double[] {0.1, 0.975},
                new double[][] {{0, 1, 0, -5}, {2, 4, 1, -3.00004}});
        StringWriter out = new StringWriter();
        ForecastCsvWriter.write(f, out);
        assertEquals("""
                series_id,date,model,forecast,q0.1,q0.975
                a,2021-01-01,snaive,1,0,2
                a,2021-02-01,snaive,2.5,1,4
                "b,c",2020-04-01,snaive,0.3333,0,1
                "b,c",2020-05-01,snaive,-4,-5,-3
                """, out.toString());
    }

    @Test
    void numbersAreRoundedWithoutExponent() {
        StringBuilder sb = new StringBuilder();
        ForecastCsvWriter.appendNumber(sb, 1.0e-7);
        sb.append(' ');
        ForecastCsvWriter.appendNumber(sb, 123456.78915);
        sb.append(' ');
        ForecastCsvWriter.appendNumber(sb, -0.05);
        assertEquals("0 123456.7892 -0.05", sb.toString());
    }

    /** The decimals are written by arithmetic; they are those of the regex-stripped 4-decimal text. */
    @Test
    void decimalsAreThoseOfTheFourDecimalTextWithoutTrailingZeros() {
        java.util.Random random = new java.util.Random(16);
        for (int i = 0; i < 20_000; i++) {
            double value = switch (i % 4) {
                case 0 -> random.nextInt(20_000) / 10_000.0 * (random.nextBoolean() ? 1 : -1);
                case 1 -> random.nextGaussian() * 1_000;
                case 2 -> random.nextInt(100) / 100.0;
                default -> random.nextDouble();
            };
            long scaled = Math.abs(Math.round(value * 10_000));
            String expected = (Math.round(value * 10_000) < 0 ? "-" : "") + scaled / 10_000
                    + (scaled % 10_000 == 0 ? "" : "." + Long.toString(scaled % 10_000 + 10_000).substring(1).replaceAll("0+$", ""));
            StringBuilder sb = new StringBuilder();
            ForecastCsvWriter.appendNumber(sb, value);
            assertEquals(expected, sb.toString(), "value " + value);
        }
    }

    @Test
    void fractionsKeepTheirLeadingZerosAndDropTrailingOnes() {
        double[] values = {3.0005, 3.05, 3.0012, 7.1, 7.123, -0.0405, 12.9999, 0.5};
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            ForecastCsvWriter.appendNumber(sb, v);
            sb.append(' ');
        }
        assertEquals("3.0005 3.05 3.0012 7.1 7.123 -0.0405 12.9999 0.5 ", sb.toString());
        // Every 4-decimal fraction, as BigDecimal writes it without trailing zeros.
        for (int f = 1; f < 10_000; f++) {
            StringBuilder one = new StringBuilder();
            ForecastCsvWriter.appendNumber(one, 2 + f / 10_000.0);
            assertEquals(java.math.BigDecimal.valueOf(20_000 + f, 4).stripTrailingZeros().toPlainString(), one.toString());
        }
    }
}
