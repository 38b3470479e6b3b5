#!/usr/bin/env bash
# Generates demo.mp4 beside this script: the clip served at /demo.
#   10 s, 640x360 at 30 fps H.264 Main (1 s GOP, no B-frames, ~600 kbit/s) showing a moving
#   test pattern with a running timecode, plus AAC-LC 48 kHz stereo (~96 kbit/s) beeping once
#   a second. The moov box comes first (faststart). The output is deterministic for a given
#   ffmpeg/x264 build: single-threaded, bit-exact, no metadata.
# Usage: make-demo.sh [output]   (needs ffmpeg with libx264; drawtext when fontconfig works)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/demo.mp4}"
seconds=10

video="testsrc2=size=640x360:rate=30:duration=$seconds"
font="$(fc-match -f '%{file}' 'DejaVu Sans Mono:bold' 2>/dev/null || true)"
filters="$(ffmpeg -hide_banner -filters 2>/dev/null || true)"
if [[ -n "$font" && -f "$font" && "$filters" == *" drawtext "* ]]; then
  video+=",drawtext=fontfile='$font':text='%{pts\\:hms}  #%{frame_num}':x=(w-tw)/2:y=h-th-24"
  video+=":fontsize=36:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=10"
else
  echo "make-demo: drawtext or fontconfig unavailable, plain test pattern" >&2
fi
audio="sine=frequency=660:beep_factor=2:sample_rate=48000:duration=$seconds"

ffmpeg -hide_banner -loglevel error -y -threads 1 \
  -f lavfi -i "$video" -f lavfi -i "$audio" \
  -map 0:v -map 1:a -t "$seconds" \
  -c:v libx264 -profile:v main -preset medium -pix_fmt yuv420p \
  -g 30 -keyint_min 30 -sc_threshold 0 -bf 0 \
  -b:v 600k -maxrate 700k -bufsize 1200k \
  -x264-params threads=1:lookahead-threads=1:sliced-threads=0 \
  -c:a aac -profile:a aac_low -ac 2 -ar 48000 -b:a 96k \
  -fflags +bitexact -flags:v +bitexact -flags:a +bitexact -map_metadata -1 -map_chapters -1 \
  -movflags +faststart \
  "$out"

echo "make-demo: wrote $out ($(stat -c %s "$out") bytes)"
