package dev.tubebatch.export.render;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON writer of the export files: indented, keys in the order they were put. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {}

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value) + "\n";
    }

    /** An ordered map built from key, value pairs; null values are kept (written as {@code null}). */
    public static Map<String, @Nullable Object> object(@Nullable Object... keysAndValues) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static @Nullable String time(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** Seconds with one decimal. */
    static Double seconds(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }

    /** An enum's name in lower case, as the files write it; null stays null. */
    static @Nullable String lower(@Nullable Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(java.util.Locale.ROOT);
    }
}
