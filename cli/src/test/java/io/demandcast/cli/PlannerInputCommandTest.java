package io.demandcast.cli;

import static io.demandcast.cli.Errors.assertUserErrorAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Through the CLI (issue 14, defects 7 and 14): a planner's files forecast as the clean file does; undecodable ones exit 2 naming file and line. */
class PlannerInputCommandTest {
    @TempDir
    Path tmp;

    TestProject p;

    @BeforeEach
    void project() {
        p = TestProject.create(tmp);
    }

    /** Defect 7: Latin-1 bytes exited 1 with {@code I/O error: Input length = 1}, naming no file. */
    @Test
    void latin1FileExits2NamingFileLineAndEncoding() throws IOException {
        Path cfg = p.configReading("latin1", "x");
        String csv = TestProject.salesCsv().replace("B,2024-01-03,", "B\u00e9,2024-01-03,");
        Files.write(tmp.resolve("latin1.csv"), csv.getBytes(StandardCharsets.ISO_8859_1));
        String line = assertUserErrorAt(CliRun.run("prepare", "-c", cfg.toString()), tmp.resolve("latin1.csv").toString(), "UTF-8");
        assertTrue(line.contains("latin1.csv:" + (TestProject.DAYS + 4) + ":2: not UTF-8 text (byte 0xE9)"), line);
        assertTrue(Files.notExists(p.prepared), "nothing prepared");
    }

    /** Defect 7: a binary file named {@code .csv}. */
    @Test
    void binaryFileExits2NamingTheFile() throws IOException {
        Path cfg = p.configReading("binary", "x");
        byte[] bytes = new byte[2048];
        new java.util.Random(14).nextBytes(bytes);
        bytes[0] = (byte) 0xff;
        Files.write(tmp.resolve("binary.csv"), bytes);
        assertUserErrorAt(CliRun.run("prepare", "-c", cfg.toString()), tmp.resolve("binary.csv").toString(), "not UTF-8 text");
        assertTrue(Files.notExists(p.prepared), "nothing prepared");
    }

    /** Defect 14: Excel's "CSV UTF-8" (BOM, CRLF) was refused with {@code missing column 'series_id'}; it forecasts as the clean file. */
    @Test
    void excelCsvUtf8ForecastsAsTheCleanFile() throws IOException {
        String clean = forecast(p.config);
        Files.writeString(p.sales, "\uFEFF" + TestProject.salesCsv().replace("\n", "\r\n"));
        assertEquals(clean, forecast(p.config));
    }

    private String forecast(Path config) throws IOException {
        for (String verb : new String[] {"prepare", "train", "predict"}) {
            CliRun.Result r = CliRun.run(verb, "-q", "-c", config.toString());
            assertEquals(0, r.code(), r.toString());
        }
        return Files.readString(p.forecast);
    }
}
