package io.demandcast.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one scalar ({@code monthly}, {@code 12}, {@code true}) or a list of scalars as a list of
 * their texts, for filters that compare with CSV cells. The mapper refuses single values where a
 * list is expected everywhere else; here both shapes read naturally ({@code frequency: monthly}).
 */
final class TextOrTextList extends StdDeserializer<List<String>> {
    private static final long serialVersionUID = 1L;

    TextOrTextList() {
        super(List.class);
    }

    @Override
    public List<String> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = ctxt.readTree(p);
        if (node.isValueNode() && !node.isNull()) {
            return List.of(node.asText());
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isValueNode() || item.isNull()) {
                    throw JsonMappingException.from(p, "expected a value or a list of values, got a list holding "
                            + ConfigErrors.describe(item));
                }
                values.add(item.asText());
            }
            return values;
        }
        throw JsonMappingException.from(p, "expected a value or a list of values, got " + ConfigErrors.describe(node));
    }
}
