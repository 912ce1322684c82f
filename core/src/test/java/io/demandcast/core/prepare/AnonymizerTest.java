package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.config.PrepareConfig.AnonymizeConfig;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnonymizerTest {

    @Test
    void matchesRfc4231TestCase2() {
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Anonymizer.hash("Jefe", "what do ya want for nothing?"));
    }

    @Test
    void replacesIdsAndReturnsTheMapping() {
        Panel p = new PanelBuilder(TestPanels.DAILY).add("FOODS_1", 0, 1).add("FOODS_2", 0, 2).build();
        Anonymizer.Result r = Anonymizer.anonymize(p, new AnonymizeConfig("MY_SALT"), Map.of("MY_SALT", "pepper")::get);
        String a = Anonymizer.hash("pepper", "FOODS_1");
        String b = Anonymizer.hash("pepper", "FOODS_2");
        assertEquals(List.of(a, b), r.panel().seriesIds());
        assertEquals(Map.of(a, "FOODS_1", b, "FOODS_2"), r.mapping());
        assertEquals(64, a.length());
    }

    @Test
    void missingOrEmptySaltNamesTheVariable() {
        Panel p = new PanelBuilder(TestPanels.DAILY).add("x", 0, 1).build();
        InvalidConfigException unset = assertThrows(InvalidConfigException.class,
                () -> Anonymizer.anonymize(p, new AnonymizeConfig(null), name -> null));
        assertEquals("prepare.anonymize needs a salt in environment variable DEMANDCAST_SALT, which is unset;"
                + " export it (keep it secret) or remove prepare.anonymize", unset.getMessage());
        InvalidConfigException empty = assertThrows(InvalidConfigException.class,
                () -> Anonymizer.anonymize(p, new AnonymizeConfig("S"), name -> ""));
        assertEquals(true, empty.getMessage().contains("variable S, which is empty"));
    }
}
