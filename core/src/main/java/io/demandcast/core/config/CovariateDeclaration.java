package io.demandcast.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Columns of one kind as the schema declares them, split by when their values are known: a list
 * ({@code [price, promo]}, all known) or a mapping ({@code {price: known, traffic: past_only}}).
 *
 * @param known    columns whose future values are known (planned price, promotion, events)
 * @param pastOnly columns observed only up to a forecast's cutoff (competitor price, web traffic)
 */
record CovariateDeclaration(List<String> known, List<String> pastOnly) {
    /** The knowability values a mapping entry may take. */
    static final List<String> ROLES = List.of("known", "past_only");

    CovariateDeclaration {
        known = known == null ? List.of() : List.copyOf(known);
        pastOnly = pastOnly == null ? List.of() : List.copyOf(pastOnly);
    }

    /**
     * Reads the list or the mapping form. A wrong role names its entry, so the error points at the
     * entry's line and column.
     */
    static final class Reader extends StdDeserializer<CovariateDeclaration> {
        private static final long serialVersionUID = 1L;

        Reader() {
            super(CovariateDeclaration.class);
        }

        @Override
        public CovariateDeclaration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p);
            List<String> known = new ArrayList<>();
            List<String> pastOnly = new ArrayList<>();
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    JsonNode item = node.get(i);
                    if (!item.isTextual()) {
                        JsonMappingException e = JsonMappingException.from(p, "expected a column name, got " + ConfigErrors.describe(item));
                        e.prependPath(node, i);
                        throw e;
                    }
                    known.add(item.asText());
                }
                return new CovariateDeclaration(known, pastOnly);
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> entry : node.properties()) {
                    JsonNode role = entry.getValue();
                    String text = role.isTextual() ? role.asText() : null;
                    if ("known".equals(text)) {
                        known.add(entry.getKey());
                    } else if ("past_only".equals(text)) {
                        pastOnly.add(entry.getKey());
                    } else {
                        JsonMappingException e = JsonMappingException.from(p, (text != null ? "'" + text + "'" : ConfigErrors.describe(role))
                                + " is not one of " + ROLES);
                        e.prependPath(node, entry.getKey());
                        throw e;
                    }
                }
                return new CovariateDeclaration(known, pastOnly);
            }
            throw JsonMappingException.from(p, "expected a list of columns or a mapping column: known|past_only, got "
                    + ConfigErrors.describe(node));
        }
    }
}
