package io.tributary.auth.httphook.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import io.tributary.api.auth.AccessRequest;
import io.tributary.api.auth.PresentedCredentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON body the hook service gets for a request. Equal requests give equal bytes (fields
 * in a fixed order, Digest parameters sorted), so the bytes can key the decision cache.
 */
final class AccessJson {
    /** Without buffer recycling: recycled buffers would keep passwords around after the call. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.nonRecyclingPool())
            .build();

    private AccessJson() {
    }

    /**
     * {@code {"user", "password", "digest"?, "verified", "action", "path", "ip", "protocol", "method"}}.
     * Text that is not valid Unicode (a lone surrogate) is written as a JSON
     * escape (backslash, u, four hex digits), which JSON allows.
     */
    static byte[] encode(AccessRequest request) {
        PresentedCredentials presented = request.presented();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("user", user(request));
            json.writeStringField("password", presented == null || presented.password() == null ? "" : presented.password());
            if (presented != null && !presented.digest().isEmpty()) {
                json.writeObjectFieldStart("digest");
                for (Map.Entry<String, String> parameter : new TreeMap<>(presented.digest()).entrySet()) {
                    json.writeStringField(parameter.getKey(), parameter.getValue());
                }
                json.writeEndObject();
            }
            json.writeBooleanField("verified", request.user() != null);
            json.writeStringField("action", request.permission().name().toLowerCase(Locale.ROOT));
            json.writeStringField("path", request.path());
            json.writeStringField("ip", ip(request.remote()));
            json.writeStringField("protocol", request.protocol());
            json.writeStringField("method", request.method());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    /** The authenticated user, else the presented credentials' user, else "" (anonymous). */
    static String user(AccessRequest request) {
        if (request.user() != null) {
            return request.user().name();
        }
        return request.presented() == null ? "" : request.presented().user();
    }

    /** The client's address without port; the name when it was never resolved. */
    static String ip(InetSocketAddress remote) {
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
