package io.tributary.auth.httphook.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the hook's JSON back in tests, with jackson-core's streaming parser: objects, strings and booleans. */
final class JsonObjects {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonObjects() {
    }

    /** The object, fields in the order sent; nested objects as maps. */
    static Map<String, Object> parse(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not an object");
            }
            Map<String, Object> object = object(parser);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("more than one value");
            }
            return object;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> object(JsonParser parser) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            Object value = switch (parser.nextToken()) {
                case START_OBJECT -> object(parser);
                case VALUE_STRING -> parser.getText();
                case VALUE_TRUE -> true;
                case VALUE_FALSE -> false;
                default -> throw new IllegalArgumentException("unexpected " + parser.currentToken() + " at " + name);
            };
            if (object.put(name, value) != null) {
                throw new IllegalArgumentException("field " + name + " twice");
            }
        }
        return object;
    }
}
