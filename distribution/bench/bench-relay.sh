#!/usr/bin/env bash
# Added latency of a relay hop (publish -> origin -> relay -> reader), p50/p99.
#
# Two Tributary instances from the assembled runtime: an origin that ffmpeg publishes the
# benchmark clip to, and an edge whose relay path (etc/io.tributary.path-hop.cfg) pulls it
# from the origin over TCP. relay-latency.py reads the origin and the relay side by side and
# times each video packet's arrival at both. Tributary only: gst-rtsp-server has no relay of
# its own to compare with (a launch line with rtspsrc re-payloads, so packets differ).
#
# Environment: DIST=../app/target/tributary  JAVA=…temurin-25…  SECONDS_MEASURED=20  RUNS=3
#              CLIP=target/live-1080p30-4M-30s.mp4 (made by bench-live.sh; made here if missing)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DIST="${DIST:-$HERE/../app/target/tributary}"
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
SECONDS_MEASURED="${SECONDS_MEASURED:-20}"
RUNS="${RUNS:-3}"
CLIP="${CLIP:-$HERE/target/live-1080p30-4M-30s.mp4}"
WORK="$(mktemp -d /tmp/tributary-relay.XXXXXX)"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
free_even_port() {
  python3 -c 'import socket
for p in range(20000, 60000, 2):
    try:
        a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); a.bind(("", p))
        b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); b.bind(("", p + 1))
        print(p); break
    except OSError:
        pass'
}

[[ -x "$JAVA" ]] || JAVA="$(command -v java)"
[[ -f "$DIST/tributary.jar" ]] || { echo "bench-relay: no runtime at $DIST (./mvnw install first)" >&2; exit 1; }
if [[ ! -f "$CLIP" ]]; then
  mkdir -p "$(dirname "$CLIP")"
  ffmpeg -nostdin -v error -y -f lavfi -i testsrc2=size=1920x1080:rate=30 -t 30 -c:v libx264 -preset veryfast \
    -b:v 4M -maxrate 4M -bufsize 2M -g 30 -bf 0 -pix_fmt yuv420p "$CLIP"
fi

start() { # name rtsp-port http-port rtp-port
  local home="$WORK/$1"
  cp -r "$DIST" "$home"
  rm -f "$home"/etc/io.tributary.path-*.cfg
  echo "rtpPort = $4" > "$home/etc/io.tributary.transports.udp.cfg"
  (cd "$home" && exec "$JAVA" -jar tributary.jar --home "$home" --rtsp-port "$2" --http-port "$3" --no-shell \
     > "$WORK/$1.log" 2>&1) &
  PIDS+=($!)
  for _ in $(seq 1 60); do grep -q "Tributary started" "$WORK/$1.log" 2>/dev/null && return; sleep 0.5; done
  echo "bench-relay: $1 did not start; see $WORK/$1.log" >&2; exit 1
}

ORIGIN=$(free_port); EDGE=$(free_port)
start origin "$ORIGIN" "$(free_port)" "$(free_even_port)"
start edge "$EDGE" "$(free_port)" "$(( $(free_even_port) + 100 ))"
printf 'path = /hop\nsource = rtsp://127.0.0.1:%s/live/bench\n' "$ORIGIN" > "$WORK/edge/etc/io.tributary.path-hop.cfg"
ffmpeg -nostdin -v error -re -stream_loop -1 -i "$CLIP" -an -c copy -f rtsp -rtsp_transport tcp \
  "rtsp://127.0.0.1:$ORIGIN/live/bench" > "$WORK/publisher.log" 2>&1 &
PIDS+=($!)
sleep 4

# A first, discarded pass warms up both JVMs (JIT) and the relay's upstream.
python3 "$HERE/relay-latency.py" "rtsp://127.0.0.1:$ORIGIN/live/bench" "rtsp://127.0.0.1:$EDGE/hop" 10 > /dev/null
p50s=(); p99s=()
for run in $(seq 1 "$RUNS"); do
  out="$(python3 "$HERE/relay-latency.py" "rtsp://127.0.0.1:$ORIGIN/live/bench" "rtsp://127.0.0.1:$EDGE/hop" \
         "$SECONDS_MEASURED")"
  echo "run $run: $(echo "$out" | tr '\n' ' ')"
  p50s+=("$(echo "$out" | sed -n 's/^hop_p50_ms=//p')")
  p99s+=("$(echo "$out" | sed -n 's/^hop_p99_ms=//p')")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo
echo "| metric | Tributary | target |"
echo "|---|---:|---|"
echo "| relay hop added latency p50 ms (median of $RUNS runs) | $(median "${p50s[@]}") | |"
echo "| relay hop added latency p99 ms (median of $RUNS runs) | $(median "${p99s[@]}") | < 5 ms |"
