package io.demandcast.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.demandcast.core.config.AttributesConfig;
import io.demandcast.core.config.SchemaConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesAttributesTest {
    private static final LocalDate D = LocalDate.of(2024, 1, 1);
    private static final SchemaConfig SCHEMA = new SchemaConfig(null, null, null, List.of("price"), null, null);

    @TempDir
    Path dir;

    private Path meta(String text) throws Exception {
        return Files.writeString(dir.resolve("meta.csv"), text);
    }

    private static Panel panel(String... ids) {
        PanelBuilder b = new PanelBuilder(Frequency.DAILY, D);
        for (String id : ids) {
            b.add(id, D, 1, 2);
        }
        return b.build();
    }

    @Test
    void attachesEveryColumnButTheIdAsTextStatics() throws Exception {
        Path file = meta("store,series_id,brand\n007,b,tropicana\n2,a,1\n9,unused,x\n");
        SeriesAttributes attributes = SeriesAttributes.read(new AttributesConfig(file.toString(), null, null, null));
        assertEquals(List.of("store", "brand"), attributes.columns());
        Panel out = attributes.attach(panel("a", "b"), SCHEMA);
        assertEquals(List.of("store", "brand"), out.staticNames());
        // numbers stay codes, as written: "007" is not 7
        assertEquals("2", out.staticValue("store", 0));
        assertEquals("1", out.staticValue("brand", 0));
        assertEquals("007", out.staticValue("store", 1));
        assertEquals("tropicana", out.staticValue("brand", 1));
    }

    @Test
    void attachesTheListedColumnsInTheirOrder() throws Exception {
        Path file = meta("id,store,brand,n_obs\na,2,1,110\n");
        Panel out = SeriesAttributes.read(new AttributesConfig(file.toString(), "id", List.of("brand", "store"), null))
                .attach(panel("a"), SCHEMA);
        assertEquals(List.of("brand", "store"), out.staticNames());
    }

    @Test
    void seriesMissingFromTheFileAreAnErrorNamingUpToFive() throws Exception {
        Path file = meta("series_id,store\na,1\n");
        SeriesAttributes attributes = SeriesAttributes.read(new AttributesConfig(file.toString(), null, null, null));
        DataException e = assertThrows(DataException.class, () -> attributes.attach(panel("a", "b", "c", "d", "e", "f", "g"), SCHEMA));
        assertEquals(file + ": data.attributes: 6 of the 7 series of the data have no row in the file: b, c, d, e, f and 1 more;"
                + " add them, or set data.attributes.missing: empty to give them empty values", e.getMessage());
    }

    @Test
    void missingEmptyGivesEmptyValues() throws Exception {
        Path file = meta("series_id,store\na,1\n");
        Panel out = SeriesAttributes.read(new AttributesConfig(file.toString(), null, null, AttributesConfig.Missing.empty))
                .attach(panel("a", "b"), SCHEMA);
        assertEquals("1", out.staticValue("store", 0));
        assertEquals("", out.staticValue("store", 1));
    }

    @Test
    void aColumnNamedLikeADataColumnIsAnError() throws Exception {
        Path file = meta("series_id,price\na,1\n");
        SeriesAttributes attributes = SeriesAttributes.read(new AttributesConfig(file.toString(), null, null, null));
        Panel data = panel("a").withNumeric("price", new double[] {1, 2});
        DataException e = assertThrows(DataException.class, () -> attributes.attach(data, SCHEMA));
        assertEquals(file + ": attribute column 'price' clashes with a column of the data files (data.schema);"
                + " list data.attributes.columns without it", e.getMessage());
        Path withDate = Files.writeString(dir.resolve("m2.csv"), "series_id,date\na,x\n");
        SeriesAttributes dated = SeriesAttributes.read(new AttributesConfig(withDate.toString(), null, null, null));
        assertThrows(DataException.class, () -> dated.attach(panel("a"), SCHEMA));
    }

    @Test
    void badFilesNameFileLineAndColumn() throws Exception {
        Path file = meta("series_id,store\na,1\nb,2\na,3\n");
        DataException e = assertThrows(DataException.class,
                () -> SeriesAttributes.read(new AttributesConfig(file.toString(), null, null, null)));
        assertEquals(file + ":4:1: series 'a' appears twice (first at line 2); data.attributes.file holds one row per series", e.getMessage());
        e = assertThrows(DataException.class,
                () -> SeriesAttributes.read(new AttributesConfig(file.toString(), "sid", null, null)));
        assertEquals(file + ":1: no column 'sid' (data.attributes; columns: series_id, store)", e.getMessage());
        e = assertThrows(DataException.class,
                () -> SeriesAttributes.read(new AttributesConfig(file.toString(), null, List.of("brand"), null)));
        assertEquals(file + ":1: no column 'brand' (data.attributes; columns: series_id, store)", e.getMessage());
        Path ragged = Files.writeString(dir.resolve("r.csv"), "series_id,store\na\n");
        e = assertThrows(DataException.class, () -> SeriesAttributes.read(new AttributesConfig(ragged.toString(), null, null, null)));
        assertEquals(ragged + ":2:2: expected 2 fields, found 1", e.getMessage());
        Path absent = dir.resolve("none.csv");
        e = assertThrows(DataException.class, () -> SeriesAttributes.read(new AttributesConfig(absent.toString(), null, null, null)));
        assertEquals(absent + ": file not found (data.attributes.file)", e.getMessage());
    }
}
