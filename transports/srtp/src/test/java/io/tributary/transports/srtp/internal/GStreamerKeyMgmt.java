package io.tributary.transports.srtp.internal;

/**
 * {@code KeyMgmt} headers GStreamer 1.22 sent to Tributary in SETUP over RTSPS (captured with
 * {@code GST_DEBUG=rtspsrc:6} and rtspclientsink's {@code debug=true}). Their keys were made up
 * by GStreamer for one test run and protect nothing.
 */
final class GStreamerKeyMgmt {
    /** rtspsrc playing: the key of the SRTCP receiver reports it sends, for its one SSRC. */
    static final String RTSPSRC = "prot=mikey;uri=\"rtsps://127.0.0.1:18322/demo/trackID=0\";data=\"AQAFAJAEMHUBAADscg"
            + "PFAAAAAAsA7r+n36ZGax4KEBFHxk8e9VkuaYiagowkc30BAAAAFQABAQEBEAIBAQMBCgcBAQgBAQoBAQAAACIAIAAe6x1KwniTlZt449E"
            + "oeaQIOKV/uO2Q1REY6qJXyjdxAA==\"";
    /** rtspclientsink publishing (profiles=savp): the key of its SRTP and SRTCP, for two SSRCs. */
    static final String RTSPCLIENTSINK = "prot=mikey;uri=\"rtsp://127.0.0.1:18322/live/sec2/stream=0\";data=\"AQAFAINlh"
            + "RECAACuzhy3AAAAAAAYd5AuAAAAAAsA7r+oYSDWkJoKEMPPibaVh9baYSbee+GtrOgBAAAAFQABAQEBEAIBAQMBCgcBAQgBAQoBAQAAACI"
            + "AIAAelq2BhNL5TUvdr72wXHZO+ryLmT5qGDtqPbyePkGVAA==\"";

    private GStreamerKeyMgmt() {
    }
}
