#!/usr/bin/env bash
# Security overhead (issue 10): what SRTP, RTSPS and Digest logins cost Tributary, with
# GStreamer's RTSP server (gst-rtsp-server) on the same live stream, in one invocation; and
# (part d, on request) what RTSP over HTTP tunnelling costs.
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
#   d. (not in the default PARTS) TUNNEL_READERS readers (default 200) through RTSP over HTTP
#      (rtspload -H: a GET and a POST per reader, RTP/AVP/TCP interleaved in the GET's answer)
#      against as many plain RTP/AVP/TCP readers, on Tributary and gst-rtsp-server: server CPU
#      per reader-minute, loss, connect -> first RTP, client CPU, and the ratios tunnel / plain.
# Per step: the same verdicts as bench-live.sh (real time, loss, failed setups, drops), the
# server's CPU from /proc over the steady window minus its idle baseline, the load client's
# CPU. Each run: Tributary (warm-up, baseline, a, b, d, c), then gst-rtsp-server (warm-up,
# baseline, a, d). It prints a Markdown table of medians over RUNS runs and ratios; the issue's
# targets are shown beside them, never checked. See README.md ("Security", "HTTP tunnelling").
#
# SRTP needs the transports/srtp plugin in the distribution, RTSP over HTTP the
# transports/http-tunnel plugin. Without it (or when a probe reader fails) part a, or part d on
# Tributary, reports why instead of figures, and the rest runs.
#
# Environment (all optional):
#   STEPS="500"            readers of parts a and b (several: "200 500")
#   AUTH_READERS=200       readers of part c
#   TUNNEL_READERS=200     readers of part d
#   PARTS="a b c"          (add d, or PARTS=d, for the tunnel)
#   RUNS=3                 SERVERS="tributary gstreamer" (the peer only runs parts a and d)
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
# Tunnel cost only (about 10 min): PARTS=d distribution/bench/bench-security.sh
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$HERE/lib.sh"
LOG_TAG=security
TARGET="$HERE/target"
STEPS="${STEPS:-500}"
AUTH_READERS="${AUTH_READERS:-200}"
TUNNEL_READERS="${TUNNEL_READERS:-200}"
PARTS="${PARTS:-a b c}"
AUTH_TRANSPORT="${AUTH_TRANSPORT:-tcp}"
MEDIA_SECONDS=30
live_knobs curl   # RUNS, SERVERS, RAMP, STEP_SECONDS, WARMUP, BASELINE_SECONDS, CLIENT_LIMIT, GST_THREADS, DIST, ...
OPEN_PATH=/open/bench
SECURE_PATH=/secure/bench
BENCH_USER=bench
# A fresh password per invocation; the load client only ever sends this one (see part c).
BENCH_PASSWORD="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"

if [[ " $SERVERS " == *" gstreamer "* && " $PARTS " =~ \ [ad]\  ]]; then need_gst_rtsp_server; fi
for n in $STEPS $AUTH_READERS $TUNNEL_READERS; do
    [[ "$n" =~ ^[0-9]+$ && "$n" -ge 1 && "$n" -le 5000 ]] || die "STEPS/AUTH_READERS/TUNNEL_READERS: $n is not in 1..5000"
done
for p in $PARTS; do [[ "$p" =~ ^[abcd]$ ]] || die "PARTS: $p is not a, b, c or d"; done
for s in $SERVERS; do [[ "$s" =~ ^(tributary|gstreamer)$ ]] || die "SERVERS: $s is not tributary or gstreamer"; done
[[ "$AUTH_TRANSPORT" =~ ^(tcp|udp)$ ]] || die "AUTH_TRANSPORT: tcp or udp"
STEPS="$(printf '%s\n' $STEPS | sort -n -u | tr '\n' ' ')"

SERVER_PID="" PUB_PID="" PUB2_PID="" CLIENT_PID="" ANCHOR_PID="" GC_LOG="" HTTP_PORT="" RTSP_PORT=""
stop_server() { stop_pids CLIENT_PID ANCHOR_PID SERVER_PID PUB_PID PUB2_PID; }
start_run security   # RUN, kept in target/security-STAMP/ on exit

# ---- load client, media (the same clip as bench-live.sh), the distribution's snapshot -----
prepare_live   # CLIENT, MEDIA, SOURCE_BPS, RUN/dist

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
        plain) echo "RTP/AVP/TCP (part d)" ;;
        tunnel) echo "RTSP over HTTP: RTP/AVP/TCP tunnelled" ;;
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
        plain) echo "-u rtsp://$host$OPEN_PATH -t tcp" ;;
        tunnel) echo "-u rtsp://$host$OPEN_PATH -H" ;;
    esac
}

# ---- processes ---------------------------------------------------------------------------
# Runs the load client to its end (bounded by its own -d and hard stop): $1 output base, then
# its options. For warm-ups and probes.
client_run() {
    local base="$1"; shift
    "$CLIENT" "$@" >"$base.out" 2>"$base.err" || true
}

start_tributary() {
    local home
    live_tributary_home   # RTSPS on the RTSP port (tls port = 0)
    home="$TRIBUTARY_HOME"
    # Anonymous clients may read /open/** only (and publish from this host, for ffmpeg); the
    # bench user may read everything, with a password it is given on stdin.
    sed -i 's|^anonymous *=.*|anonymous = read:/open/**, publish:/** from 127.0.0.0/8 ::1|' "$home/etc/io.tributary.auth.cfg"
    grep -q '^anonymous = read:/open/\*\*' "$home/etc/io.tributary.auth.cfg" || die "cannot set the anonymous rule"
    printf '%s\n' "$BENCH_PASSWORD" | "$JAVA" -jar "$home/tributary.jar" --home "$home" user add "$BENCH_USER" \
        --permit 'read:/**' >/dev/null
    launch_tributary
    publish_tributary PUB_PID "$OPEN_PATH" "$PUB_LOG" tcp
    log "Tributary pid $SERVER_PID on rtsp://127.0.0.1:$RTSP_PORT$OPEN_PATH (and rtsps://), publisher pid $PUB_PID"
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

# Idle baseline (measure_baseline): the lowest 3 s window of server CPU, subtracted from every
# step. $1: what it is before.
baseline() {
    measure_baseline
    printf 'base\t%s\t%s\t%s\t%s\n' "$CUR_SERVER" "$CUR_RUN" "$BASE_CPU" "$1" >>"$RAW"
    log "baseline ($CUR_SERVER, $1): server CPU $BASE_CPU % of a core (3 s windows:$BASE_CPUS)"
}

# Whether variant $1 can be measured on this Tributary: empty when it can, else why not (with
# the first exception the server logged for the probe reader, if any). $2 what it is, $3 its
# plugin's bundle in deploy/ (a glob; the jar must hold classes), $4 a probe failure that means
# the server does not speak it (a glob).
variant_missing() {
    local v="$1" what="$2" bundle="$3" refused="$4" probe="$RUN/out/tributary-$CUR_RUN-$1-probe" jar why lines exception
    jar="$(compgen -G "$RUN/dist/deploy/$bundle" | head -1 || true)"
    if [[ -z "$jar" ]] || ! "$JDK_BIN/jar" tf "$jar" 2>/dev/null | grep -q '\.class$'; then
        echo "$what not installed (no $bundle with classes in deploy/)"; return
    fi
    lines=$(wc -l <"$SERVER_LOG")
    # shellcheck disable=SC2046
    client_run "$probe" $(variant_args "$v") -l -n 1 -r 1 -d 3 -b "$SOURCE_BPS"
    [[ "$(field established "$probe.out")" == 1 && "$(field packets_received "$probe.out")" -gt 0 ]] && return
    why="$(field failure "$probe.out")"; why="${why#1 }"
    # shellcheck disable=SC2053
    if [[ "$why" == $refused ]]; then
        echo "$what not installed ($why)"; return
    fi
    exception="$(tail -n +"$((lines + 1))" "$SERVER_LOG" | grep -m1 -E '^[A-Za-z0-9_.$]+(Exception|Error)(:|$)' \
        | sed -E 's/^(.{0,180}).*/\1/' | tr '|' '/' || true)"
    echo "$what not measured: a probe reader failed (${why:-no RTP received})${exception:+; the server logged $exception}"
}

# ---- one step ----------------------------------------------------------------------------
# $1 variant, $2 readers. Prints a row, appends a "step" record to RAW.
step() {
    local v="$1" n="$2" s="$CUR_SERVER" base note fails
    local from steady cpu ccpu other idle sys rss per_min ge90 ratio loss failed dropped verdict
    base="$RUN/out/$s-$CUR_RUN-$v-$n"
    # shellcheck disable=SC2046
    run_step "$base" "$n" "" $(variant_args "$v")

    read -r from steady cpu ccpu other idle sys rss jit per_min < <(step_cpu "$base" "$n")
    ge90=$(field ge90_pct "$base.out"); ratio=$(field rate_p50_ratio "$base.out"); loss=$(field loss_pct "$base.out")
    failed=$(field failed "$base.out"); dropped=$(field dropped "$base.out")
    verdict=$(live_verdict "$ge90" "$loss" "$failed" "$dropped" "$ccpu")
    note="$STEP_BROKEN"
    fails="$(sed -n 's/^failure=//p' "$base.out" | paste -sd ';' -)"
    [[ -n "$fails" ]] && note="${note:+$note; }failures: $fails"
    note="$(step_notes "$note")"
    note="$(jit_note "$note" "$jit")"
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
        "$(field credentials_refused "$base.out")" "$STEP_WARNINGS" "$other" >>"$RAW"
    [[ "$(field credentials_refused "$base.out")" == 0 ]] || die "the server refused the bench user's password (see $base.out)"
}

# Runs the steps of variants "$@" at each size of STEPS, as long as the server works.
steps() {
    local v n
    for n in $STEPS; do
        for v in "$@"; do
            [[ -z "$(server_broken)" ]] || { log "skipping $v at $n: $(server_broken)"; continue; }
            settle_to_baseline
            log "step: $CUR_SERVER, $n readers, $(variant_label "$v")"
            step "$v" "$n"
        done
    done
}

# ---- one run per server --------------------------------------------------------------------
run_tributary() {
    local missing="" wv="udp tcp rtsps" probe no_tunnel
    CUR_SERVER=tributary
    SERVER_LOG="$RUN/tributary-$CUR_RUN-server.log"; PUB_LOG="$RUN/tributary-$CUR_RUN-publisher.log"
    log "== run $CUR_RUN: Tributary"
    start_tributary
    "$CLIENT" -u "rtsp://127.0.0.1:$RTSP_PORT$OPEN_PATH" -l -n 1 -t tcp -r 1 -d 3000 -b "$SOURCE_BPS" \
        >"$RUN/out/tributary-$CUR_RUN-anchor.out" 2>&1 &
    ANCHOR_PID=$!
    wait_ready "$RUN/out/tributary-$CUR_RUN-anchor.out" "$ANCHOR_PID" 30 || die "the anchor reader did not start"
    if [[ " $PARTS " == *" a "* ]]; then
        missing="$(variant_missing srtp SRTP '*transports.srtp*.jar' '*answered 461*')"
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
    if [[ " $PARTS " == *" d "* && -z "$(server_broken)" ]]; then
        # A server without the tunnel answers the GET in RTSP, or closes the connection.
        no_tunnel="$(variant_missing tunnel "RTSP over HTTP" '*transports.httptunnel*.jar' \
            '@(tunnel GET answered not in HTTP*|connection closed during setup)')"
        if [[ -n "$no_tunnel" ]]; then
            log "part d: $no_tunnel"
            printf 'tunnel\t%s\t%s\n' "$CUR_RUN" "$no_tunnel" >>"$RAW"
        else
            tunnel_part
        fi
    fi
    if [[ " $PARTS " == *" c "* && -z "$(server_broken)" ]]; then
        publish_tributary PUB2_PID "$SECURE_PATH" "${PUB_LOG%.log}-secure.log" tcp \
            "the second publisher exited" "the live stream $SECURE_PATH did not start in 30 s"
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
    collect_warnings "tributary run $CUR_RUN" '[0-9a-f]{8}…'
    stop_server
}

# Part d on CUR_SERVER: warm-up, baseline, plain TCP and tunnelled readers (TUNNEL_READERS).
tunnel_part() {
    local saved="$STEPS"
    warm_up plain tunnel
    baseline "part d: 1 publisher, 1 anchor reader"
    STEPS="$TUNNEL_READERS"
    steps plain tunnel
    STEPS="$saved"
}

run_gstreamer() {
    CUR_SERVER=gstreamer
    SERVER_LOG="$RUN/gstreamer-$CUR_RUN-server.log"; PUB_LOG="$RUN/gstreamer-$CUR_RUN-publisher.log"
    log "== run $CUR_RUN: gst-rtsp-server"
    start_gst_live "$OPEN_PATH"
    "$CLIENT" -u "rtsp://127.0.0.1:$RTSP_PORT$OPEN_PATH" -l -n 1 -t tcp -r 1 -d 3000 -b "$SOURCE_BPS" \
        >"$RUN/out/gstreamer-$CUR_RUN-anchor.out" 2>&1 &
    ANCHOR_PID=$!
    wait_ready "$RUN/out/gstreamer-$CUR_RUN-anchor.out" "$ANCHOR_PID" 30 || die "the anchor reader did not start"
    if [[ " $PARTS " == *" a "* ]]; then
        warm_up udp
        baseline "part a: 1 publisher, 1 anchor reader"
        steps udp
    fi
    # gst-rtsp-server speaks RTSP over HTTP on its RTSP port
    [[ " $PARTS " != *" d "* || -n "$(server_broken)" ]] || tunnel_part
    collect_warnings "gstreamer run $CUR_RUN"
    stop_server
}

# ---- main ----------------------------------------------------------------------------------
start_results security   # RAW, STEPS_MD, RESULTS, ...
{
    echo "| server | run | variant | readers | verdict | % ≥ 90 % rate | median rate / source | loss % | failed/dropped | steady s | server CPU % (kernel) | CPU-s / reader-min | RSS MiB | client CPU % | other load % | idle % | connect → PLAY answered p50/p99 ms | connect → first RTP p50/p99 ms | TLS handshake p50/p99 ms | 401s answered | notes |"
    echo "|---|---:|---|---:|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|---:|---|"
} | tee "$STEPS_MD"
log "source $(basename "$MEDIA") at $SOURCE_BPS bit/s; parts $PARTS; readers $STEPS (a, b), $AUTH_READERS (c), $TUNNEL_READERS (d); $RUNS run(s); load average $LOAD_BEFORE"
for CUR_RUN in $(seq 1 "$RUNS"); do
    [[ " $SERVERS " != *" tributary "* ]] || run_tributary
    [[ " $SERVERS " != *" gstreamer "* || ! " $PARTS " =~ \ [ad]\  ]] || run_gstreamer
done
stop_clock

{
    title="Security overhead"
    [[ " $PARTS " != *" d "* ]] || title="$title and RTSP over HTTP"
    [[ "$PARTS" != d ]] || title="RTSP over HTTP tunnelling"
    echo "# $title: Tributary and gst-rtsp-server $(gst_version)"
    echo
    report_machine
    echo "Source: $(basename "$MEDIA") (video only, looped), $SOURCE_BPS bit/s of H.264; parts $PARTS; readers $STEPS (parts a, b),"
    echo "$AUTH_READERS (part c, $AUTH_TRANSPORT), $TUNNEL_READERS (part d); $RUNS run(s), medians; ramp $RAMP sessions/s, $STEP_SECONDS s per step."
    echo
    summary_py "$RAW" "$STEPS" "$AUTH_READERS" "$PARTS" "$TUNNEL_READERS" <<'PY'
import sys
raw, sizes, auth_n, parts, tunnel_n = sys.argv[1], sys.argv[2].split(), sys.argv[3], sys.argv[4].split(), sys.argv[5]
steps, srtp_why, tunnel_why = [], {}, {}
for line in open(raw):
    f = line.rstrip("\n").split("\t")
    if f[0] == "step":
        keys = "server run v n verdict ge90 ratio loss failed dropped cpu per_min ccpu p50 p99 r50 r99 refused warn other".split()
        steps.append(dict(zip(keys, f[1:])))
    elif f[0] == "srtp":
        srtp_why[f[1]] = f[2]
    elif f[0] == "tunnel":
        tunnel_why[f[1]] = f[2]

def rows(server, v, n):
    return sorted((s for s in steps if s["server"] == server and s["v"] == v and s["n"] == str(n)), key=lambda s: int(s["run"]))

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

out = ["| part | metric | median | per run | issue 10's target (parts a–c; for reference, not checked) |", "|---|---|---:|---|---|"]
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
if "d" in parts:
    n = tunnel_n
    for server, name in (("tributary", "Tributary"), ("gstreamer", "gst-rtsp-server")):
        if not rows(server, "tunnel", n):
            why = "; ".join(sorted(set(tunnel_why.values()))) if server == "tributary" else ""
            row("d", f"{name}, {n} readers through RTSP over HTTP", why or "not run")
            continue
        plain = cpu_row("d", f"{name} CPU-s per reader-minute, RTP/AVP/TCP, {n} readers", server, "plain", n)
        tunnel = cpu_row("d", f"{name} CPU-s per reader-minute, RTSP over HTTP (RTP/AVP/TCP tunnelled), {n} readers",
                         server, "tunnel", n)
        ratio_row("d", f"ratio {name} tunnel / plain TCP, server CPU", tunnel, plain)
        for key, what, d in (("loss", "loss %", 4), ("r50", "connect → first RTP p50 ms", 1),
                             ("r99", "connect → first RTP p99 ms", 1), ("ccpu", "load client CPU % of a core", 1)):
            p, t = metric(server, "plain", n, key), metric(server, "tunnel", n, key)
            row("d", f"{name} {what}, plain TCP / tunnel", f"{fmt(p[0], d)}{p[1]} / {fmt(t[0], d)}{t[1]}",
                f"{runs_text(p[2], d)} — {runs_text(t[2], d)}")
            if key != "loss":
                ratio_row("d", f"ratio {name} tunnel / plain TCP, {what}", (t[0], t[2]), (p[0], p[2]))
print("\n".join(out))
print()
print("† = at least one run's step did not pass (fewer than 99 % of readers in real time, loss, a failed setup or a drop,")
print("or the load client was the limit): the figure is measured, not sustained. Ratios of medians; per run: that run's ratio.")
PY
    echo
    report_steps
    echo
    echo "Idle baselines (server CPU % of a core, subtracted): $(awk -F'\t' '$1 == "base" {printf "%s%s run %s (%s): %s", sep, $2, $3, $5, $4; sep = "; "}' "$RAW")."
    echo
    report_warnings
} >"$RESULTS.part"
finish_results part
log "results: $RESULTS (client outputs, samples, server and publisher logs: $TARGET/security-$STAMP/)"
