package io.demandcast.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigPathTest {

    @Test
    void parsesKeysAndIndicesAndPrintsThemBack() {
        ConfigPath p = ConfigPath.parse("prepare.features.lags[1]");
        assertEquals(List.of("prepare", "features", "lags", 1), p.segments());
        assertEquals("prepare.features.lags[1]", p.toString());
        assertEquals(List.of("a", 0, 2, "b"), ConfigPath.parse("a[0][2].b").segments());
    }

    @Test
    void rejectsMalformedKeys() {
        for (String bad : new String[] {"", ".a", "a.", "a..b", "a[x]", "a[1", "[0]", "a[99999999999]"}) {
            assertNull(ConfigPath.parse(bad), bad);
        }
    }

    @Test
    void overlapAndCommonPrefix() {
        ConfigPath predict = ConfigPath.parse("predict");
        ConfigPath horizon = ConfigPath.parse("predict.horizon");
        assertTrue(predict.overlaps(horizon) && horizon.overlaps(predict));
        assertFalse(horizon.overlaps(ConfigPath.parse("predict.output")));
        assertEquals(1, horizon.commonPrefix(ConfigPath.parse("predict.output")));
        assertTrue(ConfigPath.ROOT.overlaps(horizon));
    }
}
