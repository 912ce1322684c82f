package io.demandcast.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.Sha256;
import io.demandcast.core.data.PreparedDataset.FileContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedDatasetTest {
    @TempDir
    Path tmp;

    static DatasetManifest manifestFor(Panel panel) {
        return DatasetManifest.describe("m5-slice", Instant.parse("2026-11-24T10:15:30Z"), panel, "sales",
                new DatasetManifest.Split(LocalDate.of(2011, 3, 5), null, LocalDate.of(2011, 3, 26)),
                List.of(new DatasetManifest.Scaler("sell_price", "standard", 2.9, 0.3)),
                List.of(new DatasetManifest.InputFile("data/sales.csv", 1234, Sha256.text("x"))),
                Sha256.text("config"), "0.1.0-SNAPSHOT", List.of("gaps: fill target with zero", "split by date"));
    }

    @Test
    void writesAndReadsBackManifestPanelAndExtraFiles() throws IOException {
        Panel panel = PanelCodecTest.richPanel();
        Path dir = tmp.resolve("prepared").resolve("m5");
        Map<String, FileContent> extras = new LinkedHashMap<>();
        extras.put("quality.json", FileContent.text("{}\n"));
        extras.put("id_mapping.csv", FileContent.bytes("id,anon\n".getBytes()));
        PreparedDataset written = PreparedDataset.create(dir, manifestFor(panel), panel, extras);

        PreparedDataset ds = PreparedDataset.open(dir);
        assertEquals(written.manifest(), ds.manifest());
        assertEquals(Sha256.file(dir.resolve("panel.bin")), ds.manifest().panelSha256());
        assertEquals(Sha256.file(dir.resolve("manifest.json")), ds.manifestSha256());
        PanelCodecTest.assertSamePanel(panel, ds.readPanel());
        assertEquals("id,anon\n", Files.readString(ds.file("id_mapping.csv")));
        assertEquals(LocalDate.of(2011, 1, 29), ds.manifest().firstDate());
        assertEquals(LocalDate.of(2011, 1, 29).plusWeeks(8), ds.manifest().lastDate());
        assertEquals(List.of("sell_price", "snap"), ds.manifest().columns().numeric());
        try (Stream<Path> files = Files.list(dir.getParent())) {
            assertEquals(List.of(dir), files.toList(), "no temp directory left beside the dataset");
        }
    }

    @Test
    void manifestUsesSnakeCaseIsoDatesAndNullForEmptySplitParts() throws IOException {
        Panel panel = PanelCodecTest.richPanel();
        Path dir = tmp.resolve("ds");
        PreparedDataset.create(dir, manifestFor(panel), panel, Map.of());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertEquals(1, json.get("format_version").intValue());
        assertEquals("2026-11-24T10:15:30Z", json.get("created_at").textValue());
        assertEquals("weekly", json.get("frequency").textValue());
        assertEquals("2011-01-29", json.get("anchor").textValue());
        assertEquals(3, json.get("series_count").intValue());
        assertEquals(5, json.get("row_count").intValue());
        assertEquals("2011-03-05", json.at("/split/train_end").textValue());
        assertTrue(json.at("/split/validation_end").isNull());
        assertEquals("sales", json.at("/columns/target").textValue());
        assertEquals("event_name", json.at("/columns/categorical/0").textValue());
        assertEquals("standard", json.at("/scalers/0/method").textValue());
        assertEquals(1234, json.at("/inputs/0/bytes").intValue());
        assertEquals(64, json.get("config_sha256").textValue().length());
        assertEquals("split by date", json.at("/steps/1").textValue());
    }

    @Test
    void createRefusesAnExistingDirectoryAndReplaceSwapsIt() throws IOException {
        Panel first = PanelCodecTest.richPanel();
        Path dir = tmp.resolve("ds");
        PreparedDataset.create(dir, manifestFor(first), first, Map.of("quality.md", FileContent.text("old")));
        assertThrows(DataException.class, () -> PreparedDataset.create(dir, manifestFor(first), first, Map.of()));

        Panel second = new PanelBuilder(Frequency.DAILY, LocalDate.of(2020, 1, 1)).add("a", 0, 1, 2).build();
        PreparedDataset.replace(dir, manifestFor(second), second, Map.of());
        PreparedDataset ds = PreparedDataset.open(dir);
        assertEquals(Frequency.DAILY, ds.manifest().frequency());
        assertFalse(Files.exists(dir.resolve("quality.md")), "old files are gone");
        PanelCodecTest.assertSamePanel(second, ds.readPanel());
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(dir), files.toList(), "neither the old nor a temp directory is left");
        }
    }

    @Test
    void replaceRefusesADirectoryThatIsNotADataset() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(dir.resolve("thesis.tex"), "precious");
        Panel panel = PanelCodecTest.richPanel();
        DataException e = assertThrows(DataException.class, () -> PreparedDataset.replace(dir, manifestFor(panel), panel, Map.of()));
        assertTrue(e.getMessage().contains("not a prepared dataset"), e.getMessage());
        assertEquals("precious", Files.readString(dir.resolve("thesis.tex")));
    }

    @Test
    void aFailingExtraFileLeavesNothingBehind() throws IOException {
        Panel panel = PanelCodecTest.richPanel();
        Path dir = tmp.resolve("ds");
        PreparedDataset.create(dir, manifestFor(panel), panel, Map.of());
        String before = Sha256.file(dir.resolve("manifest.json"));
        FileContent failing = file -> {
            throw new IOException("disk full");
        };
        assertThrows(IOException.class, () -> PreparedDataset.replace(dir, manifestFor(panel), panel, Map.of("quality.json", failing)));
        assertEquals(before, Sha256.file(dir.resolve("manifest.json")), "the old dataset is untouched");
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(dir), files.toList());
        }
    }

    @Test
    void rejectsMismatchedManifestAndBadExtraNames() {
        Panel panel = PanelCodecTest.richPanel();
        Panel other = new PanelBuilder(Frequency.DAILY, LocalDate.of(2020, 1, 1)).add("a", 0, 1, 2).build();
        assertThrows(IllegalArgumentException.class, () -> PreparedDataset.create(tmp.resolve("a"), manifestFor(other), panel, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> PreparedDataset.create(tmp.resolve("b"), manifestFor(panel), panel, Map.of("../x", FileContent.text(""))));
        assertThrows(IllegalArgumentException.class,
                () -> PreparedDataset.create(tmp.resolve("c"), manifestFor(panel), panel, Map.of("panel.bin", FileContent.text(""))));
    }

    @Test
    void openFailsClearlyOnMissingPartsAndOtherVersions() throws IOException {
        DataException e = assertThrows(DataException.class, () -> PreparedDataset.open(tmp.resolve("nowhere")));
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());

        Panel panel = PanelCodecTest.richPanel();
        Path dir = tmp.resolve("ds");
        PreparedDataset.create(dir, manifestFor(panel), panel, Map.of());
        Path manifest = dir.resolve("manifest.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(manifest.toFile());

        tree.put("format_version", 99);
        json.writeValue(manifest.toFile(), tree);
        e = assertThrows(DataException.class, () -> PreparedDataset.open(dir));
        assertTrue(e.getMessage().contains("version 99"), e.getMessage());

        tree.put("format_version", 1);
        tree.remove("frequency");
        json.writeValue(manifest.toFile(), tree);
        e = assertThrows(DataException.class, () -> PreparedDataset.open(dir));
        assertTrue(e.getMessage().contains("frequency"), e.getMessage());
        assertTrue(e.getMessage().startsWith(manifest.toString()), e.getMessage());

        tree.put("frequency", "fortnightly");
        json.writeValue(manifest.toFile(), tree);
        e = assertThrows(DataException.class, () -> PreparedDataset.open(dir));
        assertTrue(e.getMessage().contains("fortnightly"), e.getMessage());

        Files.writeString(manifest, "{ not json");
        assertThrows(DataException.class, () -> PreparedDataset.open(dir));

        tree.put("frequency", "weekly");
        tree.put("added_in_a_later_version", "ignored");
        json.writeValue(manifest.toFile(), tree);
        assertNull(PreparedDataset.open(dir).manifest().split().validationEnd());
        Files.delete(dir.resolve("panel.bin"));
        e = assertThrows(DataException.class, () -> PreparedDataset.open(dir));
        assertTrue(e.getMessage().contains("panel.bin"), e.getMessage());
    }

    @Test
    void manifestHashChangesWithContent() throws IOException {
        Panel panel = PanelCodecTest.richPanel();
        PreparedDataset a = PreparedDataset.create(tmp.resolve("a"), manifestFor(panel), panel, Map.of());
        Panel other = panel.withTarget(new double[] {1, 2, 3, 4, 5});
        PreparedDataset b = PreparedDataset.create(tmp.resolve("b"), manifestFor(other), other, Map.of());
        assertNotEquals(a.manifest().panelSha256(), b.manifest().panelSha256());
        assertNotEquals(a.manifestSha256(), b.manifestSha256());
        a.verify();
        Files.copy(b.panelFile(), a.panelFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        DataException e = assertThrows(DataException.class, a::verify);
        assertTrue(e.getMessage().contains("differs"), e.getMessage());
    }
}
