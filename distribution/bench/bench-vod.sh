#!/usr/bin/env bash
# VOD capacity: how many readers of one file Tributary keeps in real time.
#
# Starts Tributary from a temporary copy of distribution/app/target/tributary with a
# generated 1080p30 H.264 + AAC file in media/, then runs the C load client
# (loadclient/rtspload.c) in steps of readers, over TCP (interleaved) and over UDP, and
# prints one table row per step. See README.md for what the columns mean.
#
# Environment (all optional):
#   STEPS="100 250 500 750 1000 1250 1500 2000 2500 3000"  readers per step; a ramp stops at its first failing step
#   TRANSPORTS="tcp udp"                    ramps to run, in order
#   RAMP=200                                new sessions per second
#   MEDIA_SECONDS=40                        length of the generated file (= each reader's play time;
#                                           40 s leaves ~30 s with all readers playing at 2000 readers)
#   WARMUP=3                                seconds after PLAY not counted in a reader's bitrate
#   PIN=0                                   1: server on CPU 1, load client on CPU 0 (taskset)
#   PROFILE_AT=                             readers at which to record a JFR profile (e.g. 1500)
#   DIST=../app/target/tributary            the built distribution
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java (else java on PATH; JDK >= 21)
#   JAVA_OPTS=                              extra JVM options for the server
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$HERE/lib.sh"
LOG_TAG=bench
TARGET="$HERE/target"
STEPS="${STEPS:-100 250 500 750 1000 1250 1500 2000 2500 3000}"
TRANSPORTS="${TRANSPORTS:-tcp udp}"
RAMP="${RAMP:-200}"
MEDIA_SECONDS="${MEDIA_SECONDS:-40}"
WARMUP="${WARMUP:-3}"
PIN="${PIN:-0}"
PROFILE_AT="${PROFILE_AT:-}"
find_tributary   # DIST, JAVA_OPTS, JAVA, JDK_BIN, HZ

command -v ffmpeg >/dev/null || die "ffmpeg is needed to generate the media file"
command -v gcc >/dev/null || die "gcc is needed to build the load client"
for n in $STEPS; do
    [[ "$n" =~ ^[0-9]+$ && "$n" -ge 1 && "$n" -le 5000 ]] || die "STEPS: $n is not in 1..5000"
done

mkdir -p "$TARGET"
RUN="$(mktemp -d "${TMPDIR:-/tmp}/tributary-bench.XXXXXX")"
SERVER_PID=""
CLIENT_PID=""
cleanup() {
    set +e
    stop_pid "$CLIENT_PID"
    stop_pid "$SERVER_PID"
    cp "$RUN"/*.out "$RUN"/*.csv "$RUN"/*.samples "$RUN"/server.log "$TARGET/" 2>/dev/null
    rm -rf "$RUN"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- load client -------------------------------------------------------------------
CLIENT="$TARGET/rtspload"
build_client

# ---- media (generated once) --------------------------------------------------------
MEDIA_NAME="vod-1080p30-4M-${MEDIA_SECONDS}s.mp4"
MEDIA="$TARGET/$MEDIA_NAME"
generate_media "$MEDIA" "1080p30 H.264 4 Mbit/s, 1 s GOP, no B-frames; AAC 128 kbit/s" \
    -f lavfi -i "testsrc2=size=1920x1080:rate=30" \
    -f lavfi -i "sine=frequency=440:sample_rate=48000" -t "$MEDIA_SECONDS" \
    -c:v libx264 -preset veryfast -profile:v high -bf 0 -g 30 -keyint_min 30 -sc_threshold 0 \
    -b:v 4M -maxrate 4M -bufsize 4M -pix_fmt yuv420p \
    -c:a aac -b:a 128k -ac 2 -movflags +faststart
# Source bitrate over all elementary streams (video and audio).
SOURCE_BPS="$(source_bps "$MEDIA")"

# ---- server ------------------------------------------------------------------------
RTSP_PORT="$(pick_port tcp)"
HTTP_PORT="$(pick_port tcp)"
[[ "$HTTP_PORT" != "$RTSP_PORT" ]] || HTTP_PORT=$((RTSP_PORT + 2))
RTP_PORT="$(pick_port udppair)"

HOME_DIR="$RUN/home"
tributary_home "$HOME_DIR" "$DIST" "$RTP_PORT"
for jar in io/netty/netty-handler/4.2.18.Final/netty-handler-4.2.18.Final.jar \
           com/github/ben-manes/caffeine/caffeine/3.2.3/caffeine-3.2.3.jar; do
    if [[ ! -f "$HOME_DIR/system/$(basename "$jar")" ]]; then
        [[ -f "$HOME/.m2/repository/$jar" ]] || die "$(basename "$jar") is missing from the distribution and ~/.m2"
        cp "$HOME/.m2/repository/$jar" "$HOME_DIR/system/"
    fi
done
ln -s "$MEDIA" "$HOME_DIR/media/$MEDIA_NAME"
URL="rtsp://127.0.0.1:$RTSP_PORT/vod/$MEDIA_NAME"

SERVER_CPUS=""; CLIENT_CPUS=""
if [[ "$PIN" == 1 ]]; then
    SERVER_CPUS="taskset -c 1"; CLIENT_CPUS="taskset -c 0"
fi
log "starting Tributary (RTSP $RTSP_PORT, RTP/UDP $RTP_PORT-$((RTP_PORT + 1)), home $HOME_DIR)"
# shellcheck disable=SC2086
$SERVER_CPUS "$JAVA" $JAVA_OPTS -jar "$HOME_DIR/tributary.jar" --home "$HOME_DIR" --no-shell \
    --rtsp-port "$RTSP_PORT" --http-port "$HTTP_PORT" >"$RUN/server.log" 2>&1 &
SERVER_PID=$!
wait_until "$SERVER_PID" "$RUN/server.log" 20 "the server exited" 120 0.5 \
    "the server is not ready after 60 s (log: $RUN/server.log)" tributary_listening "$RUN/server.log" "$RTSP_PORT"
log "server ready (pid $SERVER_PID); source $MEDIA_NAME at $SOURCE_BPS bit/s"

server_alive() {
    kill -0 "$SERVER_PID" 2>/dev/null && return
    tail -5 "$RUN/server.log" >&2
    die "the server (pid $SERVER_PID) exited; log: $RUN/server.log"
}
server_rss_mib() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status"; }

# Waits (at most 30 s) until the server uses < 10 % of a core, so steps do not overlap.
settle() {
    local a b
    for _ in $(seq 1 15); do
        server_alive
        a=$(ticks "$SERVER_PID"); sleep 2; b=$(ticks "$SERVER_PID")
        [[ $(( (b - a) * 100 / (2 * HZ) )) -lt 10 ]] && return
    done
    log "the server is still busy after 30 s; continuing"
}

# One step: $1 transport, $2 readers; writes $RUN/<t>-<n>.out and prints a table row.
# Returns 1 when the step fails or the client is the limit.
step() {
    local t="$1" n="$2" out="$RUN/$1-$2.out" samples="$RUN/$1-$2.samples"
    local duration=$((MEDIA_SECONDS + 5)) jfr="" rss=0 r w0 now
    if [[ -n "$PROFILE_AT" && "$n" == "$PROFILE_AT" ]]; then
        jfr="$TARGET/profile-$t-$n.jfr"
        "$JDK_BIN/jcmd" "$SERVER_PID" JFR.start name=bench settings=profile \
            "duration=$((n / RAMP + duration))s" "filename=$jfr" >/dev/null
    fi
    : >"$samples"
    w0=$(date +%s%N)
    # shellcheck disable=SC2086
    $CLIENT_CPUS "$CLIENT" -u "$URL" -n "$n" -t "$t" -r "$RAMP" -d "$duration" -w "$WARMUP" \
        -b "$SOURCE_BPS" -o "$RUN/$t-$n.csv" >"$out" 2>"$out.err" &
    CLIENT_PID=$!
    local limit=$(( (n / RAMP + duration + 60) * 2 ))
    for _ in $(seq 1 "$limit"); do
        server_alive
        now=$(date +%s%N)
        cpu_sample $(( (now - w0) / 1000000 )) >>"$samples"
        r=$(server_rss_mib); [[ "$r" -gt "$rss" ]] && rss=$r
        kill -0 "$CLIENT_PID" 2>/dev/null || break
        sleep 0.5
    done
    end_client "the load client overran; stopping it"
    [[ -s "$out" ]] || { cat "$out.err" >&2; die "the load client printed nothing"; }
    if [[ -n "$jfr" ]]; then
        "$JDK_BIN/jcmd" "$SERVER_PID" JFR.stop name=bench >/dev/null 2>&1 || true
    fi

    # Steady state: from 1 s after the last reader's PLAY to 1 s before the first one ended;
    # when slow setups leave less than 5 s of that, from when 95 % were playing (marked ~).
    local from to steady cpu_pct ccpu_steady other_pct idle_pct sys_pct per_reader ge90 ratio loss failed dropped verdict
    to=$(awk -v x="$(field first_end_at_s "$out")" 'BEGIN {print x - 1}')
    read -r from steady < <(steady_window "$out" "$to")
    read -r cpu_pct ccpu_steady other_pct idle_pct sys_pct _ < <(window_cpu "$samples" "$from" "$to" 0)
    per_reader=$(awk -v p="$cpu_pct" -v n="$n" 'BEGIN {if (p == "n/a") print "n/a"; else printf "%.3f", p / n}')
    ge90=$(field ge90_pct "$out"); ratio=$(field rate_p50_ratio "$out"); loss=$(field loss_pct "$out")
    failed=$(field failed "$out"); dropped=$(field dropped "$out")
    verdict=$(step_verdict "$ge90" "$loss" "$failed" "$dropped")
    if awk -v c="$ccpu_steady" 'BEGIN {exit !(c != "n/a" && c >= 90)}'; then
        verdict="$verdict(client-limited)"
    fi
    printf '| %5s | %-4s | %-6s | %6s | %5s | %7s | %s/%s | %4s | %5s (%s) | %6s | %5s | %4s | %4s | %4s | %s/%s |\n' \
        "$n" "$t" "$verdict" "$ge90" "$ratio" "$loss" "$failed" "$dropped" "$steady" "$cpu_pct" "$sys_pct" "$per_reader" "$rss" \
        "$ccpu_steady" "$other_pct" "$idle_pct" "$(field setup_p50_ms "$out")" "$(field setup_p99_ms "$out")" \
        | tee -a "$RESULTS"
    grep '^failure=' "$out" | sed 's/^/      /' >&2 || true
    [[ "$verdict" == pass ]]
}

RESULTS="$TARGET/results-$(date +%Y%m%d-%H%M%S).md"
COMMIT="$(git -C "$HERE" rev-parse --short HEAD 2>/dev/null || echo unknown)"
{
    echo "VOD capacity, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $COMMIT, $(nproc) CPUs ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo))"
    echo "source: $MEDIA_NAME, $SOURCE_BPS bit/s; ramp $RAMP sessions/s; pinned: $PIN; JVM: $("$JAVA" -version 2>&1 | head -1)"
    echo
    echo "| readers | transport | verdict | % readers ≥ 90 % rate | median rate / source | loss % | failed/dropped | steady s | server CPU % (kernel) | per reader | server RSS MiB | client CPU % | other load % | machine idle % | first RTP p50/p99 ms |"
    echo "|---:|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|"
} | tee "$RESULTS"

log "warm-up: 20 readers for 10 s (JIT), not reported"
"$CLIENT" -u "$URL" -n 20 -t tcp -r 20 -d 10 -b "$SOURCE_BPS" >"$RUN/warmup.out" 2>&1 || true
settle

for t in $TRANSPORTS; do
    for n in $STEPS; do
        log "step: $n readers over $t"
        if ! step "$t" "$n"; then
            log "the $t ramp stops at $n readers"
            settle
            break
        fi
        settle
    done
done
log "results: $RESULTS (per step: $TARGET/<transport>-<readers>.{out,csv,samples}; server.log)"
