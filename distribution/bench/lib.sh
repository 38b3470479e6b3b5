# Shell functions shared by bench-vod.sh, bench-live.sh and bench-security.sh, which source this file; it is not
# run on its own. The scripts set LOG_TAG (the first word of their log lines) and, for the
# functions that read them, CLIENT, SERVER_PID, CLIENT_PID and HZ (find_java sets it).

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
        "$(ticks "$CLIENT_PID") $(rss_kib "$SERVER_PID")"
}

# CPU over [$2, $3] s of a step from its samples $1 (cpu_sample lines): prints the server's and
# the client's % of a core (with $4 decimals), everything else the machine ran (other processes,
# kernel threads, softirq not charged to a process, hypervisor steal) in % of a core, the
# machine's idle %, the server's time in the kernel in % of a core, and its median RSS in KiB.
window_cpu() {
    awk -v f="$2" -v t="$3" -v hz="$HZ" -v ncpu="$(nproc)" -v decimals="$4" '
        $1 >= f && !a {a = 1; e0 = $1; c0 = $2; s0 = $3; i0 = $4; t0 = $5; k0 = $6}
        $1 >= f && $1 <= t {e1 = $1; c1 = $2; s1 = $3; i1 = $4; t1 = $5; k1 = $6; rss[n++] = $7}
        END {
            if (!a || e1 - e0 < 2) {print "n/a n/a n/a n/a n/a n/a"; exit}
            server = 100 * (c1 - c0) / hz / (e1 - e0)
            client = 100 * (k1 - k0) / hz / (e1 - e0)
            busy = 100 * ncpu * (1 - (i1 - i0) / (t1 - t0))
            other = busy - server - client
            for (i = 0; i < n; i++)
                for (j = i + 1; j < n; j++) if (rss[j] < rss[i]) {x = rss[i]; rss[i] = rss[j]; rss[j] = x}
            printf "%." decimals "f %." decimals "f %.0f %.0f %.0f %d\n", server, client, other < 0 ? 0 : other,
                100 * (i1 - i0) / (t1 - t0), 100 * (s1 - s0) / hz / (e1 - e0), rss[int(n / 2)]
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
