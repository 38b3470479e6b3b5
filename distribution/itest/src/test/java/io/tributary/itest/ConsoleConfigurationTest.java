package io.tributary.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.launcher.RunningTributary;
import io.tributary.launcher.Tributary;
import io.tributary.launcher.TributaryOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A configuration saved in the web console's Configuration tab is written back to its
 * {@code etc/*.cfg} file (by FileInstall, thanks to core/admin's
 * {@code FileInstallConfigurationHandler}), so it survives a restart.
 * <p>
 * One test: it ends by stopping the fixture's Tributary and starting another on the same folder.
 */
class ConsoleConfigurationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String PID = "io.tributary.engine.rtsp";
    private static final String BASIC = TributaryFixture.adminAuthorization();

    @RegisterExtension
    static final TributaryFixture tributary = new TributaryFixture();

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @Test
    void aChangeSavedInTheConsoleIsWrittenToTheCfgFileAndSurvivesARestart() throws Exception {
        Path cfg = tributary.etc().resolve(PID + ".cfg");
        String before = Files.readString(cfg);
        assertEquals("60", rawValue(before, "sessionTimeoutSeconds"), "distribution's " + cfg);
        assertEquals("${tributary.rtsp.ports}", rawValue(before, "ports"), "distribution's " + cfg);

        // What the editor dialog shows: the console's JSON for the configuration.
        Map<String, Object> editor = awaitEditor(tributary.httpPort(), json -> true);
        Map<String, Object> properties = properties(editor);
        assertEquals(String.valueOf(tributary.rtspPort()), String.valueOf(value(properties, "ports")),
                "port shown in the console");

        // Save, as the dialog's Save button does, with one field changed.
        String form = browserForm(editor, properties, Map.of("sessionTimeoutSeconds", "42"));
        HttpResponse<String> saved = http.send(console(tributary.httpPort(), "/configMgr/" + PID)
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .header("X-Requested-With", "XMLHttpRequest")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(saved.statusCode() / 100 == 2 || saved.statusCode() / 100 == 3,
                "console answered the save with " + saved.statusCode() + ": " + saved.body());

        // FileInstall writes the file when Config Admin reports the update.
        boolean written = Await.until(TIMEOUT, () -> "42".equals(rawValue(read(cfg), "sessionTimeoutSeconds")));
        String after = read(cfg);
        System.out.println("Form posted: " + form);
        System.out.println(cfg + " after the save:\n" + after);
        assertTrue(written, "sessionTimeoutSeconds is not 42 in " + cfg + " " + TIMEOUT.toSeconds()
                + " s after the save:\n" + after);
        // The ports stay the launcher's --rtsp-port, not the number the console showed, and the
        // file stays plain (no typed values such as I"42"), its comments kept.
        assertEquals("${tributary.rtsp.ports}", rawValue(after, "ports"), "ports in " + cfg + ":\n" + after);
        assertFalse(after.contains("I\""), "typed values in " + cfg + ":\n" + after);
        assertTrue(after.contains("# Seconds without a request"), "comments lost in " + cfg + ":\n" + after);

        // Restart (the framework cache is wiped: etc/ is all there is) with another --rtsp-port.
        tributary.running().stop();
        int rtspPort = freePort();
        try (RunningTributary restarted = Tributary.start(TributaryOptions.of(tributary.home())
                .withRtspPort(rtspPort)
                .withHttpPort(freePort()))) {
            // (FileInstall may load etc/ a moment after the console answers.)
            Map<String, Object> reloaded = properties(awaitEditor(restarted.httpPort(),
                    json -> "42".equals(String.valueOf(value(properties(json), "sessionTimeoutSeconds")))));
            assertEquals("42", String.valueOf(value(reloaded, "sessionTimeoutSeconds")),
                    "sessionTimeoutSeconds after a restart");
            assertEquals(String.valueOf(rtspPort), String.valueOf(value(reloaded, "ports")),
                    "port after a restart with --rtsp-port " + rtspPort);
        }
    }

    /**
     * The editor's data ({@code POST …/configMgr/<pid>} without {@code apply}, as the dialog
     * loads it) once the console has it and it satisfies {@code ready}, else the last answer.
     */
    private Map<String, Object> awaitEditor(int httpPort, Predicate<Map<String, Object>> ready) {
        Object[] json = {null};
        String[] last = {"no answer"};
        Await.until(TIMEOUT, () -> {
            try {
                HttpResponse<String> response = http.send(console(httpPort, "/configMgr/" + PID)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                last[0] = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200 && response.body().contains("\"sessionTimeoutSeconds\"")) {
                    json[0] = Json.parse(response.body());
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) json[0];
                    return ready.test(map);
                }
            } catch (IOException e) {
                last[0] = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        });
        assertTrue(json[0] instanceof Map, "console's configuration manager did not answer with "
                + PID + "'s properties within " + TIMEOUT.toSeconds() + " s; last: " + last[0]);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) json[0];
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> editor) {
        Object properties = editor.get("properties");
        assertTrue(properties instanceof Map, "no properties in the console's JSON: " + editor);
        return (Map<String, Object>) properties;
    }

    /**
     * The body the console's {@code config.js} posts on Save ({@code $(form).serialize()}): the
     * hidden fields {@code apply=true}, {@code action=ajaxConfigManager} and {@code $location},
     * one field per shown property with its value, and {@code propertylist}, the names of the
     * shown properties except the optional ones left unchecked (not set).
     */
    private static String browserForm(Map<String, Object> editor, Map<String, Object> properties,
            Map<String, String> changes) {
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"apply", "true"});
        fields.add(new String[] {"action", "ajaxConfigManager"});
        Object location = editor.get("bundle_location");
        fields.add(new String[] {"$location", location == null ? "" : location.toString()});
        List<String> propertyList = new ArrayList<>();
        for (Map.Entry<String, Object> entry : properties.entrySet()) {
            String name = entry.getKey();
            @SuppressWarnings("unchecked")
            Map<String, Object> attribute = (Map<String, Object>) entry.getValue();
            boolean optional = Boolean.TRUE.equals(attribute.get("optional"));
            boolean set = Boolean.TRUE.equals(attribute.get("is_set"));
            String field = switch (name) {
                case "action", "propertylist", "apply", "delete" -> "$" + name;
                default -> name;
            };
            if (attribute.containsKey("value")) {
                Object value = changes.containsKey(name) ? changes.get(name) : attribute.get("value");
                fields.add(new String[] {field, value == null ? "" : value.toString()});
            } else if (attribute.get("values") instanceof List<?> values) {
                for (Object value : values) {
                    fields.add(new String[] {field, String.valueOf(value)});
                }
            }
            if (optional) {
                if (set) {
                    fields.add(new String[] {"opt" + name, "on"});
                } else {
                    continue;
                }
            }
            propertyList.add(name);
        }
        fields.add(new String[] {"propertylist", String.join(",", propertyList)});
        StringJoiner body = new StringJoiner("&");
        for (String[] field : fields) {
            body.add(URLEncoder.encode(field[0], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(field[1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private static Object value(Map<String, Object> properties, String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> attribute = (Map<String, Object>) properties.get(name);
        assertNotNull(attribute, "no property " + name + " in the console's JSON: " + properties.keySet());
        return attribute.get("value");
    }

    /** A request to the console, as the browser sends it from the console's own page. */
    private static HttpRequest.Builder console(int httpPort, String path) {
        String origin = "http://127.0.0.1:" + httpPort;
        return HttpRequest.newBuilder(URI.create(origin + "/system/console" + path))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", BASIC)
                .header("Origin", origin)
                .header("Referer", origin + "/system/console/configMgr");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    /** The value of {@code key = value} in a .cfg file, as written (no substitution), or null. */
    private static String rawValue(String cfg, String key) {
        for (String line : cfg.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            int separator = trimmed.indexOf('=');
            if (separator > 0 && trimmed.substring(0, separator).strip().equals(key)) {
                return trimmed.substring(separator + 1).strip();
            }
        }
        return null;
    }

    /** Just enough JSON for the console's answers: objects, arrays, strings, numbers, literals. */
    private static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.skipSpace();
            if (json.at != text.length()) {
                throw json.error("trailing text");
            }
            return value;
        }

        private Object value() {
            skipSpace();
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(at);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                default:
                    if (text.startsWith("true", at)) {
                        at += 4;
                        return Boolean.TRUE;
                    }
                    if (text.startsWith("false", at)) {
                        at += 5;
                        return Boolean.FALSE;
                    }
                    if (text.startsWith("null", at)) {
                        at += 4;
                        return null;
                    }
                    int start = at;
                    while (at < text.length() && "+-.eE0123456789".indexOf(text.charAt(at)) >= 0) {
                        at++;
                    }
                    if (start == at) {
                        throw error("unexpected '" + c + "'");
                    }
                    String number = text.substring(start, at);
                    return number.matches("-?\\d+") ? (Object) Long.valueOf(number) : Double.valueOf(number);
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            skipSpace();
            if (text.charAt(at) == '}') {
                at++;
                return map;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                map.put(key, value());
                skipSpace();
                if (text.charAt(at) == ',') {
                    at++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            skipSpace();
            if (text.charAt(at) == ']') {
                at++;
                return list;
            }
            while (true) {
                list.add(value());
                skipSpace();
                if (text.charAt(at) == ',') {
                    at++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder s = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return s.toString();
                }
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case 'n' -> s.append('\n');
                    case 't' -> s.append('\t');
                    case 'r' -> s.append('\r');
                    case 'b' -> s.append('\b');
                    case 'f' -> s.append('\f');
                    case 'u' -> {
                        s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> s.append(escaped);
                }
            }
        }

        private void expect(char c) {
            if (at >= text.length() || text.charAt(at) != c) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException(message + " at " + at + " in " + text);
        }
    }
}
