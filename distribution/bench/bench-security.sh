#!/usr/bin/env bash
# Security overhead (issue 10): what SRTP, RTSPS and Digest logins cost Tributary, with
# GStreamer's RTSP server (gst-rtsp-server) on the same live stream, in one invocation.
#
# Both servers receive the benchmark clip live from ffmpeg (as in bench-live.sh) and serve it at
# /open/bench to readers of the C load client loadclient/rtspload.c (the same binary and options
# for both):
#   a. STEPS readers (default 500) over UDP: plain RTP (rtspload -t udp) and SRTP (-s -t udp
#      -P savp: RTSPS control, RTP/SAVP media) on Tributary; plain RTP on gst-rtsp-server.
#      Server CPU-seconds per reader-minute of each, and the ratios SRTP / plain and
#      Tributary SRTP / gst plain.
#   b. STEPS readers over TCP: plain (-t tcp) and RTSPS (-s -t tcp: RTP/AVP/TCP inside TLS) on
#      Tributary; CPU per reader-minute and the ratio.
#   c. AUTH_READERS readers (default 200): setup latency, connect -> PLAY answered and
#      connect -> first RTP (p50/p99), of readers logging in with Digest (-a) on a path that
#      needs a login (/secure/bench) against anonymous readers of a path that does not
#      (/open/bench), on Tributary (etc/io.tributary.auth.cfg: anonymous = read:/open/**).
# Per step: the same verdicts as bench-live.sh (real time, loss, failed setups, drops), the
# server's CPU from /proc over the steady window minus its idle baseline, the load client's
# CPU. Each run: Tributary (warm-up, baseline, a, b, c), then gst-rtsp-server (warm-up,
# baseline, a). It prints a Markdown table of medians over RUNS runs and ratios; the issue's
# targets are shown beside them, never checked. See README.md ("Security").
#
# SRTP needs the transports/srtp plugin in the distribution. Without it (or when its SETUP
# fails) part a reports why instead of figures, and the rest runs.
#
# Environment (all optional):
#   STEPS="500"            readers of parts a and b (several: "200 500")
#   AUTH_READERS=200       readers of part c
#   PARTS="a b c"          RUNS=3          SERVERS="tributary gstreamer" (the peer only runs part a)
#   RAMP=200               new sessions per second
#   STEP_SECONDS=15        each step holds all its readers this long
#   WARMUP=3               seconds after PLAY not counted in a reader's bitrate
#   BASELINE_SECONDS=12    idle baseline (publisher + 1 anchor reader): lowest 3 s window of CPU
#   AUTH_TRANSPORT=tcp     transport of part c's readers (tcp or udp)
#   CLIENT_LIMIT=80        load client CPU (% of its core) that marks a step client-limited
#   GST_THREADS=$(nproc)   gst-rtsp-server client threads
#   DIST=../app/target/tributary  JAVA=...temurin-25...  JAVA_OPTS=  PYTHON=/usr/bin/python3
#
# Quick check (about 5 min): RUNS=1 STEPS=200 STEP_SECONDS=10 distribution/bench/bench-security.sh
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$HERE/lib.sh"
LOG_TAG=security
TARGET="$HERE/target"
STEPS="${STEPS:-500}"
AUTH_READERS="${AUTH_READERS:-200}"
PARTS="${PARTS:-a b c}"
RUNS="${RUNS:-3}"
SERVERS="${SERVERS:-tributary gstreamer}"
RAMP="${RAMP:-200}"
STEP_SECONDS="${STEP_SECONDS:-15}"
WARMUP="${WARMUP:-3}"
BASELINE_SECONDS="${BASELINE_SECONDS:-12}"
AUTH_TRANSPORT="${AUTH_TRANSPORT:-tcp}"
CLIENT_LIMIT="${CLIENT_LIMIT:-80}"
GST_THREADS="${GST_THREADS:-$(nproc)}"
MEDIA_SECONDS=30
DIST="${DIST:-$HERE/../app/target/tributary}"
JAVA_OPTS="${JAVA_OPTS:-}"
PYTHON="${PYTHON:-/usr/bin/python3}"
find_java
OPEN_PATH=/open/bench
SECURE_PATH=/secure/bench
BENCH_USER=bench
# A fresh password per invocation; the load client only ever sends this one (see part c).
BENCH_PASSWORD="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"

[[ -f "$DIST/tributary.jar" ]] || die "no distribution at $DIST (build distribution/app first)"
for tool in ffmpeg ffprobe gcc curl; do command -v "$tool" >/dev/null || die "$tool is needed"; done
[[ -x "$JDK_BIN/jcmd" ]] || die "no jcmd next to $JAVA"
if [[ " $SERVERS " == *" gstreamer "* && " $PARTS " == *" a "* ]]; then
    "$PYTHON" -c 'import gi; gi.require_version("GstRtspServer", "1.0")' 2>/dev/null \
        || die "$PYTHON cannot import GstRtspServer (python3-gst-1.0, gir1.2-gst-rtsp-server-1.0)"
fi
for n in $STEPS $AUTH_READERS; do
    [[ "$n" =~ ^[0-9]+$ && "$n" -ge 1 && "$n" -le 5000 ]] || die "STEPS/AUTH_READERS: $n is not in 1..5000"
done
for p in $PARTS; do [[ "$p" =~ ^[abc]$ ]] || die "PARTS: $p is not a, b or c"; done
for s in $SERVERS; do [[ "$s" =~ ^(tributary|gstreamer)$ ]] || die "SERVERS: $s is not tributary or gstreamer"; done
[[ "$RUNS" =~ ^[0-9]+$ && "$RUNS" -ge 1 && "$RUNS" -le 10 ]] || die "RUNS: 1..10"
[[ "$STEP_SECONDS" =~ ^[0-9]+$ && "$STEP_SECONDS" -ge 8 && "$STEP_SECONDS" -le 300 ]] || die "STEP_SECONDS: 8..300"
[[ "$BASELINE_SECONDS" =~ ^[0-9]+$ && "$BASELINE_SECONDS" -ge 3 && "$BASELINE_SECONDS" -le 120 ]] || die "BASELINE_SECONDS: 3..120"
[[ "$AUTH_TRANSPORT" =~ ^(tcp|udp)$ ]] || die "AUTH_TRANSPORT: tcp or udp"
STEPS="$(printf '%s\n' $STEPS | sort -n -u | tr '\n' ' ')"

mkdir -p "$TARGET"
STAMP="$(date +%Y%m%d-%H%M%S)"
RUN="$(mktemp -d "${TMPDIR:-/tmp}/tributary-security.XXXXXX")"
SERVER_PID="" PUB_PID="" PUB2_PID="" CLIENT_PID="" ANCHOR_PID="" GC_LOG="" HTTP_PORT="" RTSP_PORT=""
stop_server() {
    stop_pid "$CLIENT_PID"; CLIENT_PID=""
    stop_pid "$ANCHOR_PID"; ANCHOR_PID=""
    stop_pid "$SERVER_PID"; SERVER_PID=""
    stop_pid "$PUB_PID"; PUB_PID=""
    stop_pid "$PUB2_PID"; PUB2_PID=""
}
cleanup() {
    set +e
    stop_server
    mkdir -p "$TARGET/security-$STAMP"
    cp -r "$RUN"/out "$RUN"/*.log "$RUN"/*.tsv "$TARGET/security-$STAMP/" 2>/dev/null
    rm -rf "$RUN"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$RUN/out"

# ---- load client and media (the same clip as bench-live.sh) ------------------------------
CLIENT="$TARGET/rtspload"
build_client
MEDIA="$TARGET/live-1080p30-4M-${MEDIA_SECONDS}s.mp4"
generate_media "$MEDIA" "1080p30 H.264 4 Mbit/s, 1 s GOP, no B-frames, video only" \
    -f lavfi -i "testsrc2=size=1920x1080:rate=30" -t "$MEDIA_SECONDS" \
    -c:v libx264 -preset veryfast -profile:v high -bf 0 -g 30 -keyint_min 30 -sc_threshold 0 \
    -b:v 4M -maxrate 4M -bufsize 2M -pix_fmt yuv420p -an -movflags +faststart
SOURCE_BPS="$(source_bps "$MEDIA" -select_streams v:0)"
# One snapshot of the distribution for the whole invocation (others may rebuild it meanwhile).
cp -r "$DIST" "$RUN/dist"
rm -rf "$RUN/dist/data/felix-cache"

# ---- what a step variant is --------------------------------------------------------------
# Label, then the load client's options (URL included) of each variant.
variant_label() {
    case "$1" in
        udp) echo "RTP/AVP over UDP" ;;
        srtp) echo "SRTP: RTSPS + RTP/SAVP over UDP" ;;
        tcp) echo "RTP/AVP/TCP" ;;
        rtsps) echo "RTSPS: RTP/AVP/TCP in TLS" ;;
        open) echo "anonymous, open path ($AUTH_TRANSPORT)" ;;
        digest) echo "Digest login, protected path ($AUTH_TRANSPORT)" ;;
    esac
}
variant_args() {
    local host="127.0.0.1:$RTSP_PORT"
    case "$1" in
        udp) echo "-u rtsp://$host$OPEN_PATH -t udp" ;;
        srtp) echo "-u rtsps://$host$OPEN_PATH -t udp -P savp" ;;
        tcp) echo "-u rtsp://$host$OPEN_PATH -t tcp" ;;
        rtsps) echo "-u rtsps://$host$OPEN_PATH -t tcp" ;;
        open) echo "-u rtsp://$host$OPEN_PATH -t $AUTH_TRANSPORT" ;;
        digest) echo "-u rtsp://$host$SECURE_PATH -t $AUTH_TRANSPORT -a $BENCH_USER:$BENCH_PASSWORD" ;;
    esac
}

# ---- processes ---------------------------------------------------------------------------
warn_re() { if [[ "$1" == tributary ]]; then echo ' (WARN|ERROR) '; else echo 'CRITICAL|ERROR|WARN'; fi; }
warn_lines() { grep -c -E "$(warn_re "$CUR_SERVER")" "$SERVER_LOG" 2>/dev/null || true; }
server_broken() {
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "server exited"; return; fi
    if ! kill -0 "$PUB_PID" 2>/dev/null; then echo "publisher exited"; return; fi
}
# Runs the load client to its end (bounded by its own -d and hard stop): $1 output base, then
# its options. For warm-ups and probes.
client_run() {
    local base="$1"; shift
    "$CLIENT" "$@" >"$base.out" 2>"$base.err" || true
}
wait_ready() { # $1 .out file, $2 pid, $3 timeout s: until "ready_at_s=" (0) or the client ends (1)
    for _ in $(seq 1 $(($3 * 5))); do
        grep -q '^ready_at_s=' "$1" 2>/dev/null && return 0
        kill -0 "$2" 2>/dev/null || return 1
        sleep 0.2
    done
    return 1
}
# Waits (at most 30 s) until the server is back near its baseline CPU, so steps do not overlap.
settle() {
    local a b
    for _ in $(seq 1 15); do
        [[ -z "$(server_broken)" ]] || return 0
        a=$(ticks "$SERVER_PID"); sleep 2; b=$(ticks "$SERVER_PID")
        awk -v a="$a" -v b="$b" -v hz="$HZ" -v base="$BASE_CPU" 'BEGIN {exit !(100 * (b - a) / hz / 2 < base + 10)}' && return 0
    done
    log "the server is still busy after 30 s; continuing"
}

# ffmpeg publishing the clip live to Tributary at path $1 (RTSP/TCP), log $2; prints its pid.
publish_tributary() {
    ffmpeg -hide_banner -nostdin -loglevel warning -re -stream_loop -1 -i "$MEDIA" -c copy \
        -f rtsp -rtsp_transport tcp "rtsp://127.0.0.1:$RTSP_PORT$1" >"$2" 2>&1 &
    echo $!
}

start_tributary() {
    local http rtp home
    RTSP_PORT="$(pick_port tcppair)"; http=$((RTSP_PORT + 1)); rtp="$(pick_port udppair)"
    HTTP_PORT="$http"
    home="$RUN/home"
    tributary_home "$home" "$RUN/dist" "$rtp"   # RTSPS on the RTSP port (tls port = 0)
    # Anonymous clients may read /open/** only (and publish from this host, for ffmpeg); the
    # bench user may read everything, with a password it is given on stdin.
    sed -i 's|^anonymous *=.*|anonymous = read:/open/**, publish:/** from 127.0.0.0/8 ::1|' "$home/etc/io.tributary.auth.cfg"
    grep -q '^anonymous = read:/open/\*\*' "$home/etc/io.tributary.auth.cfg" || die "cannot set the anonymous rule"
    printf '%s\n' "$BENCH_PASSWORD" | "$JAVA" -jar "$home/tributary.jar" --home "$home" user add "$BENCH_USER" \
        --permit 'read:/**' >/dev/null
    GC_LOG="${SERVER_LOG%-server.log}-gc.log"
    # shellcheck disable=SC2086
    "$JAVA" $JAVA_OPTS "-Xlog:gc:file=$GC_LOG:timemillis" -jar "$home/tributary.jar" --home "$home" --no-shell \
        --rtsp-port "$RTSP_PORT" --http-port "$http" >"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!
    wait_until "$SERVER_PID" "$SERVER_LOG" 20 "Tributary exited at start" 120 0.5 \
        "Tributary is not ready after 60 s ($SERVER_LOG)" tributary_listening "$SERVER_LOG" "$RTSP_PORT"
    PUB_PID="$(publish_tributary "$OPEN_PATH" "$PUB_LOG")"
    wait_until "$PUB_PID" "$PUB_LOG" 5 "the publisher exited" 60 0.5 "the live stream did not start in 30 s" \
        grep -q "live stream $OPEN_PATH started" "$SERVER_LOG"
    log "Tributary pid $SERVER_PID on rtsp://127.0.0.1:$RTSP_PORT$OPEN_PATH (and rtsps://), publisher pid $PUB_PID"
}

start_gstreamer() {
    local udp sprop
    RTSP_PORT="$(pick_port tcp)"; udp="$(pick_port udppair)"
    rm -f "$RUN/peer.sdp"
    ffmpeg -hide_banner -nostdin -loglevel warning -re -stream_loop -1 -i "$MEDIA" -c copy \
        -f rtp -sdp_file "$RUN/peer.sdp" "rtp://127.0.0.1:$udp" >"$PUB_LOG" 2>&1 &
    PUB_PID=$!
    wait_until "$PUB_PID" "$PUB_LOG" 5 "the publisher exited" 50 0.2 "ffmpeg wrote no SDP in 10 s" \
        grep -qs sprop-parameter-sets "$RUN/peer.sdp"
    sprop="$(sed -n 's/.*sprop-parameter-sets=\([^; ]*\).*/\1/p' "$RUN/peer.sdp" | tr -d '\r' | head -1)"
    "$PYTHON" "$HERE/gst-live-server.py" --port "$RTSP_PORT" --udp-port "$udp" --path "$OPEN_PATH" \
        --threads "$GST_THREADS" --sprop "$sprop" >"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!
    wait_until "$SERVER_PID" "$SERVER_LOG" 20 "gst-live-server.py exited" 50 0.2 \
        "gst-live-server.py is not ready after 10 s" grep -q "^ready" "$SERVER_LOG"
    log "GStreamer pid $SERVER_PID on rtsp://127.0.0.1:$RTSP_PORT$OPEN_PATH, publisher pid $PUB_PID (RTP/UDP to $udp)"
}

# Warm-up (JIT, TLS and auth code paths): 20 readers for 10 s per variant, not reported.
warm_up() {
    local v
    for v in "$@"; do
        log "warm-up: 20 readers, $(variant_label "$v"), 10 s (not reported)"
        # shellcheck disable=SC2046
        client_run "$RUN/out/$CUR_SERVER-$CUR_RUN-warmup-$v" $(variant_args "$v") -l -n 20 -r 20 -d 10 -b "$SOURCE_BPS"
    done
}

# Idle baseline: server CPU over BASELINE_SECONDS in 3 s windows (the lowest counts, so that the
# tail of the warm-up or of a GC is not subtracted from every step). $1: what it is before.
baseline() {
    local a0 a1 w cpus=""
    if [[ "$CUR_SERVER" == tributary ]]; then "$JDK_BIN/jcmd" "$SERVER_PID" GC.run >/dev/null 2>&1 || true; fi
    BASE_CPU=10
    settle
    for w in $(seq 1 $((BASELINE_SECONDS / 3))); do
        a0=$(ticks "$SERVER_PID"); sleep 3; a1=$(ticks "$SERVER_PID")
        cpus="$cpus $(awk -v a="$a0" -v b="$a1" -v hz="$HZ" 'BEGIN {printf "%.2f", 100 * (b - a) / hz / 3}')"
    done
    BASE_CPU=$(printf '%s\n' $cpus | sort -g | head -1)
    printf 'base\t%s\t%s\t%s\t%s\n' "$CUR_SERVER" "$CUR_RUN" "$BASE_CPU" "$1" >>"$RAW"
    log "baseline ($CUR_SERVER, $1): server CPU $BASE_CPU % of a core (3 s windows:$cpus)"
}

# Whether SRTP can be measured on this Tributary: empty when it can, else why not (with the
# first exception the server logged for the probe, if any).
srtp_missing() {
    local probe="$RUN/out/tributary-$CUR_RUN-srtp-probe" why lines exception
    if ! compgen -G "$RUN/dist/deploy/*transports.srtp*.jar" >/dev/null; then
        echo "SRTP not installed (no transports.srtp bundle in deploy/)"; return
    fi
    lines=$(wc -l <"$SERVER_LOG")
    # shellcheck disable=SC2046
    client_run "$probe" $(variant_args srtp) -l -n 1 -r 1 -d 3 -b "$SOURCE_BPS"
    [[ "$(field established "$probe.out")" == 1 && "$(field packets_received "$probe.out")" -gt 0 ]] && return
    why="$(field failure "$probe.out")"; why="${why#1 }"
    if [[ "$why" == *"answered 461"* ]]; then
        echo "SRTP not installed (RTP/SAVP SETUP answered 461)"; return
    fi
    exception="$(tail -n +"$((lines + 1))" "$SERVER_LOG" | grep -m1 -E '^[A-Za-z0-9_.$]+(Exception|Error)(:|$)' \
        | sed -E 's/^(.{0,180}).*/\1/' | tr '|' '/' || true)"
    echo "SRTP not measured: a probe reader failed (${why:-no RTP received})${exception:+; the server logged $exception}"
}

# ---- one step ----------------------------------------------------------------------------
# $1 variant, $2 readers. Prints a row, appends a "step" record to RAW.
step() {
    local v="$1" n="$2" s="$CUR_SERVER" base now w0 w0_ms limit broken="" warn0 warn1 note="" gc=""
    local from to steady cpu ccpu other idle sys rss per_min ge90 ratio loss failed dropped verdict fails
    base="$RUN/out/$s-$CUR_RUN-$v-$n"
    warn0=$(warn_lines)
    : >"$base.samples"
    w0=$(date +%s%N); w0_ms=$((w0 / 1000000))
    # shellcheck disable=SC2046
    "$CLIENT" $(variant_args "$v") -l -n "$n" -r "$RAMP" -d "$STEP_SECONDS" -w "$WARMUP" -b "$SOURCE_BPS" \
        -o "$base.csv" >"$base.out" 2>"$base.err" &
    CLIENT_PID=$!
    limit=$(( (n / RAMP + STEP_SECONDS + 40) * 2 ))
    for _ in $(seq 1 "$limit"); do
        now=$(date +%s%N)
        cpu_sample $(( (now - w0) / 1000000 )) >>"$base.samples"
        broken="$(server_broken)"; [[ -z "$broken" ]] || break
        kill -0 "$CLIENT_PID" 2>/dev/null || break
        sleep 0.5
    done
    end_client "stopping the load client (${broken:-overran})"
    warn1=$(warn_lines)
    [[ -s "$base.out" ]] || { cat "$base.err" >&2; die "the load client printed nothing"; }

    to=$(awk -v x="$(field client_wall_s "$base.out")" 'BEGIN {print x - 2}')
    read -r from steady < <(steady_window "$base.out" "$to")
    read -r cpu ccpu other idle sys rss < <(window_cpu "$base.samples" "$from" "$to" 1)
    per_min=$(awk -v p="$cpu" -v b="$BASE_CPU" -v n="$n" 'BEGIN {if (p == "n/a") print "n/a"; else printf "%.4f", (p - b) / 100 * 60 / n}')
    ge90=$(field ge90_pct "$base.out"); ratio=$(field rate_p50_ratio "$base.out"); loss=$(field loss_pct "$base.out")
    failed=$(field failed "$base.out"); dropped=$(field dropped "$base.out")
    verdict=$(step_verdict "$ge90" "$loss" "$failed" "$dropped")
    if awk -v c="$ccpu" -v lim="$CLIENT_LIMIT" 'BEGIN {exit !(c != "n/a" && c >= lim)}'; then
        verdict=client-limited
    fi
    if [[ -n "$broken" ]]; then verdict=broken; note="$broken"; fi
    fails="$(sed -n 's/^failure=//p' "$base.out" | paste -sd ';' -)"
    [[ -n "$fails" ]] && note="${note:+$note; }failures: $fails"
    if [[ "$s" == tributary && -f "$GC_LOG" ]]; then
        gc="$(awk -v a="$w0_ms" -v b="$(date +%s%3N)" '/Pause/ {
                t = substr($1, 2) + 0; d = $NF; sub(/ms$/, "", d)
                if (t >= a && t <= b) {n++; s += d; if (d + 0 > m) m = d + 0}}
            END {if (n) printf "GC %d pauses, max %.0f ms", n, m}' "$GC_LOG")"
        [[ -n "$gc" ]] && note="${note:+$note; }$gc"
    fi
    [[ $((warn1 - warn0)) -gt 0 ]] && note="${note:+$note; }$((warn1 - warn0)) warning/error lines in the server log"
    local tls="-"
    [[ -n "$(field tls_p50_ms "$base.out")" ]] && tls="$(field tls_p50_ms "$base.out")/$(field tls_p99_ms "$base.out")"
    printf '| %-9s | %d | %-34s | %4s | %-14s | %6s | %5s | %6s | %s/%s | %4s | %5s (%s) | %7s | %5s | %4s | %4s | %3s | %s/%s | %s/%s | %s | %s | %s |\n' \
        "$s" "$CUR_RUN" "$(variant_label "$v")" "$n" "$verdict" "$ge90" "$ratio" "$loss" "$failed" "$dropped" "$steady" \
        "$cpu" "$sys" "$per_min" "$(awk -v r="$rss" 'BEGIN {if (r == "n/a") print r; else printf "%.0f", r / 1024}')" \
        "$ccpu" "$other" "$idle" \
        "$(field play_p50_ms "$base.out")" "$(field play_p99_ms "$base.out")" \
        "$(field setup_p50_ms "$base.out")" "$(field setup_p99_ms "$base.out")" "$tls" \
        "$(field auth_challenges "$base.out")" "$note" | tee -a "$STEPS_MD"
    printf 'step\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
        "$s" "$CUR_RUN" "$v" "$n" "$verdict" "$ge90" "$ratio" "$loss" "$failed" "$dropped" "$cpu" "$per_min" "$ccpu" \
        "$(field play_p50_ms "$base.out")" "$(field play_p99_ms "$base.out")" \
        "$(field setup_p50_ms "$base.out")" "$(field setup_p99_ms "$base.out")" \
        "$(field credentials_refused "$base.out")" "$((warn1 - warn0))" "$other" >>"$RAW"
    [[ "$(field credentials_refused "$base.out")" == 0 ]] || die "the server refused the bench user's password (see $base.out)"
}

# Runs the steps of variants "$@" at each size of STEPS, as long as the server works.
steps() {
    local v n
    for n in $STEPS; do
        for v in "$@"; do
            [[ -z "$(server_broken)" ]] || { log "skipping $v at $n: $(server_broken)"; continue; }
            settle
            log "step: $CUR_SERVER, $n readers, $(variant_label "$v")"
            step "$v" "$n"
        done
    done
}

# ---- one run per server --------------------------------------------------------------------
run_tributary() {
    local missing="" wv="udp tcp rtsps" probe
    CUR_SERVER=tributary
    SERVER_LOG="$RUN/tributary-$CUR_RUN-server.log"; PUB_LOG="$RUN/tributary-$CUR_RUN-publisher.log"
    log "== run $CUR_RUN: Tributary"
    start_tributary
    "$CLIENT" -u "rtsp://127.0.0.1:$RTSP_PORT$OPEN_PATH" -l -n 1 -t tcp -r 1 -d 3000 -b "$SOURCE_BPS" \
        >"$RUN/out/tributary-$CUR_RUN-anchor.out" 2>&1 &
    ANCHOR_PID=$!
    wait_ready "$RUN/out/tributary-$CUR_RUN-anchor.out" "$ANCHOR_PID" 30 || die "the anchor reader did not start"
    if [[ " $PARTS " == *" a "* ]]; then
        missing="$(srtp_missing)"
        if [[ -n "$missing" ]]; then
            log "part a: $missing"
            printf 'srtp\t%s\t%s\n' "$CUR_RUN" "$missing" >>"$RAW"
        else
            wv="$wv srtp"
        fi
    fi
    if [[ " $PARTS " == *" a "* || " $PARTS " == *" b "* ]]; then
        # shellcheck disable=SC2086
        warm_up $wv
        baseline "parts a, b: 1 publisher, 1 anchor reader"
        if [[ " $PARTS " == *" a "* ]]; then
            if [[ -z "$missing" ]]; then steps udp srtp; else steps udp; fi
        fi
        [[ " $PARTS " != *" b "* ]] || steps tcp rtsps
    fi
    if [[ " $PARTS " == *" c "* && -z "$(server_broken)" ]]; then
        PUB2_PID="$(publish_tributary "$SECURE_PATH" "${PUB_LOG%.log}-secure.log")"
        wait_until "$PUB2_PID" "${PUB_LOG%.log}-secure.log" 5 "the second publisher exited" 60 0.5 \
            "the live stream $SECURE_PATH did not start in 30 s" grep -q "live stream $SECURE_PATH started" "$SERVER_LOG"
        # One reader with the password first: a wrong one must not be sent 200 times (the server
        # slows down and then refuses an address that fails to log in).
        probe="$RUN/out/tributary-$CUR_RUN-login-probe"
        # shellcheck disable=SC2046
        client_run "$probe" $(variant_args digest) -l -n 1 -r 1 -d 2 -b "$SOURCE_BPS"
        [[ "$(field established "$probe.out")" == 1 && "$(field auth_challenges "$probe.out")" -ge 1 ]] \
            || die "the Digest login probe failed: $(sed -n 's/^failure=//p' "$probe.out" | head -1)"
        warm_up open digest
        baseline "part c: 2 publishers, 1 anchor reader"
        local saved="$STEPS"
        STEPS="$AUTH_READERS"
        steps open digest
        STEPS="$saved"
    fi
    grep -E "$(warn_re tributary)" "$SERVER_LOG" 2>/dev/null \
        | sed -E 's/^[0-9-]+ [0-9:.]+ //; s/[0-9a-f]{8}…/<id>/g; s/:[0-9]{4,5}/:<port>/g; s/[0-9]+/N/g' \
        | sort | uniq -c | sort -rn | head -15 | sed "s/^/tributary run $CUR_RUN: /" >>"$RUN/warnings.log" || true
    stop_server
}

run_gstreamer() {
    CUR_SERVER=gstreamer
    SERVER_LOG="$RUN/gstreamer-$CUR_RUN-server.log"; PUB_LOG="$RUN/gstreamer-$CUR_RUN-publisher.log"
    log "== run $CUR_RUN: gst-rtsp-server"
    start_gstreamer
    "$CLIENT" -u "rtsp://127.0.0.1:$RTSP_PORT$OPEN_PATH" -l -n 1 -t tcp -r 1 -d 3000 -b "$SOURCE_BPS" \
        >"$RUN/out/gstreamer-$CUR_RUN-anchor.out" 2>&1 &
    ANCHOR_PID=$!
    wait_ready "$RUN/out/gstreamer-$CUR_RUN-anchor.out" "$ANCHOR_PID" 30 || die "the anchor reader did not start"
    warm_up udp
    baseline "part a: 1 publisher, 1 anchor reader"
    steps udp
    grep -E "$(warn_re gstreamer)" "$SERVER_LOG" 2>/dev/null | sort | uniq -c | sort -rn | head -15 \
        | sed "s/^/gstreamer run $CUR_RUN: /" >>"$RUN/warnings.log" || true
    stop_server
}

# ---- main ----------------------------------------------------------------------------------
RAW="$RUN/raw.tsv"
STEPS_MD="$RUN/steps.md"
RESULTS="$TARGET/results-security-$STAMP.md"
COMMIT="$(git -C "$HERE" rev-parse --short HEAD 2>/dev/null || echo unknown)"
: >"$RAW"; : >"$RUN/warnings.log"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
T_START=$(date +%s)
{
    echo "| server | run | variant | readers | verdict | % ≥ 90 % rate | median rate / source | loss % | failed/dropped | steady s | server CPU % (kernel) | CPU-s / reader-min | RSS MiB | client CPU % | other load % | idle % | connect → PLAY answered p50/p99 ms | connect → first RTP p50/p99 ms | TLS handshake p50/p99 ms | 401s answered | notes |"
    echo "|---|---:|---|---:|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|---:|---|"
} | tee "$STEPS_MD"
log "source $(basename "$MEDIA") at $SOURCE_BPS bit/s; parts $PARTS; readers $STEPS (a, b), $AUTH_READERS (c); $RUNS run(s); load average $LOAD_BEFORE"
for CUR_RUN in $(seq 1 "$RUNS"); do
    [[ " $SERVERS " != *" tributary "* ]] || run_tributary
    [[ " $SERVERS " != *" gstreamer "* || " $PARTS " != *" a "* ]] || run_gstreamer
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
MINUTES=$(( ($(date +%s) - T_START + 30) / 60 ))

{
    echo "# Security overhead: Tributary and gst-rtsp-server $(gst-launch-1.0 --version 2>/dev/null | sed -n 's/.*GStreamer \([0-9.]*\).*/\1/p' | head -1)"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $COMMIT, $(nproc) CPUs ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)),"
    echo "load average before $LOAD_BEFORE, after $LOAD_AFTER; $MINUTES min. JVM: $("$JAVA" -version 2>&1 | head -1)."
    echo "Source: $(basename "$MEDIA") (video only, looped), $SOURCE_BPS bit/s of H.264; readers $STEPS (parts a, b),"
    echo "$AUTH_READERS (part c, $AUTH_TRANSPORT); $RUNS run(s), medians; ramp $RAMP sessions/s, $STEP_SECONDS s per step."
    echo
    "$PYTHON" - "$RAW" "$STEPS" "$AUTH_READERS" "$PARTS" <<'PY'
import statistics, sys
raw, sizes, auth_n, parts = sys.argv[1], sys.argv[2].split(), sys.argv[3], sys.argv[4].split()
steps, srtp_why = [], {}
for line in open(raw):
    f = line.rstrip("\n").split("\t")
    if f[0] == "step":
        keys = "server run v n verdict ge90 ratio loss failed dropped cpu per_min ccpu p50 p99 r50 r99 refused warn other".split()
        steps.append(dict(zip(keys, f[1:])))
    elif f[0] == "srtp":
        srtp_why[f[1]] = f[2]

def num(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return None

def rows(server, v, n):
    return sorted((s for s in steps if s["server"] == server and s["v"] == v and s["n"] == str(n)), key=lambda s: int(s["run"]))

def med(vals):
    vals = [v for v in vals if v is not None]
    return statistics.median(vals) if vals else None

def fmt(v, d):
    return "n/a" if v is None else f"{v:.{d}f}"

def metric(server, v, n, key):
    """Median over runs, a dagger when a run's step did not pass, and the per-run values."""
    rs = rows(server, v, n)
    flag = " †" if any(r["verdict"] != "pass" for r in rs) else ""
    return med(num(r[key]) for r in rs), flag, [num(r[key]) for r in rs]

def runs_text(vals, d):
    return " / ".join(fmt(x, d) for x in vals) if vals else ""

def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b

out = ["| part | metric | median | per run | issue 10's target (for reference; not checked) |", "|---|---|---:|---|---|"]
def row(part, name, value, per_run="", target=""):
    out.append(f"| {part} | {name} | {value} | {per_run} | {target} |")

def cpu_row(part, name, server, v, n, target=""):
    m, flag, vals = metric(server, v, n, "per_min")
    row(part, name, fmt(m, 4) + flag if vals else "not run", runs_text(vals, 4), target)
    return m, vals

def ratio_row(part, name, a, b, target=""):
    (ma, va), (mb, vb) = a, b
    per = [ratio(x, y) for x, y in zip(va, vb)] if va and vb and len(va) == len(vb) else []
    row(part, name, fmt(ratio(ma, mb), 2), runs_text(per, 2), target)

why = "; ".join(sorted(set(srtp_why.values())))
for n in sizes:
    if "a" in parts:
        plain = cpu_row("a", f"Tributary CPU-s per reader-minute, plain RTP/AVP over UDP, {n} readers", "tributary", "udp", n)
        if rows("tributary", "srtp", n):
            srtp = cpu_row("a", f"Tributary CPU-s per reader-minute, SRTP (RTSPS + RTP/SAVP over UDP), {n} readers", "tributary", "srtp", n)
        else:
            srtp = (None, [])
            row("a", f"Tributary CPU-s per reader-minute, SRTP (RTSPS + RTP/SAVP over UDP), {n} readers", why or "not run")
        ratio_row("a", "ratio Tributary SRTP / Tributary plain RTP", srtp, plain, "≤ 2")
        gst = cpu_row("a", f"gst-rtsp-server CPU-s per reader-minute, plain RTP/AVP over UDP, {n} readers", "gstreamer", "udp", n)
        ratio_row("a", "ratio Tributary SRTP / gst-rtsp-server plain RTP", srtp, gst, "< 1")
        ratio_row("a", "ratio Tributary plain RTP / gst-rtsp-server plain RTP (context)", plain, gst)
    if "b" in parts:
        plain = cpu_row("b", f"Tributary CPU-s per reader-minute, RTP/AVP/TCP, {n} readers", "tributary", "tcp", n)
        tls = cpu_row("b", f"Tributary CPU-s per reader-minute, RTSPS (RTP/AVP/TCP in TLS), {n} readers", "tributary", "rtsps", n)
        ratio_row("b", "ratio RTSPS / plain TCP", tls, plain, "≤ 1.5")
if "c" in parts:
    for key_pair, what in ((("p50", "p99"), "connect → PLAY answered"), (("r50", "r99"), "connect → first RTP")):
        for key, pname in zip(key_pair, ("p50", "p99")):
            o = metric("tributary", "open", auth_n, key)
            d = metric("tributary", "digest", auth_n, key)
            row("c", f"{what} {pname} ms, {auth_n} anonymous readers, open path", fmt(o[0], 1) + o[1], runs_text(o[2], 1))
            row("c", f"{what} {pname} ms, {auth_n} readers logging in with Digest, protected path",
                fmt(d[0], 1) + d[1], runs_text(d[2], 1))
            ratio_row("c", f"ratio Digest / anonymous, {what} {pname}", (d[0], d[2]), (o[0], o[2]))
print("\n".join(out))
print()
print("† = at least one run's step did not pass (fewer than 99 % of readers in real time, loss, a failed setup or a drop,")
print("or the load client was the limit): the figure is measured, not sustained. Ratios of medians; per run: that run's ratio.")
PY
    echo
    echo "## Steps"
    echo
    cat "$STEPS_MD"
    echo
    echo "Idle baselines (server CPU % of a core, subtracted): $(awk -F'\t' '$1 == "base" {printf "%s%s run %s (%s): %s", sep, $2, $3, $5, $4; sep = "; "}' "$RAW")."
    echo
    echo "## Server warnings and errors (distinct, counted)"
    echo
    echo '```'
    cat "$RUN/warnings.log"
    echo '```'
} >"$RESULTS.part"
mv "$RESULTS.part" "$RESULTS"
echo
sed -n '/^| part/,/^$/p' "$RESULTS"
log "results: $RESULTS (client outputs, samples, server and publisher logs: $TARGET/security-$STAMP/)"
