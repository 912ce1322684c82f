package io.demandcast.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.demandcast.core.config.DataFormat;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvByteScannerTest {
    @TempDir
    Path dir;

    /**
     * Records the word-at-a-time path reads (plain fields, LF or CRLF) mixed with records it leaves to the
     * byte loop (spaces to trim, quotes, non-ASCII text, lone CRs, long fields across words), over several
     * buffer refills: the scanner gives the fields and line numbers Commons CSV gives.
     */
    @Test
    void readsWhatCommonsCsvReadsWhetherARecordIsPlainOrNot() throws IOException {
        Random random = new Random(11);
        String[] cells = {"", "a", "12.5", "2011-01-29", "FOODS_1_001_CA_1", " padded ", "\"quoted, with comma\"", "\"two\nlines\"",
                "caf\u00e9", "x\"y", "0", "\"\"\"doubled\"\"\"", "averyveryverylongfieldthatcrossesseveralwords"};
        String[] ends = {"\n", "\n", "\n", "\r\n", "\r"};
        StringBuilder text = new StringBuilder("h1,h2,h3,h4,h5\n");
        for (int r = 0; r < 60_000; r++) {
            for (int c = 0; c < 5; c++) {
                text.append(c == 0 ? "" : ",").append(cells[random.nextInt(r % 3 == 0 ? cells.length : 5)]);
            }
            text.append(ends[random.nextInt(ends.length)]);
        }
        Path file = dir.resolve("mixed.csv");
        Files.writeString(file, text);
        List<List<String>> expected = new ArrayList<>();
        try (CSVParser parser = CsvSource.open(file, DataFormat.DEFAULT)) {
            for (CSVRecord record : parser) {
                expected.add(record.toList());
            }
        }
        List<List<String>> actual = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file)) {
            CsvByteScanner scanner = new CsvByteScanner(file, channel, 0, channel.size(), 1, ',', false, n -> { });
            scanner.next(); // the header, which the parser skips
            while (scanner.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < scanner.fields(); i++) {
                    fields.add(scanner.text(i));
                }
                actual.add(fields);
            }
        }
        assertEquals(expected.size(), actual.size());
        for (int r = 0; r < expected.size(); r++) {
            assertEquals(expected.get(r), actual.get(r), "record " + r);
        }
    }
}
