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
#   FLOOR_READERS="500"                    readers for which each run also measures the kernel's floor of TCP
#                                          fan-out (loadclient/tcp-floor.c: a sender that only send()s each
#                                          frame to every reader); empty: not measured
#   PROFILE_AT=                            readers at which Tributary's steps get a JFR profile
#                                          (target/profile-live-<server>-<run>-<transport>-<n>.jfr)
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
IDLE_SESSIONS="${IDLE_SESSIONS:-1000}"
PUBLISH_TRANSPORT="${PUBLISH_TRANSPORT:-tcp}"
MEDIA_SECONDS="${MEDIA_SECONDS:-30}"
live_knobs   # RUNS, SERVERS, RAMP, STEP_SECONDS, WARMUP, BASELINE_SECONDS, CLIENT_LIMIT, GST_THREADS, DIST, ...
LIVE_PATH=/live/bench

need_gst_rtsp_server
for n in $STEPS $METRIC_STEPS $IDLE_SESSIONS; do
    [[ "$n" =~ ^[0-9]+$ && "$n" -ge 1 && "$n" -le 5000 ]] || die "STEPS/IDLE_SESSIONS: $n is not in 1..5000"
done
# The ramp: STEPS and METRIC_STEPS, ascending, once each.
LADDER="$(printf '%s\n' $STEPS $METRIC_STEPS | sort -n -u | tr '\n' ' ')"

SERVER_PID="" PUB_PID="" CLIENT_PID="" ANCHOR_PID="" IDLE_PID="" GC_LOG="" HTTP_PORT="" RTSP_PORT=""
stop_server() { stop_pids CLIENT_PID IDLE_PID ANCHOR_PID SERVER_PID PUB_PID; }
start_run live   # RUN, kept in target/live-STAMP/ on exit

# ---- load client, media, the distribution's snapshot --------------------------------
prepare_live   # CLIENT, MEDIA, SOURCE_BPS, RUN/dist

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
# Starts the load client in the background: $1 output base, then rtspload arguments.
client_start() {
    local base="$1"; shift
    "$CLIENT" -u "$URL" "$@" >"$base.out" 2>"$base.err" &
}

# ---- servers ---------------------------------------------------------------------------
start_tributary() {
    live_tributary_home
    URL="rtsp://127.0.0.1:$RTSP_PORT$LIVE_PATH"
    launch_tributary
    publish_tributary PUB_PID "$LIVE_PATH" "$PUB_LOG" "$PUBLISH_TRANSPORT"
    log "Tributary pid $SERVER_PID on $URL, publisher pid $PUB_PID (RTSP/$PUBLISH_TRANSPORT)"
}

start_gstreamer() {
    start_gst_live "$LIVE_PATH"
    URL="rtsp://127.0.0.1:$RTSP_PORT$LIVE_PATH"
}

# Starts a server with its publisher and one anchor reader (it keeps the peer's shared
# media prepared between steps; both servers get one), warms it up, measures the baseline.
# $1 server, $2 transport of this ramp (the warm-up uses it).
bring_up() {
    local s="$1" t="$2"
    CUR_SERVER="$s"
    SERVER_LOG="$RUN/$s-$CUR_RUN-$t-server.log"; PUB_LOG="$RUN/$s-$CUR_RUN-$t-publisher.log"
    "start_$s"
    client_start "$RUN/out/$s-$CUR_RUN-$t-anchor" -l -n 1 -t tcp -r 1 -d 3000 -b "$SOURCE_BPS"
    ANCHOR_PID=$!
    wait_ready "$RUN/out/$s-$CUR_RUN-$t-anchor.out" "$ANCHOR_PID" 30 || die "the anchor reader did not start"
    log "warm-up: 20 $t readers for 10 s, not reported"
    "$CLIENT" -u "$URL" -l -n 20 -t "$t" -r 20 -d 10 -b "$SOURCE_BPS" >"$RUN/out/$s-$CUR_RUN-$t-warmup.out" 2>&1 || true
    BASE_CPU=10
    # The first console login of a fresh server checks the password with PBKDF2 (then it is
    # cached): done here, so that the drop counts read during a step (sessions_snapshot) do not
    # put a password hash into the measured CPU.
    [[ "$s" == tributary ]] && curl -s -m 10 -o /dev/null -u "admin:$BENCH_ADMIN_PASSWORD" \
        "http://127.0.0.1:$HTTP_PORT/system/console/rtsp.json" || true
    [[ "$t" == tcp ]] && idle_sessions "$s"
    # Tributary: the baseline (and so every step) starts from the heap after a full GC, in
    # both ramps (the idle-session measurement of the TCP ramp runs full GCs too).
    measure_baseline
    printf 'base\t%s\t%s\t%s\t%s\t%s\n' "$s" "$CUR_RUN" "$t" "$BASE_CPU" "$BASE_RSS" >>"$RAW"
    log "baseline ($s, $t): server CPU $BASE_CPU % of a core (3 s windows:$BASE_CPUS), RSS $((BASE_RSS / 1024)) MiB"
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
    settle_to_baseline
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

# Tributary counts the packets it drops per session itself (console rtsp.json): run_step's hook
# in step, it takes them 0.8 s before the readers stop. $1 ms since the step's start; reads step's
# s, base and snap_at, sets its snapped.
sessions_snapshot() {
    if [[ "$s" == tributary && -z "$snapped" && $1 -ge $snap_at ]]; then
        snapped=1
        curl -s -m 5 -u "admin:$BENCH_ADMIN_PASSWORD" "http://127.0.0.1:$HTTP_PORT/system/console/rtsp.json" >"$base.sessions.json" || true
    fi
}

# One step: $1 server, $2 transport, $3 readers. Prints a row, appends a "step" record to RAW.
# Sets STEP_VERDICT to pass, FAIL, client-limited or broken.
step() {
    local s="$1" t="$2" n="$3" base="$RUN/out/$1-$CUR_RUN-$2-$3"
    local from steady cpu ccpu other idle sys rss per_min rss_per ge90 ratio loss failed dropped verdict note lossy
    local kr0 ks0 kb0 kr1 ks1 kb1 kdrops sd0 sd1 snap_at snapped="" sdrops=n/a
    read -r kr0 ks0 kb0 < <(kernel_drops)
    sd0=$(server_sock_drops)
    # after the measured window (it ends about 1 s before the readers stop), so that rendering
    # the console's JSON is not counted as fan-out CPU
    snap_at=$(( (n / RAMP + STEP_SECONDS) * 1000 - 800 ))
    run_step "$base" "$n" sessions_snapshot -u "$URL" -t "$t"
    read -r kr1 ks1 kb1 < <(kernel_drops)
    sd1=$(server_sock_drops)
    kdrops="$((sd1 - sd0)) | $((kr1 - kr0))/$((ks1 - ks0))/$((kb1 - kb0))"
    if [[ -s "$base.sessions.json" ]]; then
        # sessions with drops / packets dropped, over the server's sessions (readers + anchor)
        sdrops="$(grep -o '"dropped":[0-9]*' "$base.sessions.json" | cut -d: -f2 \
            | awk '{s += $1; if ($1 > 0) k++} END {printf "%d/%d", k, s}')"
    fi

    read -r from steady cpu ccpu other idle sys rss jit per_min < <(step_cpu "$base" "$n")
    rss_per=$(awk -v r="$rss" -v b="$BASE_RSS" -v n="$n" 'BEGIN {if (r == "n/a") print "n/a"; else printf "%.1f", (r - b) / n}')
    ge90=$(field ge90_pct "$base.out"); ratio=$(field rate_p50_ratio "$base.out"); loss=$(field loss_pct "$base.out")
    failed=$(field failed "$base.out"); dropped=$(field dropped "$base.out")
    lossy="$(field sessions_with_loss "$base.out")/$(field loss_events "$base.out")"
    [[ "$lossy" == 0/0 ]] || lossy="$lossy @$(field first_gap_after_play_ms_min "$base.out")..$(field first_gap_after_play_ms_max "$base.out")"
    verdict=$(live_verdict "$ge90" "$loss" "$failed" "$dropped" "$ccpu")
    note="$(step_notes "$STEP_BROKEN" total)"
    note="$(jit_note "$note" "$jit")"
    [[ -n "${OVER:-}" ]] && note="${note:+$note; }over capacity (after the ramp's first failure)"
    printf '| %-9s | %d | %-3s | %5s | %-14s | %6s | %5s | %7s | %s | %s | %s | %s/%s | %4s | %5s (%s) | %7s | %6s | %5s | %4s | %4s | %s/%s | %s/%s | %s |\n' \
        "$s" "$CUR_RUN" "$t" "$n" "$verdict" "$ge90" "$ratio" "$loss" "$lossy" "$sdrops" "$kdrops" "$failed" "$dropped" "$steady" "$cpu" "$sys" \
        "$per_min" "$rss_per" "$ccpu" "$other" "$idle" \
        "$(field setup_p50_ms "$base.out")" "$(field setup_p99_ms "$base.out")" \
        "$(field idr_p50_ms "$base.out")" "$(field idr_p99_ms "$base.out")" "$note" | tee -a "$STEPS_MD"
    grep '^failure=' "$base.out" | sed 's/^/      /' >&2 || true
    printf 'step\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
        "$s" "$CUR_RUN" "$t" "$n" "$verdict" "$ge90" "$ratio" "$loss" "$failed" "$dropped" "$cpu" "$sys" "$per_min" \
        "$rss" "$rss_per" "$ccpu" "$(field setup_p50_ms "$base.out")" "$(field setup_p99_ms "$base.out")" \
        "$(field idr_p50_ms "$base.out")" "$(field idr_p99_ms "$base.out")" "${OVER:+over}" "$STEP_WARNINGS" "$other" \
        "$lossy" "$kdrops" "$sdrops" "$jit" >>"$RAW"
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
        settle_to_baseline
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
    collect_warnings "$s $t run $CUR_RUN" '[0-9a-f]{32}'
    stop_server
}

# ---- relay hop: publish -> relay -> reader latency is measured by bench-relay.sh ----------
# (two Tributary instances, origin and relay, read side by side by relay-latency.py; the
# peer has no relay of its own to compare with).

# The kernel's share of TCP fan-out to $1 readers at the source's bitrate, as CPU-seconds per
# reader-minute: what the system calls alone cost here, since every server makes the same ones
# (one write per reader and frame) and pays the readers' TCP receive path on loopback.
floor_step() {
    local n="$1" out per_min
    out="$("$FLOOR_TOOL" -n "$n" -b "$SOURCE_BPS" -d "$STEP_SECONDS" -w 3 2>&1)" || { log "tcp-floor failed: $out"; return 0; }
    per_min="$(sed -n 's/.*cpu_s_per_reader_min=\([0-9.]*\).*/\1/p' <<<"$out")"
    log "floor (run $CUR_RUN, $n TCP readers): $(tail -1 <<<"$out")"
    printf 'floor\t%s\t%s\t%s\n' "$CUR_RUN" "$n" "$per_min" >>"$RAW"
}

# ---- main ------------------------------------------------------------------------------
start_results live   # RAW, STEPS_MD, RESULTS, ...
{
    echo "| server | run | tr | readers | verdict | % ≥ 90 % rate | median rate / source | loss % | lossy sessions/gaps @first gap ms after PLAY | server-counted drops sessions/packets | server UDP socket drops (ingest) | machine UDP drops rcvbuf/sndbuf/backlog | failed/dropped | steady s | server CPU % (kernel) | CPU-s / reader-min | RSS KiB / reader | client CPU % | other load % | idle % | first RTP p50/p99 ms | first IDR p50/p99 ms | notes |"
    echo "|---|---:|---|---:|---|---:|---:|---:|---|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|"
} | tee "$STEPS_MD"
log "source $(basename "$MEDIA") at $SOURCE_BPS bit/s; ladder: $LADDER; $RUNS run(s); load average $LOAD_BEFORE"
FLOOR_READERS="${FLOOR_READERS-500}"
[[ " $TRANSPORTS " == *" tcp "* && -n "$FLOOR_READERS" ]] && build_floor
for CUR_RUN in $(seq 1 "$RUNS"); do
    for s in $SERVERS; do
        for t in $TRANSPORTS; do
            ramp "$s" "$t"
        done
    done
    if [[ " $TRANSPORTS " == *" tcp "* ]]; then
        for n in $FLOOR_READERS; do floor_step "$n"; done
    fi
done
stop_clock

{
    echo "# Live fan-out: Tributary vs GStreamer $(gst_version) (gst-rtsp-server)"
    echo
    report_machine
    echo "Source: $(basename "$MEDIA") (video only, looped), $SOURCE_BPS bit/s of H.264; ladder $LADDER;"
    echo "$RUNS run(s), medians; ramp $RAMP sessions/s, $STEP_SECONDS s per step; Tributary publisher over RTSP/$PUBLISH_TRANSPORT,"
    echo "peer ingest RTP/UDP; gst-rtsp-server with $GST_THREADS client threads."
    echo
    summary_py "$RAW" "$CLIENT_LIMIT" <<'PY'
import sys
raw, client_limit = sys.argv[1], float(sys.argv[2])
steps, ramps, idles, bases, floors = [], [], [], [], []
for line in open(raw):
    f = line.rstrip("\n").split("\t")
    if f[0] == "step":
        keys = "server run tr n verdict ge90 ratio loss failed dropped cpu sys per_min rss rss_per ccpu s50 s99 i50 i99 over warn other lossy kdrops sdrops jit".split()
        steps.append(dict(zip(keys, f[1:])))
    elif f[0] == "ramp":
        ramps.append(dict(zip("server run tr max first_fail reason".split(), f[1:])))
    elif f[0] == "idle":
        idles.append(dict(zip("server run held heap rss h0 h1".split(), f[1:])))
    elif f[0] == "base":
        bases.append(dict(zip("server run tr cpu rss".split(), f[1:])))
    elif f[0] == "floor":
        floors.append(dict(zip("run n per_min".split(), f[1:])))

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
            lim = 0.55 if tr == "tcp" else 0.5
            target = f"≤ {lim:g}× peer"
            met = "n/a" if r is None else ("yes" if r <= lim else "**no**")
        row(f"server CPU-s per reader-minute at {n}, {tr.upper()}", fmt(t, 3) + tf, fmt(g, 3) + gf, fmt(r), target, met)
        if tr == "tcp":
            f = med(num(x["per_min"]) for x in floors if x["n"] == str(n))
            if f is not None:
                row(f"kernel floor at {n}, TCP: a sender that only send()s (tcp-floor.c), CPU-s per reader-minute",
                    fmt(f, 3), fmt(g, 3) + gf, fmt(ratio_of(f, g)), "the system calls alone",
                    "" if t is None else f"Tributary = {t / f:.2f}× the floor")
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
    report_steps
    echo
    report_warnings
    echo
    echo "## TODO: publish → relay → reader latency (p50/p99)"
    echo
    echo "Not measured yet: the relay bundle is being written. See README.md (Live fan-out, TODO)."
} >"$RESULTS.part"
finish_results metric
log "results: $RESULTS (raw data, client outputs and server logs: $TARGET/live-$STAMP/)"
