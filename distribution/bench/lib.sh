# Shell functions shared by bench-vod.sh, bench-live.sh and bench-security.sh, which source this file; it is not
# run on its own. The scripts set LOG_TAG (the first word of their log lines) and, for the
# functions that read them, CLIENT, SERVER_PID, CLIENT_PID and HZ (find_java sets it). The
# functions below "live benches" serve bench-live.sh and bench-security.sh only: both serve one
# live clip from Tributary and from gst-rtsp-server and measure the same way.

log() { printf '[%s %(%H:%M:%S)T] %s\n' "$LOG_TAG" -1 "$*" >&2; }
die() { log "error: $*"; exit 1; }

# JAVA (unless set: Temurin 25, else java on PATH), JDK_BIN (its jcmd) and HZ (/proc's ticks per second).
find_java() {
    if [[ -z "${JAVA:-}" ]]; then
        JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
        [[ -x "$JAVA" ]] || JAVA="$(command -v java)"
    fi
    JDK_BIN="$(dirname "$(readlink -f "$JAVA")")"
    HZ="$(getconf CLK_TCK)"
}

# The distribution and the JVM to run it: DIST (unless set: distribution/app/target/tributary
# beside this folder), which must hold tributary.jar, JAVA_OPTS (unless set: none) and what
# find_java sets.
find_tributary() {
    DIST="${DIST:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../app/target/tributary}"
    JAVA_OPTS="${JAVA_OPTS:-}"
    find_java
    [[ -f "$DIST/tributary.jar" ]] || die "no distribution at $DIST (build distribution/app first)"
}

# Builds the load client loadclient/rtspload.c into CLIENT when it is missing or older than its
# source. It links OpenSSL (libssl-dev): TLS for RTSPS (-s), MD5 for Digest logins (-a).
build_client() {
    local code
    code="$(dirname "${BASH_SOURCE[0]}")/loadclient/rtspload.c"
    if [[ ! -x "$CLIENT" || "$code" -nt "$CLIENT" ]]; then
        log "building the load client"
        gcc -O2 -Wall -Wextra -std=gnu11 -o "$CLIENT" "$code" -lssl -lcrypto -lm \
            || die "cannot build the load client (it needs gcc and libssl-dev)"
    fi
}

# Builds loadclient/tcp-floor.c into TARGET/tcp-floor when it is missing or older than its
# source: the kernel's floor for fan-out over TCP (a sender that only calls send()).
build_floor() {
    local code
    code="$(dirname "${BASH_SOURCE[0]}")/loadclient/tcp-floor.c"
    FLOOR_TOOL="$TARGET/tcp-floor"
    if [[ ! -x "$FLOOR_TOOL" || "$code" -nt "$FLOOR_TOOL" ]]; then
        gcc -O2 -Wall -Wextra -std=gnu11 -o "$FLOOR_TOOL" "$code" || die "cannot build $code"
    fi
}

# Generates an MP4 file once (kept for later runs): $1 the file, $2 what it holds (for the log),
# then ffmpeg's input and encoding options.
generate_media() {
    local media="$1" what="$2"; shift 2
    [[ ! -s "$media" ]] || return 0
    log "generating $(basename "$media") ($what)"
    ffmpeg -hide_banner -loglevel error -y "$@" -f mp4 "$media.part"
    mv "$media.part" "$media"
}

# Source bitrate in bit/s = elementary-stream bytes / duration: what a reader receives as RTP
# payload. $1 the media file, then ffprobe options choosing the streams (default: all).
source_bps() {
    local media="$1" bps; shift
    bps="$(ffprobe -v error "$@" -show_entries packet=size -of csv=p=0 "$media" \
        | awk -v d="$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$media")" \
            '{s += $1} END {printf "%.0f", s * 8 / d}')"
    [[ "$bps" -gt 0 ]] || die "cannot read the bitrate of $media"
    echo "$bps"
}

# ---- ports ---------------------------------------------------------------------------------
port_free() { # $1 port, $2 tcp|udp
    local flag=-ltn; [[ "$2" == udp ]] && flag=-lun
    ! ss -H "$flag" "sport = :$1" | grep -q .
}
# A free port: $1 tcp|udp (one port) or tcppair|udppair (an even port and the next one). Below
# 20000: the load client binds UDP from 20000.
pick_port() {
    local p protocol="${1%pair}"
    for _ in $(seq 1 200); do
        p=$(( (RANDOM % 4500) * 2 + 10000 ))
        port_free "$p" "$protocol" || continue
        [[ "$1" != *pair ]] || port_free $((p + 1)) "$protocol" || continue
        echo "$p"; return
    done
    die "no free port"
}

# ---- processes, /proc ----------------------------------------------------------------------
stop_pid() { # $1 pid: TERM, then KILL after 10 s
    local p="$1"
    [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null || return 0
    kill "$p" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$p" 2>/dev/null && kill -9 "$p" 2>/dev/null
    wait "$p" 2>/dev/null || true
}
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
sys_ticks() { awk '{print $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# CPU ticks of a JVM's JIT compiler threads (0 for other processes): a fresh server compiles its
# hot paths for a minute or so, and that one-time cost lands in whatever is measured meanwhile.
jit_ticks() {
    awk '/\((C1|C2) CompilerThre/ {sub(/.*\) /, ""); s += $12 + $13} END {print s + 0}' /proc/"$1"/task/*/stat 2>/dev/null \
        || echo 0
}
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
idle_ticks() { awk '/^cpu / {print $5 + $6; exit}' /proc/stat; }
total_ticks() { awk '/^cpu / {s = 0; for (i = 2; i <= 9; i++) s += $i; print s; exit}' /proc/stat; }

# Polls a readiness test: $1 the pid of the process started, $2 its log, $3 how many lines of
# the log to show if it exits, $4 the error then, $5 tries, $6 seconds between them, $7 the
# error when they run out; then the test command and its arguments.
wait_until() {
    local pid="$1" log="$2" lines="$3" exited="$4" tries="$5" pause="$6" late="$7" i
    shift 7
    for i in $(seq 1 "$tries"); do
        kill -0 "$pid" 2>/dev/null || { tail -"$lines" "$log" >&2; die "$exited"; }
        "$@" && return 0
        [[ $i -lt $tries ]] || die "$late"
        sleep "$pause"
    done
}

# ---- CPU and memory during a step ---------------------------------------------------------
# One sample of a step, $1 ms after its start: "elapsed-s server-ticks server-kernel-ticks
# machine-idle-ticks machine-total-ticks client-ticks server-RSS-KiB" (SERVER_PID, CLIENT_PID).
cpu_sample() {
    echo "${1}e-3 $(ticks "$SERVER_PID") $(sys_ticks "$SERVER_PID") $(idle_ticks) $(total_ticks)" \
        "$(ticks "$CLIENT_PID") $(rss_kib "$SERVER_PID") $(jit_ticks "$SERVER_PID")"
}

# CPU over [$2, $3] s of a step from its samples $1 (cpu_sample lines): prints the server's and
# the client's % of a core (with $4 decimals), everything else the machine ran (other processes,
# kernel threads, softirq not charged to a process, hypervisor steal) in % of a core, the
# machine's idle %, the server's time in the kernel in % of a core, its median RSS in KiB, and
# its JIT compiler threads' CPU in % of a core (part of the server's).
window_cpu() {
    awk -v f="$2" -v t="$3" -v hz="$HZ" -v ncpu="$(nproc)" -v decimals="$4" '
        $1 >= f && !a {a = 1; e0 = $1; c0 = $2; s0 = $3; i0 = $4; t0 = $5; k0 = $6; j0 = $8}
        $1 >= f && $1 <= t {e1 = $1; c1 = $2; s1 = $3; i1 = $4; t1 = $5; k1 = $6; rss[n++] = $7; j1 = $8}
        END {
            if (!a || e1 - e0 < 2) {print "n/a n/a n/a n/a n/a n/a n/a"; exit}
            server = 100 * (c1 - c0) / hz / (e1 - e0)
            client = 100 * (k1 - k0) / hz / (e1 - e0)
            busy = 100 * ncpu * (1 - (i1 - i0) / (t1 - t0))
            other = busy - server - client
            for (i = 0; i < n; i++)
                for (j = i + 1; j < n; j++) if (rss[j] < rss[i]) {x = rss[i]; rss[i] = rss[j]; rss[j] = x}
            printf "%." decimals "f %." decimals "f %.0f %.0f %.0f %d %.1f\n", server, client, other < 0 ? 0 : other,
                100 * (i1 - i0) / (t1 - t0), 100 * (s1 - s0) / hz / (e1 - e0), rss[int(n / 2)],
                100 * (j1 - j0) / hz / (e1 - e0)
        }' "$1"
}

# Waits for the load client CLIENT_PID to end; if it still runs, logs $1 and stops it first.
end_client() {
    kill -0 "$CLIENT_PID" 2>/dev/null && { log "$1"; kill "$CLIENT_PID"; }
    wait "$CLIENT_PID" || true
    CLIENT_PID=""
}

# ---- Tributary -----------------------------------------------------------------------------
# Makes $1 a Tributary home: a fresh copy of the distribution $2 with RTP/UDP on ports $3 and
# $3 + 1.
tributary_home() {
    rm -rf "$1"; cp -r "$2" "$1"
    rm -rf "$1/data/felix-cache"
    printf 'rtpPort = %s\n' "$3" > "$1/etc/io.tributary.transports.udp.cfg"
    # All readers come from 127.0.0.1: lift the per-client session and connection limits
    # (defaults 2000 and 1000).
    printf '\nmaxSessionsPerClient = 10000\nmaxConnectionsPerClient = 10000\n' >> "$1/etc/io.tributary.engine.rtsp.cfg"
    # The same for RTSP over HTTP (default 100 tunnels per client address; without the plugin
    # nothing reads this).
    printf 'maxTunnelsPerClient = 10000\n' > "$1/etc/io.tributary.transports.httptunnel.cfg"
    # RTSPS's own port 322 may be taken (or need root): recognised on the RTSP port anyway.
    printf 'port = 0\n' > "$1/etc/io.tributary.transports.tls.cfg"
    # The console's administrator (rtsp.json), instead of the random one a first start makes.
    printf '%s\n' "$BENCH_ADMIN_PASSWORD" | "$JAVA" -jar "$1/tributary.jar" --home "$1" user add admin \
        --permit 'admin:/**' >/dev/null
}
BENCH_ADMIN_PASSWORD=bench-admin
# Succeeds once the server logging to $1 has started and listens on RTSP port $2.
tributary_listening() {
    grep -q "Tributary started" "$1" && ss -H -ltn "sport = :$2" | grep -q .
}

# ---- a step's figures, from the load client's output ---------------------------------------
field() { sed -n "s/^$1=//p" "$2" | head -1; }

# The steady window of a step: prints its start (1 s after the last reader's PLAY) and its
# length in s, up to $2 s. When slow setups leave less than 5 s of it, it starts 1 s after 95 %
# were playing and its length is marked ~. $1 the load client's output.
steady_window() {
    local from steady
    from=$(awk -v x="$(field all_playing_at_s "$1")" 'BEGIN {print x + 1}')
    steady=$(awk -v f="$from" -v t="$2" 'BEGIN {printf "%.0f", t - f}')
    if [[ "$steady" -lt 5 ]]; then
        from=$(awk -v x="$(field playing95_at_s "$1")" 'BEGIN {print x + 1}')
        steady="~$(awk -v f="$from" -v t="$2" 'BEGIN {printf "%.0f", t - f}')"
    fi
    echo "$from $steady"
}

# A step's verdict by its readers (README): FAIL when fewer than 99 % of them were in real
# time ($1, %), loss ($2, %) reached 0.1 %, a setup failed ($3) or a session dropped ($4); else pass.
step_verdict() {
    if awk -v g="$1" -v l="$2" -v f="$3" -v d="$4" 'BEGIN {exit !(g < 99 || l >= 0.1 || f > 0 || d > 0)}'; then
        echo FAIL
    else
        echo pass
    fi
}

# ==== live benches (bench-live.sh, bench-security.sh) ======================================
# Defaults of the knobs both live benches have (their headers say what they mean), then checks
# of them and of what both need: the distribution (find_tributary), ffmpeg, ffprobe, gcc and the
# tools "$@", jcmd. Sets RUNS, SERVERS, RAMP, STEP_SECONDS, WARMUP, BASELINE_SECONDS,
# CLIENT_LIMIT, GST_THREADS, PYTHON and what find_tributary sets.
live_knobs() {
    local tool
    RUNS="${RUNS:-3}"
    SERVERS="${SERVERS:-tributary gstreamer}"
    RAMP="${RAMP:-200}"
    STEP_SECONDS="${STEP_SECONDS:-15}"
    WARMUP="${WARMUP:-3}"
    BASELINE_SECONDS="${BASELINE_SECONDS:-12}"
    CLIENT_LIMIT="${CLIENT_LIMIT:-80}"
    GST_THREADS="${GST_THREADS:-$(nproc)}"
    PYTHON="${PYTHON:-/usr/bin/python3}"
    find_tributary
    for tool in ffmpeg ffprobe gcc "$@"; do command -v "$tool" >/dev/null || die "$tool is needed"; done
    [[ -x "$JDK_BIN/jcmd" ]] || die "no jcmd next to $JAVA"
    [[ "$RUNS" =~ ^[0-9]+$ && "$RUNS" -ge 1 && "$RUNS" -le 10 ]] || die "RUNS: 1..10"
    [[ "$STEP_SECONDS" =~ ^[0-9]+$ && "$STEP_SECONDS" -ge 8 && "$STEP_SECONDS" -le 300 ]] || die "STEP_SECONDS: 8..300"
    [[ "$BASELINE_SECONDS" =~ ^[0-9]+$ && "$BASELINE_SECONDS" -ge 3 && "$BASELINE_SECONDS" -le 120 ]] \
        || die "BASELINE_SECONDS: 3..120"
}

# Fails unless PYTHON can import GStreamer's RTSP server (what gst-live-server.py needs).
need_gst_rtsp_server() {
    "$PYTHON" -c 'import gi; gi.require_version("GstRtspServer", "1.0")' 2>/dev/null \
        || die "$PYTHON cannot import GstRtspServer (python3-gst-1.0, gir1.2-gst-rtsp-server-1.0)"
}

# ---- the run folder ------------------------------------------------------------------------
# Makes the run folder RUN (temporary, with out/ for the load client's outputs) and sets STAMP;
# on exit (end_run) what still runs is stopped and out/, the logs and the .tsv files of RUN are
# kept in TARGET/$1-STAMP. $1 the bench (live, security). The script defines stop_server first.
start_run() {
    mkdir -p "$TARGET"
    STAMP="$(date +%Y%m%d-%H%M%S)"
    RUN="$(mktemp -d "${TMPDIR:-/tmp}/tributary-$1.XXXXXX")"
    RUN_KEPT="$TARGET/$1-$STAMP"
    trap end_run EXIT
    trap 'exit 130' INT TERM
    mkdir -p "$RUN/out"
}
# The EXIT trap of start_run: the script's stop_server, then RUN kept in RUN_KEPT and removed.
end_run() {
    set +e
    stop_server
    mkdir -p "$RUN_KEPT"
    cp -r "$RUN"/out "$RUN"/*.log "$RUN"/*.tsv "$RUN_KEPT/" 2>/dev/null
    rm -rf "$RUN"
}
# Stops the processes whose pids the variables named "$@" hold (stop_pid), in that order, and
# empties the variables.
stop_pids() {
    local name
    for name in "$@"; do
        stop_pid "${!name}"
        printf -v "$name" '%s' ""
    done
}

# The load client CLIENT (build_client) and the clip both live benches publish, MEDIA (1080p30
# H.264 at 4 Mbit/s, video only, MEDIA_SECONDS long, generated once) with its bitrate SOURCE_BPS;
# and RUN/dist, one snapshot of the distribution DIST for the whole invocation (others may
# rebuild it meanwhile). Reads TARGET, MEDIA_SECONDS, DIST, RUN.
prepare_live() {
    CLIENT="$TARGET/rtspload"
    build_client
    MEDIA="$TARGET/live-1080p30-4M-${MEDIA_SECONDS}s.mp4"
    generate_media "$MEDIA" "1080p30 H.264 4 Mbit/s, 1 s GOP, no B-frames, video only" \
        -f lavfi -i "testsrc2=size=1920x1080:rate=30" -t "$MEDIA_SECONDS" \
        -c:v libx264 -preset veryfast -profile:v high -bf 0 -g 30 -keyint_min 30 -sc_threshold 0 \
        -b:v 4M -maxrate 4M -bufsize 2M -pix_fmt yuv420p -an -movflags +faststart
    # Source bitrate of the H.264 stream.
    SOURCE_BPS="$(source_bps "$MEDIA" -select_streams v:0)"
    cp -r "$DIST" "$RUN/dist"
    rm -rf "$RUN/dist/data/felix-cache"
}

# ---- the server under test -----------------------------------------------------------------
# Warning and error lines of the server's own log (Tributary: SLF4J levels; GStreamer: GLib
# criticals and GStreamer debug output at level WARNING or ERROR): the pattern for server $1,
# and how many lines of SERVER_LOG match it for CUR_SERVER.
warn_re() { if [[ "$1" == tributary ]]; then echo ' (WARN|ERROR) '; else echo 'CRITICAL|ERROR|WARN'; fi; }
warn_lines() { grep -c -E "$(warn_re "$CUR_SERVER")" "$SERVER_LOG" 2>/dev/null || true; }

# Why the server cannot be measured any more (empty: it can): SERVER_PID or PUB_PID exited.
server_broken() {
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "server exited"; return; fi
    if ! kill -0 "$PUB_PID" 2>/dev/null; then echo "publisher exited"; return; fi
}

# Waits until a load client has all its sessions ready: $1 its .out file, $2 its pid, $3 timeout
# s. Returns 0 once "ready_at_s=" is written, 1 when the client ends or the time runs out.
wait_ready() {
    for _ in $(seq 1 $(($3 * 5))); do
        grep -q '^ready_at_s=' "$1" 2>/dev/null && return 0
        kill -0 "$2" 2>/dev/null || return 1
        sleep 0.2
    done
    return 1
}

# Waits (at most 30 s) until the server is back near its baseline CPU (BASE_CPU + 10 % of a
# core), so steps do not overlap; returns at once when it is broken (server_broken).
settle_to_baseline() {
    local a b
    for _ in $(seq 1 15); do
        [[ -z "$(server_broken)" ]] || return 0
        a=$(ticks "$SERVER_PID"); sleep 2; b=$(ticks "$SERVER_PID")
        awk -v a="$a" -v b="$b" -v hz="$HZ" -v base="$BASE_CPU" 'BEGIN {exit !(100 * (b - a) / hz / 2 < base + 10)}' && return 0
    done
    log "the server is still busy after 30 s; continuing"
}

# Makes RUN/home a Tributary home of the snapshot RUN/dist (tributary_home) with RTP/UDP on a
# free pair of ports, and picks its RTSP port and the HTTP port after it. Sets TRIBUTARY_HOME,
# RTSP_PORT, HTTP_PORT.
live_tributary_home() {
    local rtp
    RTSP_PORT="$(pick_port tcppair)"; HTTP_PORT=$((RTSP_PORT + 1)); rtp="$(pick_port udppair)"
    TRIBUTARY_HOME="$RUN/home"
    tributary_home "$TRIBUTARY_HOME" "$RUN/dist" "$rtp"
}

# Starts Tributary from TRIBUTARY_HOME on RTSP_PORT and HTTP_PORT, logging to SERVER_LOG and its
# GC pauses, with wall-clock milliseconds to line them up with the steps, to GC_LOG beside it;
# waits until it listens. Sets GC_LOG, SERVER_PID; reads JAVA, JAVA_OPTS.
launch_tributary() {
    GC_LOG="${SERVER_LOG%-server.log}-gc.log"
    # shellcheck disable=SC2086
    "$JAVA" $JAVA_OPTS "-Xlog:gc:file=$GC_LOG:timemillis" -jar "$TRIBUTARY_HOME/tributary.jar" \
        --home "$TRIBUTARY_HOME" --no-shell --rtsp-port "$RTSP_PORT" --http-port "$HTTP_PORT" >"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!
    wait_until "$SERVER_PID" "$SERVER_LOG" 20 "Tributary exited at start" 120 0.5 \
        "Tributary is not ready after 60 s ($SERVER_LOG)" tributary_listening "$SERVER_LOG" "$RTSP_PORT"
}

# Starts ffmpeg publishing MEDIA live (looped) to Tributary on RTSP_PORT at path $2 over RTSP/$4
# (tcp or udp), logging to $3, and waits until Tributary has started the stream (SERVER_LOG says
# so). Sets the variable named $1 to ffmpeg's pid. $5 and $6: the errors when ffmpeg exits and
# when the stream does not start in 30 s (defaults: "the publisher exited", "the live stream did
# not start in 30 s").
publish_tributary() {
    local path="$2" log="$3"
    ffmpeg -hide_banner -nostdin -loglevel warning -re -stream_loop -1 -i "$MEDIA" -c copy \
        -f rtsp -rtsp_transport "$4" "rtsp://127.0.0.1:$RTSP_PORT$path" >"$log" 2>&1 &
    printf -v "$1" '%s' "$!"
    wait_until "$!" "$log" 5 "${5:-the publisher exited}" 60 0.5 "${6:-the live stream did not start in 30 s}" \
        grep -q "live stream $path started" "$SERVER_LOG"
}

# Starts gst-rtsp-server (gst-live-server.py: a shared factory "( udpsrc ! rtph264depay !
# h264parse ! rtph264pay )") serving at path $1 what ffmpeg sends it of MEDIA live over RTP/UDP.
# Sets RTSP_PORT, PUB_PID, SERVER_PID; reads RUN, PUB_LOG, SERVER_LOG, PYTHON, GST_THREADS.
start_gst_live() {
    local path="$1" udp sprop
    RTSP_PORT="$(pick_port tcp)"; udp="$(pick_port udppair)"
    rm -f "$RUN/peer.sdp"
    ffmpeg -hide_banner -nostdin -loglevel warning -re -stream_loop -1 -i "$MEDIA" -c copy \
        -f rtp -sdp_file "$RUN/peer.sdp" "rtp://127.0.0.1:$udp" >"$PUB_LOG" 2>&1 &
    PUB_PID=$!
    wait_until "$PUB_PID" "$PUB_LOG" 5 "the publisher exited" 50 0.2 "ffmpeg wrote no SDP in 10 s" \
        grep -qs sprop-parameter-sets "$RUN/peer.sdp"
    sprop="$(sed -n 's/.*sprop-parameter-sets=\([^; ]*\).*/\1/p' "$RUN/peer.sdp" | tr -d '\r' | head -1)"
    "$PYTHON" "$(dirname "${BASH_SOURCE[0]}")/gst-live-server.py" --port "$RTSP_PORT" --udp-port "$udp" \
        --path "$path" --threads "$GST_THREADS" --sprop "$sprop" >"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!
    wait_until "$SERVER_PID" "$SERVER_LOG" 20 "gst-live-server.py exited" 50 0.2 \
        "gst-live-server.py is not ready after 10 s" grep -q "^ready" "$SERVER_LOG"
    log "GStreamer pid $SERVER_PID on rtsp://127.0.0.1:$RTSP_PORT$path, publisher pid $PUB_PID (RTP/UDP to $udp)"
}

# Idle baseline of the server, after a full GC on Tributary and once it has settled: its CPU over
# BASELINE_SECONDS in 3 s windows. Sets BASE_CPU to the lowest window's, in % of a core (a
# transient, e.g. the tail of a warm-up or of the full GC, must not inflate what every step
# subtracts), BASE_CPUS to every window's (for the log) and BASE_RSS to the mean RSS in KiB.
# Reads CUR_SERVER, SERVER_PID, JDK_BIN, HZ.
measure_baseline() {
    local w a0 a1 r0=0
    if [[ "$CUR_SERVER" == tributary ]]; then "$JDK_BIN/jcmd" "$SERVER_PID" GC.run >/dev/null 2>&1 || true; fi
    BASE_CPU=10
    settle_to_baseline
    BASE_CPUS=""
    for w in $(seq 1 $((BASELINE_SECONDS / 3))); do
        a0=$(ticks "$SERVER_PID"); sleep 3; a1=$(ticks "$SERVER_PID")
        r0=$((r0 + $(rss_kib "$SERVER_PID")))
        BASE_CPUS="$BASE_CPUS $(awk -v a="$a0" -v b="$a1" -v hz="$HZ" 'BEGIN {printf "%.2f", 100 * (b - a) / hz / 3}')"
    done
    # shellcheck disable=SC2086
    BASE_CPU=$(printf '%s\n' $BASE_CPUS | sort -g | head -1)
    BASE_RSS=$((r0 / (BASELINE_SECONDS / 3)))
}

# Distinct warnings and errors of the server (warn_re of CUR_SERVER) in SERVER_LOG, counted, the
# 15 most frequent, each after "$1: ", appended to RUN/warnings.log for the report. With $2 (a
# regular expression of the ids in the log), lines differing only by time, ids (<id>), ports
# (<port>) and other numbers (N) count as one.
collect_warnings() {
    local normalise=""
    [[ -z "${2:-}" ]] || normalise="s/^[0-9-]+ [0-9:.]+ //; s/$2/<id>/g; s/:[0-9]{4,5}/:<port>/g; s/[0-9]+/N/g"
    grep -E "$(warn_re "$CUR_SERVER")" "$SERVER_LOG" 2>/dev/null | sed -E "$normalise" \
        | sort | uniq -c | sort -rn | head -15 | sed "s/^/$1: /" >>"$RUN/warnings.log" || true
}

# ---- one step --------------------------------------------------------------------------------
# Runs one step: $2 readers of the load client with the options "${@:4}" (URL, transport, ...)
# and the step's (-l -n -r -d -w -b -o), its outputs in $1.out, $1.err and $1.csv, and samples
# the CPU (cpu_sample, into $1.samples) every 0.5 s until the client ends, the server breaks
# (server_broken) or the client overruns (it is stopped then). $3 a command run before each
# sample with the ms since the step's start ("" for none). Sets STEP_START_MS (wall-clock ms at
# the start), STEP_BROKEN (why the server broke, empty if it did not), STEP_WARNINGS (warning and
# error lines the server logged meanwhile) and CLIENT_PID while the client runs. Reads CLIENT,
# RAMP, STEP_SECONDS, WARMUP, SOURCE_BPS.
run_step() {
    local out="$1" readers="$2" hook="$3" w0 ms warn0
    shift 3
    warn0=$(warn_lines)
    : >"$out.samples"
    w0=$(date +%s%N); STEP_START_MS=$((w0 / 1000000))
    "$CLIENT" "$@" -l -n "$readers" -r "$RAMP" -d "$STEP_SECONDS" -w "$WARMUP" -b "$SOURCE_BPS" \
        -o "$out.csv" >"$out.out" 2>"$out.err" &
    CLIENT_PID=$!
    # PROFILE_AT=N: a JFR profile of Tributary's steps of N readers, from the last connect on
    if [[ -n "${PROFILE_AT:-}" && "$readers" == "$PROFILE_AT" && "${CUR_SERVER:-}" == tributary ]]; then
        "$JDK_BIN/jcmd" "$SERVER_PID" JFR.start name=step settings=profile delay="$((readers / RAMP + 1))s" \
            duration="$((STEP_SECONDS - 2))s" filename="$TARGET/profile-live-$(basename "$out").jfr" >/dev/null || true
    fi
    STEP_BROKEN=""
    for _ in $(seq 1 $(( (readers / RAMP + STEP_SECONDS + 40) * 2 ))); do
        ms=$(( ($(date +%s%N) - w0) / 1000000 ))
        [[ -z "$hook" ]] || "$hook" "$ms"
        cpu_sample "$ms" >>"$out.samples"
        STEP_BROKEN="$(server_broken)"; [[ -z "$STEP_BROKEN" ]] || break
        kill -0 "$CLIENT_PID" 2>/dev/null || break
        sleep 0.5
    done
    end_client "stopping the load client (${STEP_BROKEN:-overran})"
    STEP_WARNINGS=$(( $(warn_lines) - warn0 ))
    [[ -s "$out.out" ]] || { cat "$out.err" >&2; die "the load client printed nothing"; }
}

# The steady window and CPU of a step of $2 readers, from $1.out and $1.samples (run_step): prints
# "from steady cpu client-cpu other idle kernel rss jit per-minute": the window (steady_window) up to
# 2 s before the client stopped (it stops STEP_SECONDS after its last connect, then drains 1 s),
# window_cpu's figures over it (1 decimal), and the server's CPU-seconds per reader-minute =
# (server - baseline BASE_CPU) cores x 60 s / readers.
step_cpu() {
    local to from steady cpu rest per_min
    to=$(awk -v x="$(field client_wall_s "$1.out")" 'BEGIN {print x - 2}')
    read -r from steady < <(steady_window "$1.out" "$to")
    read -r cpu rest < <(window_cpu "$1.samples" "$from" "$to" 1)
    per_min=$(awk -v p="$cpu" -v b="$BASE_CPU" -v n="$2" 'BEGIN {if (p == "n/a") print "n/a"; else printf "%.4f", (p - b) / 100 * 60 / n}')
    echo "$from $steady $cpu $rest $per_min"
}

# A live step's verdict: step_verdict by its readers ($1 % in real time, $2 loss %, $3 failed
# setups, $4 dropped sessions); client-limited instead when the load client used CLIENT_LIMIT %
# of its core or more ($5); broken when the server broke (STEP_BROKEN).
live_verdict() {
    local verdict
    verdict=$(step_verdict "$1" "$2" "$3" "$4")
    if awk -v c="$5" -v lim="$CLIENT_LIMIT" 'BEGIN {exit !(c != "n/a" && c >= lim)}'; then
        verdict=client-limited
    fi
    if [[ -n "$STEP_BROKEN" ]]; then verdict=broken; fi
    echo "$verdict"
}

# The notes of a step: $1 those so far, then, on Tributary (CUR_SERVER), its GC pauses since
# STEP_START_MS from GC_LOG ("GC n pauses, max m ms", and ", total t ms" when $2 is "total"),
# then how many warning and error lines the server logged (STEP_WARNINGS); "; " between them.
step_notes() {
    local note="$1" gc=""
    if [[ "$CUR_SERVER" == tributary && -f "$GC_LOG" ]]; then
        # "[1764075000123ms] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 90M->20M(256M) 3.456ms"
        gc="$(awk -v a="$STEP_START_MS" -v b="$(date +%s%3N)" -v total="${2:-}" '/Pause/ {
                t = substr($1, 2) + 0; d = $NF; sub(/ms$/, "", d)
                if (t >= a && t <= b) {n++; s += d; if (d + 0 > m) m = d + 0}}
            END {if (n) {printf "GC %d pauses, max %.0f ms", n, m; if (total != "") printf ", total %.0f ms", s}}' "$GC_LOG")"
        if [[ -n "$gc" ]]; then note="${note:+$note; }$gc"; fi
    fi
    if [[ "$STEP_WARNINGS" -gt 0 ]]; then note="${note:+$note; }$STEP_WARNINGS warning/error lines in the server log"; fi
    printf '%s\n' "$note"
}

# $1 with the JIT compiler's share of the window ($2, % of a core) appended when it is worth
# saying (0.5 % or more): compiling is a one-time cost of a fresh JVM, not a cost per reader.
jit_note() {
    if awk -v j="$2" 'BEGIN {exit !(j != "n/a" && j + 0 >= 0.5)}'; then
        printf '%s\n' "${1:+$1; }JIT compiling $2 % of a core"
    else
        printf '%s\n' "$1"
    fi
}

# ---- results -------------------------------------------------------------------------------
# The files of the results: RAW (RUN/raw.tsv, a record a line), STEPS_MD (RUN/steps.md, the
# steps' table), RUN/warnings.log (both emptied) and RESULTS (TARGET/results-$1-STAMP.md); and
# COMMIT, LOAD_BEFORE and T_START for their header.
start_results() {
    RAW="$RUN/raw.tsv"
    STEPS_MD="$RUN/steps.md"
    RESULTS="$TARGET/results-$1-$STAMP.md"
    COMMIT="$(git -C "$HERE" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    : >"$RAW"; : >"$RUN/warnings.log"
    LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
    T_START=$(date +%s)
}
# Once the runs are over: sets LOAD_AFTER and MINUTES (since T_START, rounded).
stop_clock() {
    LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
    MINUTES=$(( ($(date +%s) - T_START + 30) / 60 ))
}
# The version of GStreamer on the machine (for the title of the results).
gst_version() { gst-launch-1.0 --version 2>/dev/null | sed -n 's/.*GStreamer \([0-9.]*\).*/\1/p' | head -1; }
# Two lines of the results' header: when, the commit, the machine, its load average before and
# after, how long, the JVM. Reads COMMIT, LOAD_BEFORE, LOAD_AFTER, MINUTES, JAVA.
report_machine() {
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $COMMIT, $(nproc) CPUs ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)),"
    echo "load average before $LOAD_BEFORE, after $LOAD_AFTER; $MINUTES min. JVM: $("$JAVA" -version 2>&1 | head -1)."
}
# The results' section of the steps' table (STEPS_MD).
report_steps() {
    echo "## Steps"
    echo
    cat "$STEPS_MD"
}
# The results' section of the server's distinct warnings and errors (RUN/warnings.log).
report_warnings() {
    echo "## Server warnings and errors (distinct, counted)"
    echo
    echo '```'
    cat "$RUN/warnings.log"
    echo '```'
}
# Puts RESULTS.part in place as RESULTS and prints its summary: the table whose header starts
# with "| $1" (up to the first empty line).
finish_results() {
    mv "$RESULTS.part" "$RESULTS"
    echo
    sed -n "/^| $1/,/^\$/p" "$RESULTS"
}
# Runs the Python program on stdin (a summary of RAW) with PYTHON and the arguments "$@", after
# the helpers both live benches' summaries use: num(x), x as a float (None when it is not a
# number), and med(values), the median of those that are not None (None when there are none).
summary_py() {
    {
        cat <<'PY'
import statistics

def num(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return None

def med(vals):
    vals = [v for v in vals if v is not None]
    return statistics.median(vals) if vals else None

PY
        cat
    } | "$PYTHON" - "$@"
}
