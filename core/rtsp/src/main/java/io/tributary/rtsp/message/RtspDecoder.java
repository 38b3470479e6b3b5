package io.tributary.rtsp.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Incremental decoder for one RTSP connection: requests (server side), responses (client
 * side) and {@code $}-interleaved frames, in any mix, split or pipelined arbitrarily.
 *
 * <p><b>Buffer contract.</b> {@link #decode} consumes what it can and advances
 * {@code in.position()} past it. Text lines are consumed as soon as they are seen: a
 * partial line is copied into the decoder (at most one line limit), so nothing is scanned
 * twice. Interleaved frames and message bodies are <em>not</em> consumed until complete:
 * the caller must present the unconsumed bytes again, in order, at the start of the next
 * call (as Netty's {@code ByteToMessageDecoder} does). That is what lets a frame payload
 * be a slice of {@code in} instead of a copy. The caller never holds more than one frame
 * (64 KiB + 4) or one body ({@link Limits#maxBody}).
 *
 * <p><b>Errors.</b> Nothing throws. Bad input becomes {@link Decoded.Malformed}:
 * <ul>
 *   <li>a version other than RTSP/1.0 or RTSP/2.0 on a request line → 505, non-fatal, after
 *       the whole message (headers and body) was read, with its CSeq;</li>
 *   <li>a missing or non-numeric CSeq, a header line without a name, control characters →
 *       400, non-fatal, after the whole message;</li>
 *   <li>a line that is not a request or status line → 400, non-fatal, at once; further lines
 *       are dropped silently until a blank line, a request/status line or a {@code $} frame
 *       (resynchronisation, as gortsplib does);</li>
 *   <li>a start line over the limit → 414 when it begins like a request line, else 400 (binary
 *       junk); a header line, the header count or the header block over the limit → 431; a
 *       {@code Content-Length} over the body limit → 413; an unreadable or conflicting
 *       {@code Content-Length} → 400. All fatal: afterwards the decoder discards everything.</li>
 * </ul>
 *
 * <p>Not thread-safe: one decoder per connection, used from its event loop.
 */
public final class RtspDecoder {

    /**
     * Hard limits. Exceeding any of them is fatal.
     *
     * @param maxStartLine   bytes in a request or status line (without CRLF)
     * @param maxHeaderLine  bytes in one header line (without CRLF)
     * @param maxHeaders     number of header fields
     * @param maxHeaderBlock bytes from the start line to the blank line inclusive
     * @param maxBody        bytes of a body ({@code Content-Length})
     */
    public record Limits(int maxStartLine, int maxHeaderLine, int maxHeaders, int maxHeaderBlock, int maxBody) {
        public static final Limits DEFAULT = new Limits(8 * 1024, 8 * 1024, 64, 32 * 1024, 64 * 1024);

        public Limits {
            if (maxStartLine < 16 || maxHeaderLine < 16 || maxHeaders < 1 || maxHeaderBlock < 16 || maxBody < 0) {
                throw new IllegalArgumentException("limits too small");
            }
        }
    }

    private enum State { START, HEADERS, BODY, FAILED }

    private final Limits limits;
    private State state = State.START;
    /** After a garbage line: drop lines without answering until a message starts. */
    private boolean resyncing;

    /** The start of a line whose end has not arrived yet. */
    private byte[] lineBuf = new byte[0];
    private int lineLen;
    /** Bytes of the last line returned by {@link #readLine}, terminator included. */
    private int lineBytes;

    // the message being decoded
    private boolean isResponse;
    private String method;
    private String uri;
    private RtspVersion version;
    private int code;
    private String reason;
    private List<String> fields;
    private int headerBytes;
    private RtspStatus error;
    private String errorReason;
    private int bodyLength;

    public RtspDecoder() {
        this(Limits.DEFAULT);
    }

    public RtspDecoder(Limits limits) {
        this.limits = limits;
    }

    /**
     * Decodes as much of {@code in} as possible, handing each result to {@code out} in
     * stream order. Returns when the rest of {@code in} is an incomplete frame or body
     * (left unconsumed) or {@code in} is used up. {@code out} sees a consistent decoder:
     * state is updated before each call to it.
     */
    public void decode(ByteBuffer in, Consumer<? super Decoded> out) {
        // every turn either consumes at least one byte or returns
        while (true) {
            switch (state) {
                case FAILED -> {
                    in.position(in.limit());
                    return;
                }
                case BODY -> {
                    if (!readBody(in, out)) {
                        return;
                    }
                }
                case START -> {
                    if (lineLen == 0) {
                        if (!in.hasRemaining()) {
                            return;
                        }
                        if (in.get(in.position()) == '$') {
                            if (!readFrame(in, out)) {
                                return;
                            }
                            continue;
                        }
                    }
                    String line = readLine(in, limits.maxStartLine(), out);
                    if (line == null) {
                        return;
                    }
                    startLine(line, out);
                }
                case HEADERS -> {
                    String line = readLine(in, limits.maxHeaderLine(), out);
                    if (line == null) {
                        return;
                    }
                    headerLine(line, in, out);
                }
            }
        }
    }

    private boolean readFrame(ByteBuffer in, Consumer<? super Decoded> out) {
        int p = in.position();
        if (in.remaining() < 4) {
            return false;
        }
        int channel = in.get(p + 1) & 0xFF;
        int length = ((in.get(p + 2) & 0xFF) << 8) | (in.get(p + 3) & 0xFF);
        if (in.remaining() < 4 + length) {
            return false;
        }
        ByteBuffer payload = in.slice(p + 4, length);
        in.position(p + 4 + length);
        resyncing = false;
        out.accept(new Decoded.Interleaved(channel, payload));
        return true;
    }

    /**
     * The next line without its terminator (LF or CRLF), or null when it is incomplete (its
     * start is kept) or over {@code max} (then the decoder has failed).
     */
    private String readLine(ByteBuffer in, int max, Consumer<? super Decoded> out) {
        int start = in.position();
        int limit = in.limit();
        // content + CR + LF may span max + 2 bytes in total
        int end = (int) Math.min(limit, (long) start + Math.max(0, max + 2 - lineLen));
        int lf = -1;
        for (int i = start; i < end; i++) {
            if (in.get(i) == '\n') {
                lf = i;
                break;
            }
        }
        if (lf < 0) {
            if ((long) lineLen + (limit - start) > max + 1L) {
                lineOverflow(in, out, prefix(in, start));
                return null;
            }
            append(in, start, limit);
            in.position(limit);
            return null;
        }
        lineBytes = lineLen + (lf - start) + 1;
        int length = lineBytes - 1;
        String line;
        if (lineLen == 0) {
            if (length > 0 && in.get(lf - 1) == '\r') {
                length--;
            }
            line = text(in, start, length);
        } else {
            append(in, start, lf);
            if (length > 0 && lineBuf[length - 1] == '\r') {
                length--;
            }
            line = new String(lineBuf, 0, length, StandardCharsets.UTF_8);
            lineLen = 0;
        }
        in.position(lf + 1);
        if (length > max) {
            lineOverflow(in, out, line);
            return null;
        }
        return line;
    }

    private static String text(ByteBuffer in, int start, int length) {
        if (in.hasArray()) {
            return new String(in.array(), in.arrayOffset() + start, length, StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[length];
        in.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void append(ByteBuffer in, int from, int to) {
        int n = to - from;
        if (lineLen + n > lineBuf.length) {
            // grows to at most one line limit + 2
            lineBuf = Arrays.copyOf(lineBuf, Math.max(lineLen + n, Math.min(2 * lineBuf.length + 64,
                    Math.max(limits.maxStartLine(), limits.maxHeaderLine()) + 2)));
        }
        in.get(from, lineBuf, lineLen, n);
        lineLen += n;
    }

    private void lineOverflow(ByteBuffer in, Consumer<? super Decoded> out, String linePrefix) {
        if (state == State.HEADERS) {
            fail(in, out, RtspStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "header line too long");
        } else if (looksLikeRequestLine(linePrefix)) {
            fail(in, out, RtspStatus.REQUEST_URI_TOO_LONG, "request line too long");
        } else {
            fail(in, out, RtspStatus.BAD_REQUEST, "no request line within the line limit");
        }
    }

    /** The first bytes of an unterminated line: those in lineBuf, then those in {@code in}. */
    private String prefix(ByteBuffer in, int start) {
        int n = (int) Math.min(32, lineLen + (long) (in.limit() - start));
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = i < lineLen ? lineBuf[i] : in.get(start + i - lineLen);
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** A method token followed by a space: a request line that is merely too long. */
    private static boolean looksLikeRequestLine(String line) {
        int sp = line.indexOf(' ');
        return sp > 0 && isToken(line.substring(0, sp));
    }

    private void startLine(String line, Consumer<? super Decoded> out) {
        if (line.isEmpty()) {
            resyncing = false; // blank lines between messages are allowed
            return;
        }
        if (line.startsWith("RTSP/") ? statusLine(line) : requestLine(line)) {
            resyncing = false;
            state = State.HEADERS;
            fields = new ArrayList<>(16);
            headerBytes = lineBytes;
            return;
        }
        if (!resyncing) {
            resyncing = true;
            out.accept(new Decoded.Malformed(RtspStatus.BAD_REQUEST, "not an RTSP request line", null, false));
        }
    }

    private boolean statusLine(String line) {
        int sp1 = line.indexOf(' ');
        if (sp1 < 0 || line.length() < sp1 + 4 || hasControl(line)) {
            return false;
        }
        RtspVersion v = RtspVersion.of(line.substring(0, sp1));
        int c = 0;
        for (int i = sp1 + 1; i < sp1 + 4; i++) {
            char ch = line.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
            c = c * 10 + (ch - '0');
        }
        if (v == null || c < 100 || (line.length() > sp1 + 4 && line.charAt(sp1 + 4) != ' ')) {
            return false;
        }
        isResponse = true;
        version = v;
        code = c;
        reason = line.length() > sp1 + 5 ? line.substring(sp1 + 5).trim() : "";
        error = null;
        return true;
    }

    private boolean requestLine(String line) {
        if (hasControl(line)) {
            return false;
        }
        String[] parts = line.trim().split("[ \t]+");
        if (parts.length != 3 || !isToken(parts[0])) {
            return false;
        }
        RtspVersion v = RtspVersion.of(parts[2]);
        if (v == null && !looksLikeVersion(parts[2])) {
            return false;
        }
        isResponse = false;
        method = parts[0];
        uri = parts[1];
        version = v;
        error = v == null ? RtspStatus.VERSION_NOT_SUPPORTED : null;
        errorReason = v == null ? "unsupported protocol version" : null;
        return true;
    }

    /** {@code NAME/digits.digits}: some protocol version, e.g. {@code HTTP/1.1} or {@code RTSP/3.0}. */
    private static boolean looksLikeVersion(String s) {
        int slash = s.indexOf('/');
        if (slash <= 0 || !isToken(s.substring(0, slash))) {
            return false;
        }
        int dot = s.indexOf('.', slash);
        return dot > slash + 1 && dot < s.length() - 1
                && allDigits(s, slash + 1, dot) && allDigits(s, dot + 1, s.length());
    }

    private void headerLine(String line, ByteBuffer in, Consumer<? super Decoded> out) {
        headerBytes += lineBytes;
        if (headerBytes > limits.maxHeaderBlock()) {
            fail(in, out, RtspStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "header block too large");
            return;
        }
        if (line.isEmpty()) {
            endOfHeaders(in, out);
            return;
        }
        if (hasControl(line)) {
            markBad("control character in header line");
            return;
        }
        char first = line.charAt(0);
        if (first == ' ' || first == '\t') {
            // obsolete line folding: continues the previous value
            if (fields.isEmpty()) {
                markBad("continuation line without header");
            } else {
                int last = fields.size() - 1;
                fields.set(last, (fields.get(last) + " " + line.trim()).trim());
            }
            return;
        }
        int colon = line.indexOf(':');
        String name = colon < 0 ? "" : line.substring(0, colon).trim();
        if (!isToken(name)) {
            markBad("malformed header line");
            return;
        }
        if (fields.size() / 2 >= limits.maxHeaders()) {
            fail(in, out, RtspStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "too many header fields");
            return;
        }
        fields.add(name);
        fields.add(line.substring(colon + 1).trim());
    }

    private void markBad(String why) {
        if (error == null) {
            error = RtspStatus.BAD_REQUEST;
            errorReason = why;
        }
    }

    private void endOfHeaders(ByteBuffer in, Consumer<? super Decoded> out) {
        String lengthText = null;
        for (int i = 0; i < fields.size(); i += 2) {
            if (fields.get(i).equalsIgnoreCase(RtspHeaders.CONTENT_LENGTH)) {
                String v = fields.get(i + 1);
                if (lengthText != null && !lengthText.equals(v)) {
                    fail(in, out, RtspStatus.BAD_REQUEST, "conflicting Content-Length");
                    return;
                }
                lengthText = v;
            }
        }
        int length = 0;
        if (lengthText != null) {
            if (lengthText.isEmpty() || !allDigits(lengthText, 0, lengthText.length())) {
                fail(in, out, RtspStatus.BAD_REQUEST, "malformed Content-Length");
                return;
            }
            for (int i = 0; i < lengthText.length(); i++) {
                length = length * 10 + (lengthText.charAt(i) - '0');
                if (length > limits.maxBody()) {
                    fail(in, out, RtspStatus.REQUEST_ENTITY_TOO_LARGE, "body larger than " + limits.maxBody());
                    return;
                }
            }
        }
        if (error != null) {
            // answer now; a body, if any, is skipped without being kept
            Decoded bad = new Decoded.Malformed(error, errorReason, cseq(), false, isResponse ? null : version);
            bodyLength = length;
            state = length > 0 ? State.BODY : State.START;
            out.accept(bad);
        } else if (length > 0) {
            bodyLength = length;
            state = State.BODY;
        } else {
            complete(new byte[0], out);
        }
    }

    private boolean readBody(ByteBuffer in, Consumer<? super Decoded> out) {
        if (error != null) {
            int n = Math.min(in.remaining(), bodyLength);
            in.position(in.position() + n);
            bodyLength -= n;
            if (bodyLength > 0) {
                return false;
            }
            state = State.START;
            return true;
        }
        if (in.remaining() < bodyLength) {
            return false;
        }
        byte[] body = new byte[bodyLength];
        in.get(body);
        complete(body, out);
        return true;
    }

    private void complete(byte[] body, Consumer<? super Decoded> out) {
        Integer cseq = cseq();
        RtspHeaders headers = RtspHeaders.ofList(fields);
        fields = null;
        state = State.START;
        Decoded result;
        if (isResponse) {
            result = new Decoded.Response(new RtspResponse(version, code, reason, headers, body));
        } else if (cseq == null) {
            result = new Decoded.Malformed(RtspStatus.BAD_REQUEST,
                    headers.contains(RtspHeaders.CSEQ) ? "malformed CSeq" : "missing CSeq", null, false, version);
        } else {
            result = new Decoded.Request(new RtspRequest(method, uri, version, headers, body));
        }
        out.accept(result);
    }

    private Integer cseq() {
        if (fields != null) {
            for (int i = 0; i < fields.size(); i += 2) {
                if (fields.get(i).equalsIgnoreCase(RtspHeaders.CSEQ)) {
                    return RtspRequest.parseCseq(fields.get(i + 1));
                }
            }
        }
        return null;
    }

    private void fail(ByteBuffer in, Consumer<? super Decoded> out, RtspStatus status, String why) {
        Integer cseq = state == State.HEADERS ? cseq() : null;
        state = State.FAILED;
        fields = null;
        lineLen = 0;
        lineBuf = new byte[0];
        in.position(in.limit());
        out.accept(new Decoded.Malformed(status, why, cseq, true));
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Control characters other than HT, which no line may carry (a bare CR included). */
    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTchar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** RFC 7230 tchar. */
    static boolean isTchar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /**
     * {@code true} between messages: nothing of a message is held (a caller that still holds
     * unconsumed bytes, such as half an interleaved frame, is mid-message too). A server uses it
     * to bound how long a request may take to arrive.
     */
    public boolean betweenMessages() {
        return (state == State.START || state == State.FAILED) && lineLen == 0 && !resyncing;
    }
}
