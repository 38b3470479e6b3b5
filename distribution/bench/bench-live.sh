#!/usr/bin/env bash
# Live fan-out: Tributary against GStreamer's RTSP server (gst-rtsp-server) on the same live
# stream, in one invocation, one server at a time.
#
# Both servers receive one live stream from ffmpeg and fan it out to N readers (the C load
# client loadclient/rtspload.c), over TCP (interleaved) and over UDP:
#   Tributary:  ffmpeg -re -stream_loop -1 -i clip.mp4 -c copy -f rtsp rtsp://127.0.0.1:P/live/bench
#   GStreamer:  ffmpeg -re -stream_loop -1 -i clip.mp4 -c copy -f rtp rtp://127.0.0.1:U
#               -> gst-live-server.py: shared factory "( udpsrc port=U ! rtph264depay !
#                  h264parse ! rtph264pay name=pay0 )" at rtsp://127.0.0.1:P/live/bench
# Per server and transport it measures: the most readers kept in real time (a ramp of
# steps), server CPU-seconds per reader-minute and RSS per reader at 200 and 500 readers
# (idle baseline subtracted), setup latency (connect -> first RTP, and -> first IDR) at 200
# readers, the load client's own CPU; per server: memory per idle (SETUP, not PLAYing)
# session. It repeats everything RUNS times and prints a Markdown table of medians with
# ratios Tributary / GStreamer and the issue's targets. See README.md ("Live fan-out").
#
# Environment (all optional):
#   STEPS="100 200 300 500 750 1000 1500 2000 3000 4000"  readers per step; a ramp stops at its first
#                                          failing step (METRIC_STEPS still run, flagged)
#   METRIC_STEPS="200 500"                 steps always run (CPU/RSS/latency comparisons)
#   TRANSPORTS="tcp udp"   SERVERS="tributary gstreamer"   RUNS=3
#   RAMP=200                               new sessions per second
#   STEP_SECONDS=15                        each step holds all its readers this long
#   WARMUP=3                               seconds after PLAY not counted in a reader's bitrate
#   BASELINE_SECONDS=12                    idle baseline (publisher + 1 anchor reader): CPU is the
#                                          lowest 3 s window, RSS the mean
#   IDLE_SESSIONS=1000                     sessions SETUP but not PLAYing (memory per session)
#   PUBLISH_TRANSPORT=tcp                  Tributary's publisher (ffmpeg -rtsp_transport tcp|udp);
#                                          tcp keeps the ingest off the measured UDP sockets. (The
#                                          peer's ingest is RTP/UDP, no RTSP.)
#   CLIENT_LIMIT=80                        load client CPU (% of its one core) that flags a
#                                          step as client-limited and ends the ramp
#   GST_THREADS=$(nproc)                   gst-rtsp-server client thread pool
#   DIST=../app/target/tributary  JAVA=...temurin-25...  JAVA_OPTS=  PYTHON=/usr/bin/python3
#   MEDIA_SECONDS=30
#
# Quick check (about 6 min): RUNS=1 STEPS="100 500" distribution/bench/bench-live.sh
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$HERE/lib.sh"
LOG_TAG=live
TARGET="$HERE/target"
STEPS="${STEPS:-100 200 300 500 750 1000 1500 2000 3000 4000}"
METRIC_STEPS="${METRIC_STEPS-200 500}"
TRANSPORTS="${TRANSPORTS:-tcp udp}"
SERVERS="${SERVERS:-tributary gstreamer}"
RUNS="${RUNS:-3}"
RAMP="${RAMP:-200}"
STEP_SECONDS="${STEP_SECONDS:-15}"
WARMUP="${WARMUP:-3}"
BASELINE_SECONDS="${BASELINE_SECONDS:-12}"
IDLE_SESSIONS="${IDLE_SESSIONS:-1000}"
PUBLISH_TRANSPORT="${PUBLISH_TRANSPORT:-tcp}"
CLIENT_LIMIT="${CLIENT_LIMIT:-80}"
GST_THREADS="${GST_THREADS:-$(nproc)}"
MEDIA_SECONDS="${MEDIA_SECONDS:-30}"
DIST="${DIST:-$HERE/../app/target/tributary}"
JAVA_OPTS="${JAVA_OPTS:-}"
PYTHON="${PYTHON:-/usr/bin/python3}"
find_java
LIVE_PATH=/live/bench

[[ -f "$DIST/tributary.jar" ]] || die "no distribution at $DIST (build distribution/app first)"
for tool in ffmpeg ffprobe gcc; do command -v "$tool" >/dev/null || die "$tool is needed"; done
"$PYTHON" -c 'import gi; gi.require_version("GstRtspServer", "1.0")' 2>/dev/null \
    || die "$PYTHON cannot import GstRtspServer (python3-gst-1.0, gir1.2-gst-rtsp-server-1.0)"
[[ -x "$JDK_BIN/jcmd" ]] || die "no jcmd next to $JAVA"
for n in $STEPS $METRIC_STEPS $IDLE_SESSIONS; do
    [[ "$n" =~ ^[0-9]+$ && "$n" -ge 1 && "$n" -le 5000 ]] || die "STEPS/IDLE_SESSIONS: $n is not in 1..5000"
done
[[ "$RUNS" =~ ^[0-9]+$ && "$RUNS" -ge 1 && "$RUNS" -le 10 ]] || die "RUNS: 1..10"
[[ "$STEP_SECONDS" =~ ^[0-9]+$ && "$STEP_SECONDS" -ge 8 && "$STEP_SECONDS" -le 300 ]] || die "STEP_SECONDS: 8..300"
[[ "$BASELINE_SECONDS" =~ ^[0-9]+$ && "$BASELINE_SECONDS" -ge 3 && "$BASELINE_SECONDS" -le 120 ]] || die "BASELINE_SECONDS: 3..120"
# The ramp: STEPS and METRIC_STEPS, ascending, once each.
LADDER="$(printf '%s\n' $STEPS $METRIC_STEPS | sort -n -u | tr '\n' ' ')"

mkdir -p "$TARGET"
STAMP="$(date +%Y%m%d-%H%M%S)"
RUN="$(mktemp -d "${TMPDIR:-/tmp}/tributary-live.XXXXXX")"
SERVER_PID="" PUB_PID="" CLIENT_PID="" ANCHOR_PID="" IDLE_PID="" GC_LOG="" HTTP_PORT=""
stop_server() {
    stop_pid "$CLIENT_PID"; CLIENT_PID=""
    stop_pid "$IDLE_PID"; IDLE_PID=""
    stop_pid "$ANCHOR_PID"; ANCHOR_PID=""
    stop_pid "$SERVER_PID"; SERVER_PID=""
    stop_pid "$PUB_PID"; PUB_PID=""
}
cleanup() {
    set +e
    stop_server
    mkdir -p "$TARGET/live-$STAMP"
    cp -r "$RUN"/out "$RUN"/*.log "$RUN"/*.tsv "$TARGET/live-$STAMP/" 2>/dev/null
    rm -rf "$RUN"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$RUN/out"

# ---- load client and media -----------------------------------------------------------
CLIENT="$TARGET/rtspload"
build_client
MEDIA="$TARGET/live-1080p30-4M-${MEDIA_SECONDS}s.mp4"
generate_media "$MEDIA" "1080p30 H.264 4 Mbit/s, 1 s GOP, no B-frames, video only" \
    -f lavfi -i "testsrc2=size=1920x1080:rate=30" -t "$MEDIA_SECONDS" \
    -c:v libx264 -preset veryfast -profile:v high -bf 0 -g 30 -keyint_min 30 -sc_threshold 0 \
    -b:v 4M -maxrate 4M -bufsize 2M -pix_fmt yuv420p -an -movflags +faststart
# Source bitrate of the H.264 stream.
SOURCE_BPS="$(source_bps "$MEDIA" -select_streams v:0)"
# One snapshot of the distribution for the whole invocation (others may rebuild it meanwhile).
cp -r "$DIST" "$RUN/dist"
rm -rf "$RUN/dist/data/felix-cache"

# ---- ports, processes, /proc ---------------------------------------------------------
# Machine-wide UDP drop counters: socket receive buffer full, socket send buffer full, and
# packets dropped from the per-CPU input backlog (netdev_max_backlog; loopback delivery).
kernel_drops() {
    awk '/^Udp:/ {if (h) {for (i = 2; i <= NF; i++) v[k[i]] = $i} else {h = 1; for (i = 2; i <= NF; i++) k[i] = $i}}
         END {printf "%d %d ", v["RcvbufErrors"], v["SndbufErrors"]}' /proc/net/snmp
    local s=0 _a d _r
    while read -r _a d _r; do s=$((s + 16#$d)); done </proc/net/softnet_stat
    echo "$s"
}
# Datagrams dropped by the server's own UDP sockets (receive buffer full: its ingest from the
# publisher, and RTCP), from the skmem "d" counter of each socket the server process owns.
server_sock_drops() {
    ss -H -uanmp 2>/dev/null | awk -v p="pid=$SERVER_PID," '
        index($0, p) {f = 1; next}
        f && /skmem/ {if (match($0, /,d[0-9]+\)/)) s += substr($0, RSTART + 2, RLENGTH - 3)}
        {f = 0}
        END {print s + 0}'
}
# Warning and error lines of the server's own log (Tributary: SLF4J levels; GStreamer: GLib
# criticals and GStreamer debug output at level WARNING or ERROR).
warn_re() { if [[ "$1" == tributary ]]; then echo ' (WARN|ERROR) '; else echo 'CRITICAL|ERROR|WARN'; fi; }
warn_lines() { grep -c -E "$(warn_re "$CUR_SERVER")" "$SERVER_LOG" 2>/dev/null || true; }

# Why the server cannot be measured any more (empty: it can).
server_broken() {
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "server exited"; return; fi
    if ! kill -0 "$PUB_PID" 2>/dev/null; then echo "publisher exited"; return; fi
}

# Starts the load client in the background: $1 output base, then rtspload arguments.
client_start() {
    local base="$1"; shift
    "$CLIENT" -u "$URL" "$@" >"$base.out" 2>"$base.err" &
}
wait_ready() { # $1 .out file, $2 pid, $3 timeout s: until "ready_at_s=" (0) or the client ends (1)
    for _ in $(seq 1 $(($3 * 5))); do
        grep -q '^ready_at_s=' "$1" 2>/dev/null && return 0
        kill -0 "$2" 2>/dev/null || return 1
        sleep 0.2
    done
    return 1
}

# ---- servers ---------------------------------------------------------------------------
start_tributary() {
    local rtsp http rtp home
    rtsp="$(pick_port tcppair)"; http=$((rtsp + 1)); rtp="$(pick_port udppair)"
    HTTP_PORT="$http"
    home="$RUN/home"
    tributary_home "$home" "$RUN/dist" "$rtp"
    URL="rtsp://127.0.0.1:$rtsp$LIVE_PATH"
    # shellcheck disable=SC2086
    # GC pauses, with wall-clock milliseconds, to line them up with the steps.
    GC_LOG="${SERVER_LOG%-server.log}-gc.log"
    "$JAVA" $JAVA_OPTS "-Xlog:gc:file=$GC_LOG:timemillis" -jar "$home/tributary.jar" --home "$home" --no-shell \
        --rtsp-port "$rtsp" --http-port "$http" >"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!
    wait_until "$SERVER_PID" "$SERVER_LOG" 20 "Tributary exited at start" 120 0.5 \
        "Tributary is not ready after 60 s ($SERVER_LOG)" tributary_listening "$SERVER_LOG" "$rtsp"
    ffmpeg -hide_banner -nostdin -loglevel warning -re -stream_loop -1 -i "$MEDIA" -c copy \
        -f rtsp -rtsp_transport "$PUBLISH_TRANSPORT" "$URL" >"$PUB_LOG" 2>&1 &
    PUB_PID=$!
    wait_until "$PUB_PID" "$PUB_LOG" 5 "the publisher exited" 60 0.5 "the live stream did not start in 30 s" \
        grep -q "live stream $LIVE_PATH started" "$SERVER_LOG"
    log "Tributary pid $SERVER_PID on $URL, publisher pid $PUB_PID (RTSP/$PUBLISH_TRANSPORT)"
}

start_gstreamer() {
    local rtsp udp sprop
    rtsp="$(pick_port tcp)"; udp="$(pick_port udppair)"
    URL="rtsp://127.0.0.1:$rtsp$LIVE_PATH"
    rm -f "$RUN/peer.sdp"
    ffmpeg -hide_banner -nostdin -loglevel warning -re -stream_loop -1 -i "$MEDIA" -c copy \
        -f rtp -sdp_file "$RUN/peer.sdp" "rtp://127.0.0.1:$udp" >"$PUB_LOG" 2>&1 &
    PUB_PID=$!
    wait_until "$PUB_PID" "$PUB_LOG" 5 "the publisher exited" 50 0.2 "ffmpeg wrote no SDP in 10 s" \
        grep -qs sprop-parameter-sets "$RUN/peer.sdp"
    sprop="$(sed -n 's/.*sprop-parameter-sets=\([^; ]*\).*/\1/p' "$RUN/peer.sdp" | tr -d '\r' | head -1)"
    "$PYTHON" "$HERE/gst-live-server.py" --port "$rtsp" --udp-port "$udp" --path "$LIVE_PATH" \
        --threads "$GST_THREADS" --sprop "$sprop" >"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!
    wait_until "$SERVER_PID" "$SERVER_LOG" 20 "gst-live-server.py exited" 50 0.2 \
        "gst-live-server.py is not ready after 10 s" grep -q "^ready" "$SERVER_LOG"
    log "GStreamer pid $SERVER_PID on $URL, publisher pid $PUB_PID (RTP/UDP to $udp)"
}

# Starts a server with its publisher and one anchor reader (it keeps the peer's shared
# media prepared between steps; both servers get one), warms it up, measures the baseline.
# $1 server, $2 transport of this ramp (the warm-up uses it).
bring_up() {
    local s="$1" t="$2" a0 a1 r0 i
    CUR_SERVER="$s"
    SERVER_LOG="$RUN/$s-$CUR_RUN-$t-server.log"; PUB_LOG="$RUN/$s-$CUR_RUN-$t-publisher.log"
    "start_$s"
    client_start "$RUN/out/$s-$CUR_RUN-$t-anchor" -l -n 1 -t tcp -r 1 -d 3000 -b "$SOURCE_BPS"
    ANCHOR_PID=$!
    wait_ready "$RUN/out/$s-$CUR_RUN-$t-anchor.out" "$ANCHOR_PID" 30 || die "the anchor reader did not start"
    log "warm-up: 20 $t readers for 10 s, not reported"
    "$CLIENT" -u "$URL" -l -n 20 -t "$t" -r 20 -d 10 -b "$SOURCE_BPS" >"$RUN/out/$s-$CUR_RUN-$t-warmup.out" 2>&1 || true
    BASE_CPU=10
    [[ "$t" == tcp ]] && idle_sessions "$s"
    # Tributary: the baseline (and so every step) starts from the heap after a full GC, in
    # both ramps (the idle-session measurement of the TCP ramp runs full GCs too).
    if [[ "$s" == tributary ]]; then "$JDK_BIN/jcmd" "$SERVER_PID" GC.run >/dev/null 2>&1 || true; fi
    settle
    # CPU: the lowest of 3 s windows (a transient, e.g. the tail of the idle-session teardown
    # or of the full GC, must not inflate what every step subtracts); RSS: the mean.
    local w cpus="" r1
    r0=0
    for w in $(seq 1 $((BASELINE_SECONDS / 3))); do
        a0=$(ticks "$SERVER_PID"); sleep 3; a1=$(ticks "$SERVER_PID")
        r1=$(rss_kib "$SERVER_PID"); r0=$((r0 + r1))
        cpus="$cpus $(awk -v a="$a0" -v b="$a1" -v hz="$HZ" 'BEGIN {printf "%.2f", 100 * (b - a) / hz / 3}')"
    done
    BASE_CPU=$(printf '%s\n' $cpus | sort -g | head -1)
    BASE_RSS=$((r0 / (BASELINE_SECONDS / 3)))
    printf 'base\t%s\t%s\t%s\t%s\t%s\n' "$s" "$CUR_RUN" "$t" "$BASE_CPU" "$BASE_RSS" >>"$RAW"
    log "baseline ($s, $t): server CPU $BASE_CPU % of a core (3 s windows:$cpus), RSS $((BASE_RSS / 1024)) MiB"
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

# Live heap (after a full GC) of the JVM, in bytes: GC.class_histogram runs a full GC first.
heap_live_bytes() {
    "$JDK_BIN/jcmd" "$SERVER_PID" GC.class_histogram 2>/dev/null | awk '$1 == "Total" {print $3}'
}

# Memory per idle session: IDLE_SESSIONS sessions SETUP over TCP, never PLAYed.
# Tributary: live heap after a full GC (jcmd GC.class_histogram "Total") and RSS, before and
# while the sessions are held. GStreamer: RSS.
idle_sessions() {
    local s="$1" base="$RUN/out/$1-$CUR_RUN-idle" h0="" h1="" r0 r1 held heap_kib=n/a rss_per
    settle
    if [[ "$s" == tributary ]]; then h0="$(heap_live_bytes)"; fi
    sleep 1; r0=$(rss_kib "$SERVER_PID")
    client_start "$base" -S -n "$IDLE_SESSIONS" -t tcp -r "$RAMP" -d 120
    IDLE_PID=$!
    if ! wait_ready "$base.out" "$IDLE_PID" $((IDLE_SESSIONS / RAMP + 60)); then
        log "idle sessions did not all set up"; stop_pid "$IDLE_PID"; IDLE_PID=""; return
    fi
    held="$(field ready_sessions "$base.out")"
    sleep 2
    if [[ "$s" == tributary ]]; then h1="$(heap_live_bytes)"; fi
    sleep 1; r1=$(rss_kib "$SERVER_PID")
    stop_pid "$IDLE_PID"; IDLE_PID=""   # SIGTERM: TEARDOWN for every session, then the summary
    [[ "$held" -gt 0 ]] || { log "no idle session was held"; return; }
    if [[ -n "$h0" && -n "$h1" ]]; then
        heap_kib=$(awk -v a="$h0" -v b="$h1" -v n="$held" 'BEGIN {printf "%.1f", (b - a) / 1024 / n}')
    fi
    rss_per=$(awk -v a="$r0" -v b="$r1" -v n="$held" 'BEGIN {printf "%.1f", (b - a) / n}')
    printf 'idle\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$s" "$CUR_RUN" "$held" "$heap_kib" "$rss_per" "${h0:-}" "${h1:-}" >>"$RAW"
    log "idle sessions ($s): $held held; heap $heap_kib KiB/session (live heap ${h0:-n/a} -> ${h1:-n/a} B), RSS $rss_per KiB/session"
}

# One step: $1 server, $2 transport, $3 readers. Prints a row, appends a "step" record to RAW.
# Sets STEP_VERDICT to pass, FAIL, client-limited or broken.
step() {
    local s="$1" t="$2" n="$3" base="$RUN/out/$1-$CUR_RUN-$2-$3" now w0 limit broken="" warn0 warn1
    local from to steady cpu ccpu other idle sys rss per_min rss_per ge90 ratio loss failed dropped verdict note="" lossy
    local kr0 ks0 kb0 kr1 ks1 kb1 kdrops sd0 sd1 w0_ms gc="" snap_at snapped="" sdrops=n/a
    warn0=$(warn_lines)
    read -r kr0 ks0 kb0 < <(kernel_drops)
    sd0=$(server_sock_drops)
    : >"$base.samples"
    w0=$(date +%s%N)
    w0_ms=$((w0 / 1000000))
    client_start "$base" -l -n "$n" -t "$t" -r "$RAMP" -d "$STEP_SECONDS" -w "$WARMUP" -b "$SOURCE_BPS" -o "$base.csv"
    CLIENT_PID=$!
    limit=$(( (n / RAMP + STEP_SECONDS + 40) * 2 ))
    snap_at=$(( (n / RAMP + STEP_SECONDS - 2) * 1000 ))
    for _ in $(seq 1 "$limit"); do
        now=$(date +%s%N)
        # Tributary counts the packets it drops per session itself (console rtsp.json): take
        # them 2 s before the readers stop.
        if [[ "$s" == tributary && -z "$snapped" && $(( (now - w0) / 1000000 )) -ge $snap_at ]]; then
            snapped=1
            curl -s -m 5 -u "admin:$BENCH_ADMIN_PASSWORD" "http://127.0.0.1:$HTTP_PORT/system/console/rtsp.json" >"$base.sessions.json" || true
        fi
        cpu_sample $(( (now - w0) / 1000000 )) >>"$base.samples"
        broken="$(server_broken)"; [[ -z "$broken" ]] || break
        kill -0 "$CLIENT_PID" 2>/dev/null || break
        sleep 0.5
    done
    end_client "stopping the load client (${broken:-overran})"
    warn1=$(warn_lines)
    read -r kr1 ks1 kb1 < <(kernel_drops)
    sd1=$(server_sock_drops)
    kdrops="$((sd1 - sd0)) | $((kr1 - kr0))/$((ks1 - ks0))/$((kb1 - kb0))"
    if [[ -s "$base.sessions.json" ]]; then
        # sessions with drops / packets dropped, over the server's sessions (readers + anchor)
        sdrops="$(grep -o '"dropped":[0-9]*' "$base.sessions.json" | cut -d: -f2 \
            | awk '{s += $1; if ($1 > 0) k++} END {printf "%d/%d", k, s}')"
    fi
    [[ -s "$base.out" ]] || { cat "$base.err" >&2; die "the load client printed nothing"; }

    # Steady window: from 1 s after the last reader's PLAY to 2 s before the client stopped
    # (it stops STEP_SECONDS after its last connect, then drains 1 s).
    to=$(awk -v x="$(field client_wall_s "$base.out")" 'BEGIN {print x - 2}')
    read -r from steady < <(steady_window "$base.out" "$to")
    read -r cpu ccpu other idle sys rss < <(window_cpu "$base.samples" "$from" "$to" 1)
    # CPU-seconds per reader-minute = (server - baseline) cores x 60 s / readers
    per_min=$(awk -v p="$cpu" -v b="$BASE_CPU" -v n="$n" 'BEGIN {if (p == "n/a") print "n/a"; else printf "%.4f", (p - b) / 100 * 60 / n}')
    rss_per=$(awk -v r="$rss" -v b="$BASE_RSS" -v n="$n" 'BEGIN {if (r == "n/a") print "n/a"; else printf "%.1f", (r - b) / n}')
    ge90=$(field ge90_pct "$base.out"); ratio=$(field rate_p50_ratio "$base.out"); loss=$(field loss_pct "$base.out")
    failed=$(field failed "$base.out"); dropped=$(field dropped "$base.out")
    lossy="$(field sessions_with_loss "$base.out")/$(field loss_events "$base.out")"
    [[ "$lossy" == 0/0 ]] || lossy="$lossy @$(field first_gap_after_play_ms_min "$base.out")..$(field first_gap_after_play_ms_max "$base.out")"
    verdict=$(step_verdict "$ge90" "$loss" "$failed" "$dropped")
    if awk -v c="$ccpu" -v lim="$CLIENT_LIMIT" 'BEGIN {exit !(c != "n/a" && c >= lim)}'; then
        verdict=client-limited
    fi
    if [[ -n "$broken" ]]; then verdict=broken; note="$broken"; fi
    if [[ "$s" == tributary && -f "$GC_LOG" ]]; then
        # "[1764075000123ms] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 90M->20M(256M) 3.456ms"
        gc="$(awk -v a="$w0_ms" -v b="$(date +%s%3N)" '/Pause/ {
                t = substr($1, 2) + 0; d = $NF; sub(/ms$/, "", d)
                if (t >= a && t <= b) {n++; s += d; if (d + 0 > m) m = d + 0}}
            END {if (n) printf "GC %d pauses, max %.0f ms, total %.0f ms", n, m, s}' "$GC_LOG")"
        [[ -n "$gc" ]] && note="${note:+$note; }$gc"
    fi
    [[ $((warn1 - warn0)) -gt 0 ]] && note="${note:+$note; }$((warn1 - warn0)) warning/error lines in the server log"
    [[ -n "${OVER:-}" ]] && note="${note:+$note; }over capacity (after the ramp's first failure)"
    printf '| %-9s | %d | %-3s | %5s | %-14s | %6s | %5s | %7s | %s | %s | %s | %s/%s | %4s | %5s (%s) | %7s | %6s | %5s | %4s | %4s | %s/%s | %s/%s | %s |\n' \
        "$s" "$CUR_RUN" "$t" "$n" "$verdict" "$ge90" "$ratio" "$loss" "$lossy" "$sdrops" "$kdrops" "$failed" "$dropped" "$steady" "$cpu" "$sys" \
        "$per_min" "$rss_per" "$ccpu" "$other" "$idle" \
        "$(field setup_p50_ms "$base.out")" "$(field setup_p99_ms "$base.out")" \
        "$(field idr_p50_ms "$base.out")" "$(field idr_p99_ms "$base.out")" "$note" | tee -a "$STEPS_MD"
    grep '^failure=' "$base.out" | sed 's/^/      /' >&2 || true
    printf 'step\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
        "$s" "$CUR_RUN" "$t" "$n" "$verdict" "$ge90" "$ratio" "$loss" "$failed" "$dropped" "$cpu" "$sys" "$per_min" \
        "$rss" "$rss_per" "$ccpu" "$(field setup_p50_ms "$base.out")" "$(field setup_p99_ms "$base.out")" \
        "$(field idr_p50_ms "$base.out")" "$(field idr_p99_ms "$base.out")" "${OVER:+over}" "$((warn1 - warn0))" "$other" \
        "$lossy" "$kdrops" "$sdrops" >>"$RAW"
    STEP_VERDICT="$verdict"
}

# One ramp: $1 server, $2 transport. A fresh server per ramp, so that RSS is not inherited.
ramp() {
    local s="$1" t="$2" n max=0 first_fail="" reason="" metric
    log "== run $CUR_RUN: $s over $t"
    bring_up "$s" "$t"
    OVER=""
    for n in $LADDER; do
        metric=0; for m in $METRIC_STEPS; do [[ "$m" == "$n" ]] && metric=1; done
        if [[ -n "$first_fail" && "$metric" == 0 ]]; then continue; fi
        [[ -z "$(server_broken)" ]] || break
        settle
        log "step: $s, $n readers over $t"
        step "$s" "$t" "$n"
        if [[ -z "$first_fail" ]]; then
            if [[ "$STEP_VERDICT" == pass ]]; then
                max=$n
            else
                first_fail=$n; reason="$STEP_VERDICT"; OVER=1
                log "the $s/$t ramp stops at $n readers ($STEP_VERDICT)"
            fi
        fi
    done
    OVER=""
    printf 'ramp\t%s\t%s\t%s\t%s\t%s\t%s\n' "$s" "$CUR_RUN" "$t" "$max" "${first_fail:-none}" "${reason:-}" >>"$RAW"
    # Distinct warnings and errors of this server in this ramp, for the report.
    grep -E "$(warn_re "$s")" "$SERVER_LOG" 2>/dev/null \
        | sed -E 's/^[0-9-]+ [0-9:.]+ //; s/[0-9a-f]{32}/<id>/g; s/:[0-9]{4,5}/:<port>/g; s/[0-9]+/N/g' \
        | sort | uniq -c | sort -rn | head -15 | sed "s/^/$s $t run $CUR_RUN: /" >>"$RUN/warnings.log" || true
    stop_server
}

# ---- relay hop: publish -> relay -> reader latency is measured by bench-relay.sh ----------
# (two Tributary instances, origin and relay, read side by side by relay-latency.py; the
# peer has no relay of its own to compare with).

# ---- main ------------------------------------------------------------------------------
RAW="$RUN/raw.tsv"
STEPS_MD="$RUN/steps.md"
RESULTS="$TARGET/results-live-$STAMP.md"
COMMIT="$(git -C "$HERE" rev-parse --short HEAD 2>/dev/null || echo unknown)"
: >"$RAW"; : >"$RUN/warnings.log"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
T_START=$(date +%s)
{
    echo "| server | run | tr | readers | verdict | % ≥ 90 % rate | median rate / source | loss % | lossy sessions/gaps @first gap ms after PLAY | server-counted drops sessions/packets | server UDP socket drops (ingest) | machine UDP drops rcvbuf/sndbuf/backlog | failed/dropped | steady s | server CPU % (kernel) | CPU-s / reader-min | RSS KiB / reader | client CPU % | other load % | idle % | first RTP p50/p99 ms | first IDR p50/p99 ms | notes |"
    echo "|---|---:|---|---:|---|---:|---:|---:|---|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|"
} | tee "$STEPS_MD"
log "source $(basename "$MEDIA") at $SOURCE_BPS bit/s; ladder: $LADDER; $RUNS run(s); load average $LOAD_BEFORE"
for CUR_RUN in $(seq 1 "$RUNS"); do
    for s in $SERVERS; do
        for t in $TRANSPORTS; do
            ramp "$s" "$t"
        done
    done
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
MINUTES=$(( ($(date +%s) - T_START + 30) / 60 ))

{
    echo "# Live fan-out: Tributary vs GStreamer $(gst-launch-1.0 --version 2>/dev/null | sed -n 's/.*GStreamer \([0-9.]*\).*/\1/p' | head -1) (gst-rtsp-server)"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $COMMIT, $(nproc) CPUs ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)),"
    echo "load average before $LOAD_BEFORE, after $LOAD_AFTER; $MINUTES min. JVM: $("$JAVA" -version 2>&1 | head -1)."
    echo "Source: $(basename "$MEDIA") (video only, looped), $SOURCE_BPS bit/s of H.264; ladder $LADDER;"
    echo "$RUNS run(s), medians; ramp $RAMP sessions/s, $STEP_SECONDS s per step; Tributary publisher over RTSP/$PUBLISH_TRANSPORT,"
    echo "peer ingest RTP/UDP; gst-rtsp-server with $GST_THREADS client threads."
    echo
    "$PYTHON" - "$RAW" "$CLIENT_LIMIT" <<'PY'
import statistics, sys
raw, client_limit = sys.argv[1], float(sys.argv[2])
steps, ramps, idles, bases = [], [], [], []
for line in open(raw):
    f = line.rstrip("\n").split("\t")
    if f[0] == "step":
        keys = "server run tr n verdict ge90 ratio loss failed dropped cpu sys per_min rss rss_per ccpu s50 s99 i50 i99 over warn other lossy kdrops sdrops".split()
        steps.append(dict(zip(keys, f[1:])))
    elif f[0] == "ramp":
        ramps.append(dict(zip("server run tr max first_fail reason".split(), f[1:])))
    elif f[0] == "idle":
        idles.append(dict(zip("server run held heap rss h0 h1".split(), f[1:])))
    elif f[0] == "base":
        bases.append(dict(zip("server run tr cpu rss".split(), f[1:])))

def num(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return None

def med(vals):
    vals = [v for v in vals if v is not None]
    return statistics.median(vals) if vals else None

def fmt(v, d=2):
    if v is None:
        return "n/a"
    return f"{v:.{d}f}" if d else f"{v:.0f}"

def step_metric(server, tr, n, key):
    rows = [s for s in steps if s["server"] == server and s["tr"] == tr and s["n"] == str(n)]
    flag = ""
    if any(r["verdict"] != "pass" for r in rows):
        flag = " †"
    return med(num(r[key]) for r in rows), flag, len(rows)

def max_readers(server, tr):
    rows = [r for r in ramps if r["server"] == server and r["tr"] == tr]
    if not rows:
        return None, ""
    flag = ""
    if any(r["first_fail"] == "none" for r in rows):
        flag = " (top of the ladder)"
    if any(r["reason"] == "client-limited" for r in rows):
        flag += " (client-limited)"
    if any(r["reason"] == "broken" for r in rows):
        flag += " (a ramp broke: server or publisher exited)"
    return med(num(r["max"]) for r in rows), flag

out = []
def row(metric, t, g, ratio, target, met):
    out.append(f"| {metric} | {t} | {g} | {ratio} | {target} | {met} |")

def ratio_of(a, b, d=2):
    if a is None or b is None or b == 0:
        return None
    return a / b

out.append("| metric | Tributary | GStreamer | ratio T/G | target | met |")
out.append("|---|---:|---:|---:|---|---|")
for tr, target in (("tcp", 1.0), ("udp", 1.5)):
    t, tf = max_readers("tributary", tr)
    g, gf = max_readers("gstreamer", tr)
    r = ratio_of(t, g)
    row(f"max readers sustained, {tr.upper()}", fmt(t, 0) + tf, fmt(g, 0) + gf, fmt(r),
        f"≥ {target:g}× peer", "n/a" if r is None else ("yes" if r >= target else "**no**"))
for n in (200, 500):
    for tr in ("tcp", "udp"):
        t, tf, _ = step_metric("tributary", tr, n, "per_min")
        g, gf, _ = step_metric("gstreamer", tr, n, "per_min")
        r = ratio_of(t, g)
        target, met = "", ""
        if n == 500:
            lim = 1.0 if tr == "tcp" else 0.5
            target = f"≤ {lim:g}× peer"
            met = "n/a" if r is None else ("yes" if r <= lim else "**no**")
        row(f"server CPU-s per reader-minute at {n}, {tr.upper()}", fmt(t, 3) + tf, fmt(g, 3) + gf, fmt(r), target, met)
for n in (200, 500):
    for tr in ("tcp", "udp"):
        t, tf, _ = step_metric("tributary", tr, n, "rss_per")
        g, gf, _ = step_metric("gstreamer", tr, n, "rss_per")
        row(f"RSS KiB per reader at {n}, {tr.upper()}", fmt(t, 0) + tf, fmt(g, 0) + gf, fmt(ratio_of(t, g)), "", "")
th = med(num(i["heap"]) for i in idles if i["server"] == "tributary")
row("heap KiB per idle session (SETUP, no PLAY)", fmt(th, 1), "n/a (C)", "", "≤ 50 KiB",
    "n/a" if th is None else ("yes" if th <= 50 else "**no**"))
tr_ = med(num(i["rss"]) for i in idles if i["server"] == "tributary")
gr_ = med(num(i["rss"]) for i in idles if i["server"] == "gstreamer")
row("RSS KiB per idle session", fmt(tr_, 1), fmt(gr_, 1), fmt(ratio_of(tr_, gr_)), "", "")
for metric, keys in (("setup latency {} ms (connect → first RTP)", ("s50", "s99")),
                     ("connect → first IDR {} ms", ("i50", "i99"))):
    for tr in ("tcp", "udp"):
        for key, label in zip(keys, ("p50", "p99")):
            t, tf, _ = step_metric("tributary", tr, 200, key)
            g, gf, _ = step_metric("gstreamer", tr, 200, key)
            row(f"{metric.format(label)} at 200, {tr.upper()}", fmt(t, 1) + tf, fmt(g, 1) + gf,
                fmt(ratio_of(t, g)), "", "")
for tr in ("tcp", "udp"):
    t, tf, _ = step_metric("tributary", tr, 500, "ccpu")
    g, gf, _ = step_metric("gstreamer", tr, 500, "ccpu")
    tmax = max((num(s["ccpu"]) or 0 for s in steps if s["server"] == "tributary" and s["tr"] == tr), default=None)
    gmax = max((num(s["ccpu"]) or 0 for s in steps if s["server"] == "gstreamer" and s["tr"] == tr), default=None)
    row(f"load client CPU % of a core at 500 (highest step), {tr.upper()}", f"{fmt(t, 0)}{tf} ({fmt(tmax, 0)})",
        f"{fmt(g, 0)}{gf} ({fmt(gmax, 0)})", "", f"< {client_limit:g} (else the client is the limit)", "")
row("publish → relay → reader latency p50/p99", "bench-relay.sh", "n/a", "", "p99 < 5 ms", "")
print("\n".join(out))
print()
print("† = at least one run's step at this size failed (over capacity): the figure is measured, not sustained.")
print()
bl = []
for s in ("tributary", "gstreamer"):
    for tr in ("tcp", "udp"):
        c = med(num(b["cpu"]) for b in bases if b["server"] == s and b["tr"] == tr)
        r = med(num(b["rss"]) for b in bases if b["server"] == s and b["tr"] == tr)
        if c is not None:
            bl.append(f"{s}/{tr} {c:.1f} % of a core, {r / 1024:.0f} MiB")
print("Idle baselines (publisher + 1 anchor reader; subtracted above): " + "; ".join(bl) + ".")
ram = []
for r in ramps:
    ram.append(f"{r['server']}/{r['tr']} run {r['run']}: {r['max']} (first failure: {r['first_fail']}{' ' + r['reason'] if r['reason'] else ''})")
print()
print("Max readers per run: " + "; ".join(ram) + ".")
PY
    echo
    echo "## Steps"
    echo
    cat "$STEPS_MD"
    echo
    echo "## Server warnings and errors (distinct, counted)"
    echo
    echo '```'
    cat "$RUN/warnings.log"
    echo '```'
    echo
    echo "## TODO: publish → relay → reader latency (p50/p99)"
    echo
    echo "Not measured yet: the relay bundle is being written. See README.md (Live fan-out, TODO)."
} >"$RESULTS.part"
mv "$RESULTS.part" "$RESULTS"
echo
sed -n '/^| metric/,/^$/p' "$RESULTS"
log "results: $RESULTS (raw data, client outputs and server logs: $TARGET/live-$STAMP/)"
