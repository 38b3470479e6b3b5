package io.tributary.rtsp.message;

import java.nio.ByteBuffer;
import java.util.Objects;

/** One thing {@link RtspDecoder} found in the byte stream. */
public sealed interface Decoded {

    /** A complete, well-formed request with a {@code CSeq}. */
    record Request(RtspRequest request) implements Decoded {
        public Request {
            Objects.requireNonNull(request, "request");
        }
    }

    /** A complete response (client side). A missing {@code CSeq} is the caller's concern. */
    record Response(RtspResponse response) implements Decoded {
        public Response {
            Objects.requireNonNull(response, "response");
        }
    }

    /**
     * A {@code $}-framed binary packet (RFC 2326 §10.12, RFC 7826 §14).
     *
     * @param channel the channel number, 0–255
     * @param payload a slice of the decoder's input, not a copy: valid only until the caller
     *                discards or reuses the bytes it passed in, so copy or retain it to keep it
     */
    record Interleaved(int channel, ByteBuffer payload) implements Decoded {
        public Interleaved {
            Objects.requireNonNull(payload, "payload");
        }
    }

    /**
     * Input that is not a valid message, to be answered with {@code status}.
     *
     * @param status the status to answer with
     * @param reason what was wrong, for logs; never contains bytes of the input
     * @param cseq   the message's {@code CSeq} when it could be read, else null
     * @param fatal  {@code true} when the stream cannot be resynchronised: answer, then close;
     *               the decoder discards all further input
     */
    record Malformed(RtspStatus status, String reason, Integer cseq, boolean fatal, RtspVersion version)
            implements Decoded {
        public Malformed {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
        }

        /** Input whose version is not known (the request line itself is bad). */
        public Malformed(RtspStatus status, String reason, Integer cseq, boolean fatal) {
            this(status, reason, cseq, fatal, null);
        }

        /** The version to answer in: the request's when it was read and is supported, else RTSP/1.0. */
        public RtspVersion answerVersion() {
            return version != null ? version : RtspVersion.RTSP_1_0;
        }
    }
}
