#!/usr/bin/env python3
"""Added latency of one relay hop: the same RTP payloads read from the origin and from the relay.

usage: relay-latency.py ORIGIN_URL RELAY_URL SECONDS [SKIP_SECONDS]

Two readers over TCP interleaved, one on each URL, read video (channel 0) side by side. A
packet is known by its payload (both servers cut the same access units into the same
payloads); its added latency is when the relay's reader got it minus when the origin's reader
got it. The first SKIP_SECONDS (default 3) are left out: the relay's upstream starts on
demand and its first packets are the origin's cached GOP. Prints key=value lines.
"""
import hashlib
import select
import socket
import sys
import time
from urllib.parse import urlparse


def play(url):
    u = urlparse(url)
    s = socket.create_connection((u.hostname, u.port or 554), timeout=10)
    s.sendall(("SETUP %s/trackID=0 RTSP/1.0\r\nCSeq: 1\r\n"
               "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n" % url).encode())
    reply = b""
    while b"\r\n\r\n" not in reply:
        chunk = s.recv(4096)
        if not chunk:
            sys.exit("%s: connection closed during SETUP" % url)
        reply += chunk
    head = reply.split(b"\r\n\r\n", 1)[0].decode()
    if " 200 " not in head.split("\r\n")[0]:
        sys.exit("%s: SETUP failed: %s" % (url, head.split("\r\n")[0]))
    session = [l for l in head.split("\r\n") if l.lower().startswith("session:")][0]
    session = session.split(":", 1)[1].split(";")[0].strip()
    s.sendall(("PLAY %s RTSP/1.0\r\nCSeq: 2\r\nSession: %s\r\n\r\n" % (url, session)).encode())
    s.setblocking(False)
    return s


def frames(buf):
    """Complete interleaved frames in buf (RTSP replies skipped), and what is left."""
    out = []
    while len(buf) >= 4:
        if buf[0] != 0x24:
            end = buf.find(b"\r\n\r\n")
            if end < 0:
                break
            buf = buf[end + 4:]
            continue
        n = (buf[2] << 8) | buf[3]
        if len(buf) < 4 + n:
            break
        out.append((buf[1], buf[4:4 + n]))
        buf = buf[4 + n:]
    return out, buf


def main():
    origin_url, relay_url, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    skip = float(sys.argv[4]) if len(sys.argv) > 4 else 3.0
    origin, relay = play(origin_url), play(relay_url)
    buffers = {origin: b"", relay: b""}
    arrivals = {origin: {}, relay: {}}
    start = time.monotonic_ns()
    deadline = time.time() + seconds
    while time.time() < deadline:
        ready, _, _ = select.select([origin, relay], [], [], 0.5)
        now = time.monotonic_ns()
        for s in ready:
            try:
                data = s.recv(1 << 20)
            except BlockingIOError:
                continue
            if not data:
                sys.exit("connection closed")
            found, buffers[s] = frames(buffers[s] + data)
            for channel, packet in found:
                if channel == 0 and len(packet) > 12:
                    arrivals[s].setdefault(hashlib.md5(packet[12:]).digest(), now)
    added = sorted((arrivals[relay][k] - t) / 1e6 for k, t in arrivals[origin].items()
                   if k in arrivals[relay] and t - start > skip * 1e9)
    print("origin_packets=%d\nrelay_packets=%d\nmatched=%d" % (len(arrivals[origin]), len(arrivals[relay]),
                                                               len(added)))
    if not added:
        sys.exit("no packet seen by both readers")
    pct = lambda p: added[min(len(added) - 1, int(len(added) * p))]
    print("hop_p50_ms=%.2f\nhop_p90_ms=%.2f\nhop_p99_ms=%.2f\nhop_max_ms=%.2f" % (pct(0.5), pct(0.9), pct(0.99),
                                                                               added[-1]))


if __name__ == "__main__":
    main()
