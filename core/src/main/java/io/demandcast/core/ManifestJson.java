package io.demandcast.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.demandcast.core.data.Frequency;

/**
 * The one JSON setup for manifests (prepared datasets, artifacts): dates and instants as ISO-8601
 * text, {@link Frequency} as its config label ({@code "daily"}), pretty-printed, unknown keys ignored so a manifest written by a later minor version still
 * loads (required keys are checked by the records themselves). Key names come from the records'
 * {@code @JsonNaming(SnakeCaseStrategy)}.
 */
public final class ManifestJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addMixIn(Frequency.class, FrequencyMixIn.class)
            .build();

    private ManifestJson() {
    }

    /** An immutable, thread-safe writer with these settings. */
    public static ObjectWriter writer() {
        return MAPPER.writer();
    }

    /** An immutable, thread-safe reader of {@code type} with these settings. */
    public static ObjectReader reader(Class<?> type) {
        return MAPPER.readerFor(type);
    }

    /** An immutable, thread-safe reader of JSON trees with these settings. */
    public static ObjectReader treeReader() {
        return MAPPER.reader();
    }

    /** Writes a frequency as its label and reads it with {@link Frequency#parse}, as configs do. */
    private abstract static class FrequencyMixIn {
        @JsonValue
        abstract String label();

        @JsonCreator
        static Frequency parse(String text) {
            return Frequency.parse(text);
        }
    }
}
