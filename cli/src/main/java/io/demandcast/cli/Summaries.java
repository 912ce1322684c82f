package io.demandcast.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wraps a job summary in the stable JSON envelope every verb prints with {@code --json}. */
final class Summaries {
    private Summaries() {
    }

    static Map<String, Object> withSchema(String verb, Map<String, Object> body) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema_version", BaseCommand.SCHEMA_VERSION);
        doc.put("verb", verb);
        doc.putAll(body);
        return doc;
    }
}
