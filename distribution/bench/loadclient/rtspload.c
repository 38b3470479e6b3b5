/*
 * rtspload: an RTSP load client for VOD and live capacity benchmarks.
 *
 * One process, one thread, one epoll. Each session: TCP connect (-s: then a TLS handshake,
 * RTSPS, driven by the same epoll), OPTIONS, DESCRIBE, SETUP per track (RTP/AVP/TCP
 * interleaved, or RTP/AVP over UDP with a local port pair per track; -P savp: RTP/SAVP),
 * PLAY from 0 (-l: PLAY without Range, for live streams), then read media until the stream
 * ends (RTCP BYE on every track) or the run ends; GET_PARAMETER keep-alive every 20 s;
 * TEARDOWN at the end. With -S a session stops after SETUP and is held idle (keep-alives
 * only) until the run ends. With -a USER:PASSWORD a 401 is answered with Digest MD5
 * (qop=auth) and the request sent again, and every later request carries credentials.
 * Per track it counts RTP packets, payload bytes and sequence gaps; per session it
 * records connect-to-PLAY-answered, connect-to-first-RTP and connect-to-first-H.264-IDR
 * latency. The summary is printed as key=value lines; "ready_at_s=" is printed (and
 * flushed) as soon as every session is playing (or held) or has failed.
 *
 * With -H (RTSP over HTTP, QuickTime tunnelling as VLC and GStreamer's rtsph:// do; implies
 * -t tcp) a session opens two connections to the URL's host and port: a GET (its read side:
 * headers x-sessioncookie, Accept: application/x-rtsp-tunnelled, no caching; the HTTP answer's
 * head is read and skipped, a status other than 200 fails the setup) and, once that is
 * answered, a POST with the same cookie (its write side: every request base64-encoded on its
 * own; the server never answers it). Responses and '$' frames arrive on the GET as without
 * -H. The cookie is 22 random base64url characters per session. With -s both connections
 * are TLS. Latencies still count from the GET's connect. A POST write that cannot complete
 * at once is retried as the control writes are (a few times, then the request fails). The
 * POST announces Content-Length 32767, as the clients do, and does not keep to it:
 * keep-alives of about 150 bytes (600 with -a) every 20 s pass it after about 70 min (15 min
 * with -a).
 *
 *   rtspload -u rtsp://127.0.0.1:8554/vod/a.mp4 -n 100 -t tcp -r 50 -d 35 -b 4128000
 *   rtspload -u rtsp://127.0.0.1:8554/live/cam -l -n 500 -t udp -r 200 -d 20 -b 4000000
 *   rtspload -u rtsp://127.0.0.1:8554/live/cam -S -n 1000 -r 200 -d 15   # idle sessions
 *   rtspload -u rtsp://127.0.0.1:8554/live/cam -l -s -t tcp -n 500 -d 20  # RTSPS, RTP inside TLS
 *   rtspload -u rtsp://127.0.0.1:8554/live/cam -l -s -t udp -P savp -n 500 -d 20   # SRTP
 *   rtspload -u rtsp://127.0.0.1:8554/cams/a -l -a bench:secret -n 200 -d 15       # Digest login
 *   rtspload -u rtsp://127.0.0.1:8554/live/cam -l -H -n 200 -d 15           # RTSP over HTTP
 *   rtspload -u rtsps://127.0.0.1:8554/live/cam -l -H -n 200 -d 15          # ... inside TLS
 *
 * SRTP (-P savp) is not decrypted: RTP headers travel in the clear, so sequence numbers are
 * checked as for RTP, and the payload is counted as the packet minus the RTP header minus
 * the 10-byte authentication tag (AES_CM_128_HMAC_SHA1_80). First IDR and RTCP BYE cannot be
 * seen (encrypted), so -P savp is for live streams: a VOD reader's end goes unnoticed.
 * TLS certificates are not verified (benchmarks use self-signed ones).
 *
 * Bounds: at most MAX_SESSIONS sessions, MAX_DURATION s, MAX_TRACKS tracks, CARRY_MAX
 * bytes of reassembly buffer per session (TCP), RTSP messages (and -H: the GET's HTTP answer
 * head) of at most MSG_MAX bytes.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>

#define MAX_SESSIONS 5000
#define MAX_DURATION 3600
#define MAX_TRACKS 4
#define MSG_MAX 16384               /* one RTSP response (headers + body) */
#define CARRY_MAX (72 * 1024)       /* TCP: leftover of one read (a frame is <= 65539 bytes) */
#define READ_CHUNK (64 * 1024)
#define UDP_BATCH 64
#define UDP_PKT_MAX 2048
#define SETUP_TIMEOUT_NS (15LL * 1000000000LL)
#define KEEPALIVE_NS (20LL * 1000000000LL)
#define DRAIN_NS (1000000000LL)
#define UDP_PORT_FIRST 20000
#define UDP_PORT_LAST 64000
#define SRTP_TAG 10                 /* AES_CM_128_HMAC_SHA1_80 authentication tag */
#define TLS_RECORD_MAX 16384        /* plaintext of one TLS record */
#define AUTH_RETRIES 3              /* 401s answered per session (a first challenge, then stale nonces) */
#define REQ_MAX 6144                /* one request, as sent */
#define COOKIE_LEN 22               /* -H: x-sessioncookie characters */
#define TUNNEL_POST_LENGTH 32767    /* -H: the Content-Length the POST announces */

/* K_CTRL: the control connection (with -H: the tunnel's GET); K_POST: -H's POST connection */
enum kind { K_CTRL = 0, K_RTP = 1, K_RTCP = 2, K_POST = 3 };
/* S_TUNNEL_GET: GET sent, its answer awaited; S_POST_*: the POST connection being opened */
enum state { S_IDLE, S_CONNECTING, S_TLS, S_TUNNEL_GET, S_POST_CONNECTING, S_POST_TLS, S_OPTIONS, S_DESCRIBE, S_SETUP,
    S_PLAY, S_PLAYING, S_HELD, S_FAILED, S_CLOSED };

struct track {
    char control[512];
    uint32_t clock;
    int h264;                  /* rtpmap H264: look for IDR NAL units */
    int rtp_fd, rtcp_fd;
    int rtp_port;
    /* statistics */
    int have_seq;
    uint16_t max_seq;
    uint32_t cycles;
    uint32_t base_ext;
    uint64_t received;
    uint64_t gaps;             /* sequence jumps (one per loss episode) */
    int64_t t_first_gap;
    uint64_t bytes;            /* RTP payload bytes, whole session */
    uint64_t win_bytes;        /* RTP payload bytes inside the measurement window */
    int have_win_ts;
    uint32_t win_first_ts, last_ts;
    int bye;
};

struct session {
    int id;
    enum state st;
    int fd;
    int ntracks;
    int setup_index;
    int cseq;
    char sid[128];
    char base[512];       /* Content-Base or the request URL */
    char aggregate[512];  /* control URL for PLAY */
    int64_t t_connect, t_tls, t_play, t_first_rtp, t_first_idr, t_end, t_keepalive;
    int ended;            /* RTCP BYE on all tracks */
    int dropped;          /* connection lost while playing */
    int torn_down;
    unsigned char *carry; /* TCP reassembly (CARRY_MAX) */
    int carry_len;
    SSL *ssl;             /* -s: the TLS connection over fd */
    int tls_usable;       /* handshake done and no fatal error: close_notify may be sent */
    /* -H: fd is the tunnel's GET (read side); the POST (write side) is pfd, with pssl under -s */
    int pfd;
    SSL *pssl;
    int ptls_usable;
    char cookie[COOKIE_LEN + 1];
    int64_t t_tunnel;     /* both tunnel connections open, POST head sent */
    /* the last request, sent again after a 401 */
    char last_method[16];
    char last_url[512];
    char last_extra[256];
    /* Digest (-a): the challenge answered, and whether the last request carried credentials */
    char realm[128];
    char nonce[256];
    char opaque[256];
    char cnonce[17];
    uint32_t nc;
    int auth_answers;
    int sent_credentials;
    struct track tr[MAX_TRACKS];
};

static struct {
    char url[512];
    char host[256];
    char port[16];
    int n;
    int udp;
    double ramp;
    double duration;
    double source_bps;
    double warmup;
    int verbose;
    int live;             /* -l: PLAY without Range */
    int idle;             /* -S: SETUP only, hold the session */
    int tls;              /* -s: RTSPS */
    int savp;             /* -P savp: RTP/SAVP */
    int tunnel;           /* -H: RTSP over HTTP */
    char path[512];       /* -H: the URL's path, for the GET and POST request lines */
    char user[128];       /* -a user:password */
    char password[128];
    const char *per_session;
} cfg = { .n = 10, .ramp = 100, .duration = 30, .warmup = 3 };

static struct session *sessions;
static int epfd;
static int64_t now_ns;
static int next_udp_port = UDP_PORT_FIRST;
static unsigned char rbuf[CARRY_MAX + READ_CHUNK];
static uint64_t junk_bytes, rtsp_errors, udp_truncated;
static char fail_reason[16][64];
static int fail_reason_count[16];
static int nfail_reasons;
static volatile sig_atomic_t interrupted;
static SSL_CTX *ssl_ctx;
static EVP_MD *md5;
static uint64_t auth_challenges, credentials_refused;
static uint64_t tunnel_post_closed; /* -H: POST connections the server closed while a session played */
static char tls_version[32], tls_cipher[64];

static int64_t mono_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t) ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void die(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "rtspload: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(2);
}

static void note_failure(const char *reason) {
    for (int i = 0; i < nfail_reasons; i++) {
        if (strcmp(fail_reason[i], reason) == 0) {
            fail_reason_count[i]++;
            return;
        }
    }
    if (nfail_reasons < 16) {
        snprintf(fail_reason[nfail_reasons], sizeof fail_reason[0], "%s", reason);
        fail_reason_count[nfail_reasons++] = 1;
    }
}

static uint64_t ev_key(int sid, int track, enum kind k) {
    return ((uint64_t) sid << 8) | ((uint64_t) track << 2) | (uint64_t) k;
}

static void ep_add(int fd, uint64_t key, uint32_t events) {
    struct epoll_event ev = { .events = events, .data.u64 = key };
    if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev) < 0) {
        die("epoll_ctl: %s", strerror(errno));
    }
}

static void ep_mod(int fd, uint64_t key, uint32_t events) {
    struct epoll_event ev = { .events = events, .data.u64 = key };
    epoll_ctl(epfd, EPOLL_CTL_MOD, fd, &ev);
}

/* Closes one TCP connection (TLS or not). */
static void close_conn(int *fd, SSL **ssl, int *tls_usable) {
    if (*ssl) {
        if (*tls_usable) {
            ERR_clear_error();
            SSL_shutdown(*ssl); /* one close_notify, not waiting for the server's */
        }
        SSL_free(*ssl);
        *ssl = NULL;
        *tls_usable = 0;
    }
    if (*fd >= 0) {
        close(*fd);
        *fd = -1;
    }
}

static void close_fds(struct session *s) {
    close_conn(&s->fd, &s->ssl, &s->tls_usable);
    close_conn(&s->pfd, &s->pssl, &s->ptls_usable);
    for (int i = 0; i < s->ntracks; i++) {
        if (s->tr[i].rtp_fd >= 0) {
            close(s->tr[i].rtp_fd);
            s->tr[i].rtp_fd = -1;
        }
        if (s->tr[i].rtcp_fd >= 0) {
            close(s->tr[i].rtcp_fd);
            s->tr[i].rtcp_fd = -1;
        }
    }
    free(s->carry);
    s->carry = NULL;
}

static void fail(struct session *s, const char *reason) {
    if (cfg.verbose) {
        fprintf(stderr, "session %d failed in state %d: %s\n", s->id, s->st, reason);
    }
    note_failure(reason);
    s->st = S_FAILED;
    close_fds(s);
}

/* ---------- Digest (RFC 7616, MD5 with qop=auth) ---------- */

static void md5_hex(const char *text, char out[33]) {
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned int dl = 0;
    if (!EVP_Digest(text, strlen(text), d, &dl, md5, NULL) || dl != 16) {
        die("MD5 failed");
    }
    for (unsigned i = 0; i < 16; i++) {
        snprintf(out + 2 * i, 3, "%02x", d[i]);
    }
}

/* src as the inside of a quoted-string (\\ before '"' and '\\'); 0 when it fits in dst. */
static int quote(const char *src, char *dst, size_t dstlen) {
    size_t n = 0;
    for (; *src; src++) {
        if (n + 3 > dstlen) {
            return -1;
        }
        if (*src == '"' || *src == '\\') {
            dst[n++] = '\\';
        }
        dst[n++] = *src;
    }
    dst[n] = '\0';
    return 0;
}

/* The Authorization header line for the next request on the session's nonce (nc counts up). */
static int digest_header(struct session *s, const char *method, const char *uri, char *out, size_t outlen) {
    char a[1024], ha1[33], ha2[33], response[33], nc[9];
    snprintf(nc, sizeof nc, "%08x", ++s->nc);
    if (snprintf(a, sizeof a, "%s:%s:%s", cfg.user, s->realm, cfg.password) >= (int) sizeof a) {
        return -1;
    }
    md5_hex(a, ha1);
    if (snprintf(a, sizeof a, "%s:%s", method, uri) >= (int) sizeof a) {
        return -1;
    }
    md5_hex(a, ha2);
    if (snprintf(a, sizeof a, "%s:%s:%s:%s:auth:%s", ha1, s->nonce, nc, s->cnonce, ha2) >= (int) sizeof a) {
        return -1;
    }
    md5_hex(a, response);
    /* the server's values as they were before unquoting, for the header */
    char realm[2 * sizeof s->realm], nonce[2 * sizeof s->nonce], opaque[2 * sizeof s->opaque], quri[1024];
    if (quote(s->realm, realm, sizeof realm) || quote(s->nonce, nonce, sizeof nonce)
            || quote(s->opaque, opaque, sizeof opaque) || quote(uri, quri, sizeof quri)) {
        return -1;
    }
    int n = snprintf(out, outlen, "Authorization: Digest username=\"%s\", realm=\"%s\", nonce=\"%s\", uri=\"%s\","
            " response=\"%s\", algorithm=MD5, qop=auth, nc=%s, cnonce=\"%s\"%s%s%s\r\n",
            cfg.user, realm, nonce, quri, response, nc, s->cnonce,
            opaque[0] ? ", opaque=\"" : "", opaque, opaque[0] ? "\"" : "");
    return n > 0 && n < (int) outlen ? 0 : -1;
}

/* Writes all of buf on a connection (TLS or not), retrying a few times; 0 on success. */
static int conn_write(int fd, SSL *ssl, int *tls_usable, const char *buf, int len) {
    int off = 0;
    if (fd < 0) {
        return -1;
    }
    for (int tries = 0; off < len && tries < 100; tries++) {
        if (ssl) {
            ERR_clear_error();
            int w = SSL_write(ssl, buf + off, len - off);
            if (w > 0) {
                off += w;
                continue;
            }
            int e = SSL_get_error(ssl, w);
            if (e != SSL_ERROR_WANT_WRITE && e != SSL_ERROR_WANT_READ) {
                *tls_usable = 0;
                return -1;
            }
        } else {
            ssize_t w = send(fd, buf + off, (size_t) (len - off), MSG_NOSIGNAL);
            if (w > 0) {
                off += (int) w;
            } else if (w < 0 && errno != EAGAIN && errno != EINTR) {
                return -1;
            }
        }
    }
    return off == len ? 0 : -1;
}

/* Writes all of buf on the control connection; with -H, base64-encoded on the tunnel's POST. */
static int ctrl_write(struct session *s, const char *buf, int len) {
    if (!cfg.tunnel) {
        return conn_write(s->fd, s->ssl, &s->tls_usable, buf, len);
    }
    unsigned char b64[4 * ((REQ_MAX + 2) / 3) + 1];
    if (len > REQ_MAX) {
        return -1;
    }
    int n = EVP_EncodeBlock(b64, (const unsigned char *) buf, len); /* no line breaks */
    return conn_write(s->pfd, s->pssl, &s->ptls_usable, (const char *) b64, n);
}

/* Sends a whole request; the control direction carries only small requests. */
static int send_request(struct session *s, const char *method, const char *url, const char *extra) {
    char req[REQ_MAX], auth[3072] = "";
    if (s->nonce[0] && digest_header(s, method, url, auth, sizeof auth) < 0) {
        return -1;
    }
    s->sent_credentials = auth[0] != '\0';
    int len = snprintf(req, sizeof req, "%s %s RTSP/1.0\r\nCSeq: %d\r\nUser-Agent: rtspload\r\n%s%s%s%s%s\r\n",
            method, url, ++s->cseq, s->sid[0] ? "Session: " : "", s->sid, s->sid[0] ? "\r\n" : "", auth,
            extra ? extra : "");
    if (len <= 0 || len >= (int) sizeof req) {
        return -1;
    }
    snprintf(s->last_method, sizeof s->last_method, "%s", method);
    snprintf(s->last_url, sizeof s->last_url, "%s", url);
    snprintf(s->last_extra, sizeof s->last_extra, "%s", extra ? extra : "");
    return ctrl_write(s, req, len);
}

/* ---------- SDP and URLs ---------- */

static void resolve(const char *base, const char *control, char *out, size_t outlen) {
    if (control[0] == '\0' || strcmp(control, "*") == 0) {
        snprintf(out, outlen, "%s", base);
    } else if (strncasecmp(control, "rtsp://", 7) == 0) {
        snprintf(out, outlen, "%s", control);
    } else {
        size_t bl = strlen(base);
        snprintf(out, outlen, "%s%s%s", base, (bl > 0 && base[bl - 1] == '/') ? "" : "/", control);
    }
}

static void parse_sdp(struct session *s, const char *body, size_t len) {
    const char *p = body, *end = body + len;
    int media = -1;
    char session_control[512] = "";
    s->ntracks = 0;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t) (end - p));
        if (!eol) {
            eol = end;
        }
        size_t l = (size_t) (eol - p);
        if (l > 0 && p[l - 1] == '\r') {
            l--;
        }
        char line[600];
        if (l >= sizeof line) {
            l = sizeof line - 1;
        }
        memcpy(line, p, l);
        line[l] = '\0';
        if (strncmp(line, "m=", 2) == 0) {
            media++;
            if (media < MAX_TRACKS) {
                s->ntracks = media + 1;
                s->tr[media].control[0] = '\0';
                s->tr[media].clock = 90000;
                s->tr[media].h264 = 0;
            }
        } else if (strncmp(line, "a=control:", 10) == 0) {
            if (media < 0) {
                snprintf(session_control, sizeof session_control, "%.500s", line + 10);
            } else if (media < MAX_TRACKS) {
                snprintf(s->tr[media].control, sizeof s->tr[media].control, "%.500s", line + 10);
            }
        } else if (strncmp(line, "a=rtpmap:", 9) == 0 && media >= 0 && media < MAX_TRACKS) {
            const char *slash = strchr(line, '/');
            const char *name = strchr(line, ' ');
            if (name && slash && slash > name && slash - name == 5 && strncasecmp(name + 1, "H264", 4) == 0) {
                s->tr[media].h264 = 1;
            }
            if (slash) {
                s->tr[media].clock = (uint32_t) strtoul(slash + 1, NULL, 10);
                if (s->tr[media].clock == 0) {
                    s->tr[media].clock = 90000;
                }
            }
        }
        p = eol + 1;
    }
    resolve(s->base, session_control, s->aggregate, sizeof s->aggregate);
    for (int i = 0; i < s->ntracks; i++) {
        char abs[512];
        resolve(s->base, s->tr[i].control, abs, sizeof abs);
        snprintf(s->tr[i].control, sizeof s->tr[i].control, "%s", abs);
    }
}

/* ---------- UDP ports ---------- */

static int udp_socket(int port) {
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return -1;
    }
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t) port) };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *) &a, sizeof a) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Binds an even/odd pair for one track; 0 on success. */
static int bind_pair(struct track *t) {
    for (int tries = 0; tries < 2000; tries++) {
        if (next_udp_port + 1 > UDP_PORT_LAST) {
            next_udp_port = UDP_PORT_FIRST;
        }
        int port = next_udp_port;
        next_udp_port += 2;
        int a = udp_socket(port);
        if (a < 0) {
            continue;
        }
        int b = udp_socket(port + 1);
        if (b < 0) {
            close(a);
            continue;
        }
        int rcv = 2 << 20;
        if (setsockopt(a, SOL_SOCKET, SO_RCVBUFFORCE, &rcv, sizeof rcv) < 0) {
            setsockopt(a, SOL_SOCKET, SO_RCVBUF, &rcv, sizeof rcv);
        }
        t->rtp_fd = a;
        t->rtcp_fd = b;
        t->rtp_port = port;
        return 0;
    }
    return -1;
}

/* ---------- media accounting ---------- */

/* Whether an RFC 6184 payload holds (the start of) an IDR slice: single NAL, STAP-A, FU-A. */
static int h264_idr(const unsigned char *pl, size_t n) {
    if (n < 1) {
        return 0;
    }
    unsigned type = pl[0] & 0x1f;
    if (type == 5) {
        return 1;
    }
    if (type == 24) {
        size_t o = 1;
        while (o + 2 < n) {
            size_t sz = ((size_t) pl[o] << 8) | pl[o + 1];
            o += 2;
            if (sz == 0 || o + sz > n) {
                break;
            }
            if ((pl[o] & 0x1f) == 5) {
                return 1;
            }
            o += sz;
        }
        return 0;
    }
    return type == 28 && n >= 2 && (pl[1] & 0x80) && (pl[1] & 0x1f) == 5;
}

static void on_rtp(struct session *s, int ti, const unsigned char *p, size_t len) {
    if (ti < 0 || ti >= s->ntracks || len < 12 || (p[0] >> 6) != 2) {
        return;
    }
    struct track *t = &s->tr[ti];
    size_t hdr = 12 + 4u * (p[0] & 0x0f);
    if ((p[0] & 0x10) && len >= hdr + 4) {
        hdr += 4 + 4u * (((unsigned) p[hdr + 2] << 8) | p[hdr + 3]);
    }
    size_t payload = len > hdr ? len - hdr : 0;
    if (cfg.savp) {
        /* SRTP: the payload is encrypted (same length) and followed by the authentication tag */
        payload = payload > SRTP_TAG ? payload - SRTP_TAG : 0;
    }
    uint16_t seq = (uint16_t) ((p[2] << 8) | p[3]);
    uint32_t ts = ((uint32_t) p[4] << 24) | ((uint32_t) p[5] << 16) | ((uint32_t) p[6] << 8) | p[7];
    if (!t->have_seq) {
        t->have_seq = 1;
        t->max_seq = seq;
        t->base_ext = seq;
        t->cycles = 0;
    } else {
        uint16_t delta = (uint16_t) (seq - t->max_seq);
        if (delta > 1 && delta < 0x8000) {
            t->gaps++;
            if (t->t_first_gap == 0) {
                t->t_first_gap = now_ns;
            }
        }
        if (delta != 0 && delta < 0x8000) {
            if (seq < t->max_seq) {
                t->cycles += 65536;
            }
            t->max_seq = seq;
        }
    }
    t->received++;
    t->bytes += payload;
    if (s->t_first_rtp == 0) {
        s->t_first_rtp = now_ns;
    }
    if (s->t_first_idr == 0 && t->h264 && !cfg.savp && payload > 0 && h264_idr(p + hdr, payload)) {
        s->t_first_idr = now_ns;
    }
    if (s->st == S_PLAYING && !s->ended && now_ns >= s->t_play + (int64_t) (cfg.warmup * 1e9)) {
        t->win_bytes += payload;
        if (!t->have_win_ts) {
            t->have_win_ts = 1;
            t->win_first_ts = ts;
        }
        t->last_ts = ts;
    }
}

static void on_rtcp(struct session *s, int ti, const unsigned char *p, size_t len) {
    if (ti < 0 || ti >= s->ntracks || cfg.savp) {
        return; /* SRTCP: all but the first header is encrypted, a BYE cannot be seen */
    }
    size_t off = 0;
    while (off + 4 <= len) {
        unsigned pt = p[off + 1];
        size_t plen = 4 + 4u * (((unsigned) p[off + 2] << 8) | p[off + 3]);
        if (pt == 203 && !s->tr[ti].bye && s->st == S_PLAYING) {
            s->tr[ti].bye = 1;
            int all = 1;
            for (int i = 0; i < s->ntracks; i++) {
                all &= s->tr[i].bye;
            }
            if (all && !s->ended) {
                s->ended = 1;
                s->t_end = now_ns;
            }
        }
        off += plen;
    }
}

/* ---------- RTSP state machine ---------- */

static void next_step(struct session *s);

/* Reads one auth-param value (token or quoted string) at v into out; returns the end. Sets
 * *too_long when it did not fit (a cut nonce or realm would make a wrong answer). */
static const char *param_value(const char *v, char *out, size_t outlen, int *too_long) {
    size_t n = 0;
    if (*v == '"') {
        v++;
        while (*v && *v != '"' && *v != '\r' && *v != '\n') {
            if (*v == '\\' && v[1] && v[1] != '\r' && v[1] != '\n') {
                v++;
            }
            if (n + 1 < outlen) {
                out[n++] = *v;
            } else {
                *too_long = 1;
            }
            v++;
        }
        if (*v == '"') {
            v++;
        }
    } else {
        while (*v && *v != ',' && *v != ' ' && *v != '\t' && *v != '\r' && *v != '\n') {
            if (n + 1 < outlen) {
                out[n++] = *v;
            } else {
                *too_long = 1;
            }
            v++;
        }
    }
    out[n] = '\0';
    return v;
}

/* Copies a parameter's value into dst, or sets *too_long; returns v (for chaining). */
static const char *param_copy(const char *v, char *dst, size_t dstlen, const char *value, int *too_long) {
    size_t n = strlen(value);
    if (n >= dstlen) {
        *too_long = 1;
    } else {
        memcpy(dst, value, n + 1);
    }
    return v;
}

/*
 * Takes the Digest MD5 challenge (qop=auth) of a 401 into the session. Returns 1 when one was
 * found, and sets *stale when it says stale=true. A challenge naming another algorithm
 * (the server also offers SHA-256) is skipped.
 */
static int take_challenge(struct session *s, const char *headers, int *stale) {
    const char *h = headers;
    while ((h = strstr(h, "\r\n")) != NULL) {
        h += 2;
        if (strncasecmp(h, "WWW-Authenticate:", 17) != 0) {
            continue;
        }
        const char *v = h + 17;
        while (*v == ' ' || *v == '\t') {
            v++;
        }
        if (strncasecmp(v, "Digest", 6) != 0 || (v[6] != ' ' && v[6] != '\t')) {
            continue;
        }
        v += 6;
        char realm[sizeof s->realm] = "", nonce[sizeof s->nonce] = "", opaque[sizeof s->opaque] = "";
        char algorithm[32] = "MD5", qop[64] = "", stale_v[16] = "", name[32], value[sizeof s->nonce];
        int too_long = 0;
        while (*v && *v != '\r' && *v != '\n') {
            while (*v == ' ' || *v == '\t' || *v == ',') {
                v++;
            }
            size_t nl = strcspn(v, "= \t,\r\n");
            if (nl == 0 || v[nl] != '=') {
                v += nl ? nl : (*v && *v != '\r' && *v != '\n');
                continue;
            }
            snprintf(name, sizeof name, "%.*s", (int) (nl < sizeof name ? nl : sizeof name - 1), v);
            v = param_value(v + nl + 1, value, sizeof value, &too_long);
            if (strcasecmp(name, "realm") == 0) {
                v = param_copy(v, realm, sizeof realm, value, &too_long);
            } else if (strcasecmp(name, "nonce") == 0) {
                v = param_copy(v, nonce, sizeof nonce, value, &too_long);
            } else if (strcasecmp(name, "opaque") == 0) {
                v = param_copy(v, opaque, sizeof opaque, value, &too_long);
            } else if (strcasecmp(name, "algorithm") == 0) {
                v = param_copy(v, algorithm, sizeof algorithm, value, &too_long);
            } else if (strcasecmp(name, "qop") == 0) {
                v = param_copy(v, qop, sizeof qop, value, &too_long);
            } else if (strcasecmp(name, "stale") == 0) {
                v = param_copy(v, stale_v, sizeof stale_v, value, &too_long);
            }
        }
        if (too_long || strcasecmp(algorithm, "MD5") != 0 || !nonce[0] || !strstr(qop, "auth")) {
            continue;
        }
        memcpy(s->realm, realm, sizeof s->realm);
        memcpy(s->nonce, nonce, sizeof s->nonce);
        memcpy(s->opaque, opaque, sizeof s->opaque);
        unsigned char r[8];
        if (RAND_bytes(r, sizeof r) != 1) {
            die("RAND_bytes failed");
        }
        for (int i = 0; i < 8; i++) {
            snprintf(s->cnonce + 2 * i, 3, "%02x", r[i]);
        }
        s->nc = 0;
        *stale = strcasecmp(stale_v, "true") == 0;
        return 1;
    }
    return 0;
}

/*
 * A 401 with -a: answers the Digest challenge by sending the last request again with
 * credentials. Returns 1 when it did; 0 when the session failed (no MD5 challenge, the
 * credentials were refused, or too many challenges). Credentials refused once are never
 * sent again by any session: the server slows down and then blocks an address that fails
 * to log in.
 */
static int answer_challenge(struct session *s, const char *headers) {
    int stale = 0;
    if (credentials_refused) {
        fail(s, "credentials refused earlier: not sent again");
        return 0;
    }
    if (s->sent_credentials && !take_challenge(s, headers, &stale)) {
        fail(s, "401 after Digest credentials, without a challenge");
        return 0;
    }
    if (s->sent_credentials && !stale) {
        credentials_refused++;
        fail(s, "Digest credentials refused (401)");
        return 0;
    }
    if (!s->sent_credentials && !take_challenge(s, headers, &stale)) {
        fail(s, "401 without a Digest MD5 qop=auth challenge");
        return 0;
    }
    if (++s->auth_answers > AUTH_RETRIES) {
        fail(s, "401 again and again");
        return 0;
    }
    auth_challenges++;
    char method[sizeof s->last_method], url[sizeof s->last_url], extra[sizeof s->last_extra];
    memcpy(method, s->last_method, sizeof method);
    memcpy(url, s->last_url, sizeof url);
    memcpy(extra, s->last_extra, sizeof extra);
    if (send_request(s, method, url, extra[0] ? extra : NULL) < 0) {
        fail(s, "cannot send request");
        return 0;
    }
    return 1;
}

static void on_response(struct session *s, int status, const char *headers, const char *body, size_t body_len) {
    if (status == 401 && cfg.user[0] && s->st != S_CLOSED) {
        answer_challenge(s, headers); /* also for a keep-alive whose nonce went stale */
        return;
    }
    if (s->st == S_PLAYING || s->st == S_HELD || s->st == S_CLOSED) {
        return; /* keep-alive or teardown answers */
    }
    if (status != 200) {
        char reason[64];
        rtsp_errors++;
        snprintf(reason, sizeof reason, "%s answered %d", s->st == S_SETUP ? "SETUP" : s->st == S_PLAY ? "PLAY"
                : s->st == S_DESCRIBE ? "DESCRIBE" : "OPTIONS", status);
        fail(s, reason);
        return;
    }
    const char *h = headers;
    while ((h = strstr(h, "\r\n")) != NULL) {
        h += 2;
        if (strncasecmp(h, "Session:", 8) == 0 && !s->sid[0]) {
            const char *v = h + 8;
            while (*v == ' ') {
                v++;
            }
            size_t n = strcspn(v, ";\r\n");
            if (n >= sizeof s->sid) {
                n = sizeof s->sid - 1;
            }
            memcpy(s->sid, v, n);
            s->sid[n] = '\0';
        } else if (strncasecmp(h, "Content-Base:", 13) == 0 && s->st == S_DESCRIBE) {
            const char *v = h + 13;
            while (*v == ' ') {
                v++;
            }
            size_t n = strcspn(v, "\r\n");
            if (n < sizeof s->base) {
                memcpy(s->base, v, n);
                s->base[n] = '\0';
            }
        }
    }
    switch (s->st) {
    case S_OPTIONS:
        s->st = S_DESCRIBE;
        break;
    case S_DESCRIBE:
        parse_sdp(s, body, body_len);
        if (s->ntracks == 0) {
            fail(s, "SDP without m= lines");
            return;
        }
        s->st = S_SETUP;
        s->setup_index = 0;
        break;
    case S_SETUP:
        s->setup_index++;
        if (s->setup_index >= s->ntracks) {
            if (cfg.idle) {
                s->st = S_HELD; /* set up, never played */
                s->t_play = now_ns;
                s->t_keepalive = now_ns + KEEPALIVE_NS;
                return;
            }
            s->st = S_PLAY;
        }
        break;
    case S_PLAY:
        s->st = S_PLAYING;
        s->t_play = now_ns;
        s->t_keepalive = now_ns + KEEPALIVE_NS;
        return;
    default:
        return;
    }
    next_step(s);
}

static void next_step(struct session *s) {
    char extra[256];
    int rc = 0;
    switch (s->st) {
    case S_DESCRIBE:
        rc = send_request(s, "DESCRIBE", cfg.url, "Accept: application/sdp\r\n");
        break;
    case S_SETUP: {
        int i = s->setup_index;
        if (cfg.udp) {
            if (bind_pair(&s->tr[i]) < 0) {
                fail(s, "no local UDP port pair");
                return;
            }
            ep_add(s->tr[i].rtp_fd, ev_key(s->id, i, K_RTP), EPOLLIN);
            ep_add(s->tr[i].rtcp_fd, ev_key(s->id, i, K_RTCP), EPOLLIN);
            snprintf(extra, sizeof extra, "Transport: RTP/%s;unicast;client_port=%d-%d\r\n",
                    cfg.savp ? "SAVP" : "AVP", s->tr[i].rtp_port, s->tr[i].rtp_port + 1);
        } else {
            snprintf(extra, sizeof extra, "Transport: RTP/%s/TCP;unicast;interleaved=%d-%d\r\n",
                    cfg.savp ? "SAVP" : "AVP", 2 * i, 2 * i + 1);
        }
        rc = send_request(s, "SETUP", s->tr[i].control, extra);
        break;
    }
    case S_PLAY:
        rc = send_request(s, "PLAY", s->aggregate, cfg.live ? NULL : "Range: npt=0.000-\r\n");
        break;
    default:
        return;
    }
    if (rc < 0) {
        fail(s, "cannot send request");
    }
}

static void connect_post(struct session *s);

/*
 * -H: takes the head of the HTTP answer to the tunnel's GET from buf (at most MSG_MAX bytes).
 * Returns its length once it is whole and says 200 (the POST connection is opened then), 0
 * while it is not whole, and 0 after failing the session on any other answer.
 */
static size_t tunnel_get_answer(struct session *s, const unsigned char *buf, size_t len) {
    const unsigned char *end = memmem(buf, len < MSG_MAX ? len : MSG_MAX, "\r\n\r\n", 4);
    if (!end) {
        if (len >= MSG_MAX) {
            fail(s, "tunnel GET answer head too long");
        }
        return 0;
    }
    char line[64], reason[64];
    size_t ll = strcspn((const char *) buf, "\r");
    snprintf(line, sizeof line, "%.*s", (int) (ll < sizeof line ? ll : sizeof line - 1), (const char *) buf);
    int status = 0;
    if (strlen(line) < 12 || strncmp(line, "HTTP/1.", 7) != 0 || line[8] != ' ' || sscanf(line + 9, "%3d", &status) != 1) {
        /* an RTSP server without tunnelling may answer the GET in RTSP */
        snprintf(reason, sizeof reason, "tunnel GET answered not in HTTP: %.30s", line);
        fail(s, reason);
        return 0;
    }
    if (status != 200) {
        snprintf(reason, sizeof reason, "tunnel GET answered %d", status);
        fail(s, reason);
        return 0;
    }
    connect_post(s);
    return (size_t) (end - buf) + 4;
}

/* Parses what is buffered: '$' frames, RTSP responses, junk. Returns bytes consumed. */
static size_t consume(struct session *s, unsigned char *buf, size_t len) {
    size_t off = 0;
    while (off < len && s->st != S_FAILED) {
        unsigned char c = buf[off];
        if (s->st == S_TUNNEL_GET) {
            size_t head = tunnel_get_answer(s, buf + off, len - off);
            if (head == 0) {
                break;
            }
            off += head;
        } else if (c == '$') {
            if (len - off < 4) {
                break;
            }
            size_t flen = ((size_t) buf[off + 2] << 8) | buf[off + 3];
            if (len - off < 4 + flen) {
                break;
            }
            int ch = buf[off + 1];
            if (ch & 1) {
                on_rtcp(s, ch / 2, buf + off + 4, flen);
            } else {
                on_rtp(s, ch / 2, buf + off + 4, flen);
            }
            off += 4 + flen;
        } else if (c == 'R' || c == 'G' || c == 'S' || c == 'O' || c == 'A' || c == 'P') {
            /* A response ("RTSP/1.0 ...") or a request from the server (answered by nothing). */
            size_t avail = len - off;
            unsigned char *end = memmem(buf + off, avail < MSG_MAX ? avail : MSG_MAX, "\r\n\r\n", 4);
            if (!end) {
                if (avail >= MSG_MAX) {
                    fail(s, "RTSP header too long");
                }
                break;
            }
            size_t hlen = (size_t) (end - (buf + off)) + 4;
            size_t clen = 0;
            unsigned char *cl = memmem(buf + off, hlen, "Content-Length:", 15);
            if (!cl) {
                cl = memmem(buf + off, hlen, "content-length:", 15);
            }
            if (cl) {
                clen = strtoul((char *) cl + 15, NULL, 10);
            }
            if (hlen + clen > MSG_MAX) {
                fail(s, "RTSP message too long");
                break;
            }
            if (avail < hlen + clen) {
                break;
            }
            char msg[MSG_MAX + 1];
            memcpy(msg, buf + off, hlen + clen);
            msg[hlen + clen] = '\0';
            off += hlen + clen;
            if (strncmp(msg, "RTSP/1.0 ", 9) == 0) {
                msg[hlen - 2] = '\0'; /* headers end at the blank line */
                on_response(s, atoi(msg + 9), msg, msg + hlen, clen);
            }
        } else {
            junk_bytes++;
            off++;
        }
    }
    return off;
}

/*
 * Reads up to READ_CHUNK bytes of the control connection into buf. Sets *drained when the
 * socket (and, with TLS, OpenSSL's buffer) had no more. Returns bytes read, 0 at the end of
 * the stream, or -1 with errno (EAGAIN: nothing to read now).
 */
static ssize_t ctrl_read(struct session *s, unsigned char *buf, int *drained) {
    if (!s->ssl) {
        ssize_t r = recv(s->fd, buf, READ_CHUNK, 0);
        *drained = r < READ_CHUNK;
        return r;
    }
    /* Whole records only (room for a full one each time), so that OpenSSL never keeps
     * decrypted bytes back: epoll could not tell about them. */
    size_t got = 0;
    *drained = 0;
    while (READ_CHUNK - got >= TLS_RECORD_MAX) {
        ERR_clear_error();
        int r = SSL_read(s->ssl, buf + got, (int) (READ_CHUNK - got));
        if (r > 0) {
            got += (size_t) r;
            continue;
        }
        int e = SSL_get_error(s->ssl, r);
        if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE) {
            *drained = 1;
            break;
        }
        if (got) {
            break; /* the end or the error shows on the next call */
        }
        if (e == SSL_ERROR_ZERO_RETURN) {
            return 0;
        }
        s->tls_usable = 0;
        errno = EIO;
        return -1;
    }
    if (got) {
        return (ssize_t) got;
    }
    errno = EAGAIN;
    return -1;
}

static void on_ctrl_readable(struct session *s) {
    for (int round = 0; round < 4 && s->fd >= 0; round++) {
        size_t have = (size_t) s->carry_len;
        if (have) {
            memcpy(rbuf, s->carry, have);
        }
        int drained = 1;
        ssize_t r = ctrl_read(s, rbuf + have, &drained);
        if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR)) {
            if (s->st == S_PLAYING || s->st == S_HELD) {
                if (!s->ended) {
                    s->dropped = 1;
                    s->t_end = now_ns;
                }
                s->st = S_CLOSED;
                close_fds(s);
            } else if (s->st != S_CLOSED) {
                fail(s, r == 0 ? "connection closed during setup" : "connection error during setup");
            } else {
                close_fds(s);
            }
            return;
        }
        if (r < 0) {
            return;
        }
        size_t total = have + (size_t) r;
        size_t used = consume(s, rbuf, total);
        if (s->st == S_FAILED || s->fd < 0) {
            return;
        }
        size_t rest = total - used;
        if (rest > CARRY_MAX) {
            fail(s, "reassembly buffer overflow");
            return;
        }
        if (rest && !s->carry) {
            s->carry = malloc(CARRY_MAX);
            if (!s->carry) {
                fail(s, "out of memory");
                return;
            }
        }
        if (rest) {
            memcpy(s->carry, rbuf + used, rest);
        }
        s->carry_len = (int) rest;
        if (drained) {
            return;
        }
    }
}

static void on_udp_readable(struct session *s, int ti, enum kind k) {
    static unsigned char bufs[UDP_BATCH][UDP_PKT_MAX];
    static struct mmsghdr msgs[UDP_BATCH];
    static struct iovec iov[UDP_BATCH];
    int fd = k == K_RTP ? s->tr[ti].rtp_fd : s->tr[ti].rtcp_fd;
    for (int round = 0; round < 8 && fd >= 0; round++) {
        for (int i = 0; i < UDP_BATCH; i++) {
            iov[i].iov_base = bufs[i];
            iov[i].iov_len = UDP_PKT_MAX;
            memset(&msgs[i].msg_hdr, 0, sizeof msgs[i].msg_hdr);
            msgs[i].msg_hdr.msg_iov = &iov[i];
            msgs[i].msg_hdr.msg_iovlen = 1;
        }
        int n = recvmmsg(fd, msgs, UDP_BATCH, MSG_DONTWAIT, NULL);
        if (n <= 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if (msgs[i].msg_hdr.msg_flags & MSG_TRUNC) {
                udp_truncated++;
            }
            if (k == K_RTP) {
                on_rtp(s, ti, bufs[i], msgs[i].msg_len);
            } else {
                on_rtcp(s, ti, bufs[i], msgs[i].msg_len);
            }
        }
        if (n < UDP_BATCH) {
            return;
        }
    }
}

/* Starts a non-blocking TCP connect to the URL's host into *fd, watched as kind k; 0 on success
 * (connected or in progress), else the session failed. */
static int tcp_connect(struct session *s, int *fd, enum kind k, const char *what) {
    struct addrinfo hints = { .ai_family = AF_INET, .ai_socktype = SOCK_STREAM }, *ai;
    if (getaddrinfo(cfg.host, cfg.port, &hints, &ai) != 0) {
        fail(s, "cannot resolve host");
        return -1;
    }
    *fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (*fd < 0) {
        freeaddrinfo(ai);
        fail(s, "socket() failed");
        return -1;
    }
    int one = 1;
    setsockopt(*fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    int rc = connect(*fd, ai->ai_addr, ai->ai_addrlen);
    freeaddrinfo(ai);
    if (rc < 0 && errno != EINPROGRESS) {
        fail(s, what);
        return -1;
    }
    ep_add(*fd, ev_key(s->id, 0, k), EPOLLOUT | EPOLLIN);
    return 0;
}

static void start_session(struct session *s) {
    s->t_connect = now_ns;
    if (tcp_connect(s, &s->fd, K_CTRL, "connect failed") == 0) {
        s->st = S_CONNECTING;
    }
}

/* -H: 22 characters of the base64url alphabet from RAND_bytes (the low 6 bits of each byte). */
static void make_cookie(char out[COOKIE_LEN + 1]) {
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    unsigned char r[COOKIE_LEN];
    if (RAND_bytes(r, sizeof r) != 1) {
        die("RAND_bytes failed");
    }
    for (int i = 0; i < COOKIE_LEN; i++) {
        out[i] = alphabet[r[i] & 63];
    }
    out[COOKIE_LEN] = '\0';
}

/* The first request, once connected (and with -s, once the TLS handshake is done): OPTIONS,
 * or with -H the tunnel's GET. */
static void start_rtsp(struct session *s) {
    ep_mod(s->fd, ev_key(s->id, 0, K_CTRL), EPOLLIN);
    if (cfg.tunnel) {
        char get[1024];
        make_cookie(s->cookie);
        int len = snprintf(get, sizeof get, "GET %s HTTP/1.0\r\nUser-Agent: rtspload\r\nx-sessioncookie: %s\r\n"
                "Accept: application/x-rtsp-tunnelled\r\nPragma: no-cache\r\nCache-Control: no-cache\r\n\r\n",
                cfg.path, s->cookie);
        s->st = S_TUNNEL_GET;
        if (len <= 0 || len >= (int) sizeof get || conn_write(s->fd, s->ssl, &s->tls_usable, get, len) < 0) {
            fail(s, "cannot send the tunnel GET");
        }
        return;
    }
    s->st = S_OPTIONS;
    if (send_request(s, "OPTIONS", cfg.url, NULL) < 0) {
        fail(s, "cannot send request");
    }
}

/* -H: the GET was answered 200: opens the POST connection. */
static void connect_post(struct session *s) {
    if (tcp_connect(s, &s->pfd, K_POST, "tunnel POST connect failed") == 0) {
        s->st = S_POST_CONNECTING;
    }
}

/* -H: the POST connection is open (and with -s, its TLS handshake done): sends the POST's
 * head, then OPTIONS through it. */
static void start_post(struct session *s) {
    char post[1024];
    ep_mod(s->pfd, ev_key(s->id, 0, K_POST), EPOLLIN);
    int len = snprintf(post, sizeof post, "POST %s HTTP/1.0\r\nUser-Agent: rtspload\r\nx-sessioncookie: %s\r\n"
            "Content-Type: application/x-rtsp-tunnelled\r\nPragma: no-cache\r\nCache-Control: no-cache\r\n"
            "Content-Length: %d\r\nExpires: Sun, 9 Jan 1972 00:00:00 GMT\r\n\r\n",
            cfg.path, s->cookie, TUNNEL_POST_LENGTH);
    if (len <= 0 || len >= (int) sizeof post || conn_write(s->pfd, s->pssl, &s->ptls_usable, post, len) < 0) {
        fail(s, "cannot send the tunnel POST");
        return;
    }
    s->t_tunnel = now_ns;
    s->st = S_OPTIONS;
    if (send_request(s, "OPTIONS", cfg.url, NULL) < 0) {
        fail(s, "cannot send request");
    }
}

/* A TLS client over fd, SNI set for a host name; NULL when OpenSSL fails. */
static SSL *tls_new(int fd) {
    SSL *ssl = SSL_new(ssl_ctx);
    if (!ssl || SSL_set_fd(ssl, fd) != 1) {
        SSL_free(ssl);
        return NULL;
    }
    struct in_addr ip4;
    struct in6_addr ip6;
    if (inet_pton(AF_INET, cfg.host, &ip4) != 1 && inet_pton(AF_INET6, cfg.host, &ip6) != 1) {
        SSL_set_tlsext_host_name(ssl, cfg.host); /* SNI takes names, not addresses */
    }
    SSL_set_connect_state(ssl);
    return ssl;
}

/* Drives the TLS handshake of the control connection (post: -H's POST connection) one step:
 * waits for what OpenSSL wants (read or write). */
static void tls_step(struct session *s, int post) {
    SSL *ssl = post ? s->pssl : s->ssl;
    int fd = post ? s->pfd : s->fd;
    uint64_t key = ev_key(s->id, 0, post ? K_POST : K_CTRL);
    ERR_clear_error();
    int rc = SSL_do_handshake(ssl);
    if (rc == 1) {
        if (post) {
            s->ptls_usable = 1;
            start_post(s);
            return;
        }
        s->t_tls = now_ns;
        s->tls_usable = 1;
        if (!tls_version[0]) {
            snprintf(tls_version, sizeof tls_version, "%s", SSL_get_version(ssl));
            snprintf(tls_cipher, sizeof tls_cipher, "%s", SSL_get_cipher_name(ssl));
        }
        start_rtsp(s);
        return;
    }
    int e = SSL_get_error(ssl, rc);
    if (e == SSL_ERROR_WANT_READ) {
        ep_mod(fd, key, EPOLLIN);
    } else if (e == SSL_ERROR_WANT_WRITE) {
        ep_mod(fd, key, EPOLLIN | EPOLLOUT);
    } else {
        char reason[64];
        unsigned long code = ERR_peek_error();
        const char *why = code ? ERR_reason_error_string(code) : NULL;
        snprintf(reason, sizeof reason, "%sTLS handshake failed (%s)", post ? "tunnel POST " : "",
                why ? why : e == SSL_ERROR_SYSCALL ? "connection closed" : "unknown");
        fail(s, reason);
    }
}

/* Whether a connect finished: 1 connected, 0 not yet, -1 failed (the session failed as what). */
static int connected(struct session *s, int fd, uint32_t events, const char *what) {
    int err = 0;
    socklen_t el = sizeof err;
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &el);
    if (err || (events & (EPOLLERR | EPOLLHUP))) {
        fail(s, what);
        return -1;
    }
    return (events & EPOLLOUT) ? 1 : 0;
}

static void on_ctrl_event(struct session *s, uint32_t events) {
    if (s->st == S_CONNECTING) {
        if (connected(s, s->fd, events, "connect failed") <= 0) {
            return;
        }
        if (!cfg.tls) {
            start_rtsp(s);
            return;
        }
        s->ssl = tls_new(s->fd);
        if (!s->ssl) {
            fail(s, "TLS handshake failed (SSL_new)");
            return;
        }
        s->st = S_TLS;
        tls_step(s, 0);
        return;
    }
    if (s->st == S_TLS) {
        tls_step(s, 0);
        return;
    }
    on_ctrl_readable(s);
}

/*
 * -H: the POST connection is readable or closed. The server never answers a POST: bytes from
 * it count as junk, except an HTTP answer during setup (a refused POST), which fails the
 * session with its status. Closed during setup: the session fails; while it plays: the
 * connection is closed and counted (tunnel_post_closed), later requests cannot be sent.
 */
static void on_post_readable(struct session *s) {
    unsigned char buf[4096];
    for (int round = 0; round < 16 && s->pfd >= 0; round++) {
        ssize_t r;
        if (s->pssl) {
            ERR_clear_error();
            int n = SSL_read(s->pssl, buf, sizeof buf);
            if (n > 0) {
                r = n;
            } else {
                int e = SSL_get_error(s->pssl, n);
                if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE) {
                    return; /* e.g. TLS 1.3 session tickets: no application data */
                }
                if (e != SSL_ERROR_ZERO_RETURN) {
                    s->ptls_usable = 0;
                }
                r = 0;
            }
        } else {
            r = recv(s->pfd, buf, sizeof buf, 0);
            if (r < 0 && (errno == EAGAIN || errno == EINTR)) {
                return;
            }
        }
        if (r <= 0) {
            if (s->st < S_PLAYING) {
                fail(s, "tunnel POST closed during setup");
            } else {
                if (s->st == S_PLAYING || s->st == S_HELD) {
                    tunnel_post_closed++;
                }
                close_conn(&s->pfd, &s->pssl, &s->ptls_usable);
            }
            return;
        }
        if (s->st < S_PLAYING && r >= 12 && memcmp(buf, "HTTP/1.", 7) == 0) {
            char reason[64];
            snprintf(reason, sizeof reason, "tunnel POST answered %.3s", (const char *) buf + 9);
            fail(s, reason);
            return;
        }
        junk_bytes += (uint64_t) r;
    }
}

static void on_post_event(struct session *s, uint32_t events) {
    if (s->st == S_POST_CONNECTING) {
        if (connected(s, s->pfd, events, "tunnel POST connect failed") <= 0) {
            return;
        }
        if (!cfg.tls) {
            start_post(s);
            return;
        }
        s->pssl = tls_new(s->pfd);
        if (!s->pssl) {
            fail(s, "tunnel POST TLS handshake failed (SSL_new)");
            return;
        }
        s->st = S_POST_TLS;
        tls_step(s, 1);
        return;
    }
    if (s->st == S_POST_TLS) {
        tls_step(s, 1);
        return;
    }
    on_post_readable(s);
}

/* ---------- summary ---------- */

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

static double pct(const double *v, int n, double p) {
    if (n == 0) {
        return 0;
    }
    int i = (int) ceil(p / 100.0 * n) - 1;
    if (i < 0) {
        i = 0;
    }
    if (i >= n) {
        i = n - 1;
    }
    return v[i];
}

static void summary(int64_t t_start, int64_t t_end) {
    int established = 0, failed = 0, dropped = 0, measured = 0, good = 0, ended = 0;
    uint64_t expected = 0, received = 0, lost = 0;
    size_t cap = (size_t) (cfg.n > 0 && cfg.n <= MAX_SESSIONS ? cfg.n : 1);
    double *rate = calloc(cap, sizeof(double));
    double *rt = calloc(cap, sizeof(double));
    double *lat = calloc(cap, sizeof(double));
    double *kf = calloc(cap, sizeof(double));
    double *playlat = calloc(cap, sizeof(double));
    double *tlslat = calloc(cap, sizeof(double));
    double *tunlat = calloc(cap, sizeof(double));
    if (!rate || !rt || !lat || !kf || !playlat || !tlslat || !tunlat) {
        die("out of memory");
    }
    FILE *dump = cfg.per_session ? fopen(cfg.per_session, "w") : NULL;
    if (dump) {
        fprintf(dump, "session,connect_s,play_s,first_rtp_ms,first_idr_ms,window_bps,lost,gaps,first_gap_after_play_ms,"
                "play_ms,tls_ms\n");
    }
    int nlat = 0, nrt = 0, nkf = 0, kf_missing = 0, lossy = 0, ngap = 0, nplaylat = 0, ntls = 0, ntun = 0;
    uint64_t gap_events = 0;
    double *gap_at = calloc(cap, sizeof(double));
    if (!gap_at) {
        die("out of memory");
    }
    for (int i = 0; i < cfg.n; i++) {
        struct session *s = &sessions[i];
        if (s->st == S_FAILED || s->t_play == 0) {
            failed++;
            if (s->st != S_FAILED) {
                note_failure("not playing at the end of the run");
            }
            continue;
        }
        established++;
        dropped += s->dropped;
        ended += s->ended;
        playlat[nplaylat++] = (double) (s->t_play - s->t_connect) / 1e6;
        if (s->t_tls) {
            tlslat[ntls++] = (double) (s->t_tls - s->t_connect) / 1e6;
        }
        if (s->t_tunnel) {
            tunlat[ntun++] = (double) (s->t_tunnel - s->t_connect) / 1e6;
        }
        if (s->t_first_rtp) {
            lat[nlat++] = (double) (s->t_first_rtp - s->t_connect) / 1e6;
        }
        int has_h264 = 0;
        for (int k = 0; k < s->ntracks; k++) {
            has_h264 |= s->tr[k].h264;
        }
        if (s->t_first_idr) {
            kf[nkf++] = (double) (s->t_first_idr - s->t_connect) / 1e6;
        } else if (has_h264 && !cfg.idle && !cfg.savp) {
            kf_missing++;
        }
        uint64_t wbytes = 0, sgaps = 0;
        int64_t first_gap = 0;
        for (int k = 0; k < s->ntracks; k++) {
            struct track *t = &s->tr[k];
            wbytes += t->win_bytes;
            sgaps += t->gaps;
            if (t->t_first_gap && (first_gap == 0 || t->t_first_gap < first_gap)) {
                first_gap = t->t_first_gap;
            }
            if (t->have_seq) {
                uint64_t exp = (uint64_t) t->cycles + t->max_seq - t->base_ext + 1;
                expected += exp;
                received += t->received;
                if (exp > t->received) {
                    lost += exp - t->received;
                }
            }
        }
        gap_events += sgaps;
        if (sgaps) {
            lossy++;
            gap_at[ngap++] = (double) (first_gap - s->t_play) / 1e6;
        }
        int64_t w0 = s->t_play + (int64_t) (cfg.warmup * 1e9);
        int64_t w1 = s->t_end ? s->t_end : t_end;
        double win = (double) (w1 - w0) / 1e9;
        if (win < 1.0 || cfg.idle) {
            continue;
        }
        double bps = (double) wbytes * 8.0 / win;
        rate[measured++] = bps;
        if (dump) {
            uint64_t slost = 0;
            for (int k = 0; k < s->ntracks; k++) {
                struct track *t = &s->tr[k];
                uint64_t exp = t->have_seq ? (uint64_t) t->cycles + t->max_seq - t->base_ext + 1 : 0;
                slost += exp > t->received ? exp - t->received : 0;
            }
            fprintf(dump, "%d,%.3f,%.3f,%.1f,%.1f,%.0f,%llu,%llu,%.0f,%.1f,%.1f\n", s->id, (double) (s->t_connect - t_start) / 1e9,
                    (double) (s->t_play - t_start) / 1e9,
                    s->t_first_rtp ? (double) (s->t_first_rtp - s->t_connect) / 1e6 : -1.0,
                    s->t_first_idr ? (double) (s->t_first_idr - s->t_connect) / 1e6 : -1.0, bps,
                    (unsigned long long) slost, (unsigned long long) sgaps,
                    first_gap ? (double) (first_gap - s->t_play) / 1e6 : -1.0,
                    (double) (s->t_play - s->t_connect) / 1e6, s->t_tls ? (double) (s->t_tls - s->t_connect) / 1e6 : -1.0);
        }
        if (cfg.source_bps > 0 && bps >= 0.9 * cfg.source_bps) {
            good++;
        }
        struct track *v = &s->tr[0];
        if (v->have_win_ts && v->clock) {
            rt[nrt++] = (double) (uint32_t) (v->last_ts - v->win_first_ts) / v->clock / win;
        }
    }
    qsort(rate, (size_t) measured, sizeof(double), cmp_double);
    qsort(rt, (size_t) nrt, sizeof(double), cmp_double);
    qsort(lat, (size_t) nlat, sizeof(double), cmp_double);
    qsort(kf, (size_t) nkf, sizeof(double), cmp_double);
    qsort(gap_at, (size_t) ngap, sizeof(double), cmp_double);
    qsort(playlat, (size_t) nplaylat, sizeof(double), cmp_double);
    qsort(tlslat, (size_t) ntls, sizeof(double), cmp_double);
    qsort(tunlat, (size_t) ntun, sizeof(double), cmp_double);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double cpu = (double) ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
    double wall = (double) (t_end - t_start) / 1e9;
    double src = cfg.source_bps > 0 ? cfg.source_bps : 1;
    printf("transport=%s\nprofile=%s\ntls=%d\nauth=%s\n", cfg.udp ? "udp" : "tcp", cfg.savp ? "RTP/SAVP" : "RTP/AVP",
            cfg.tls, cfg.user[0] ? "digest" : "none");
    printf("requested=%d\nestablished=%d\nfailed=%d\ndropped=%d\nended=%d\n", cfg.n, established, failed, dropped, ended);
    printf("measured=%d\nsource_bps=%.0f\n", measured, cfg.source_bps);
    printf("ge90_pct=%.2f\n", measured ? 100.0 * good / measured : 0.0);
    printf("rate_min=%.0f\nrate_p1=%.0f\nrate_p10=%.0f\nrate_p50=%.0f\nrate_p90=%.0f\nrate_max=%.0f\n",
            pct(rate, measured, 0), pct(rate, measured, 1), pct(rate, measured, 10), pct(rate, measured, 50),
            pct(rate, measured, 90), pct(rate, measured, 100));
    printf("rate_p50_ratio=%.3f\nrate_p1_ratio=%.3f\n", pct(rate, measured, 50) / src, pct(rate, measured, 1) / src);
    printf("realtime_p1=%.3f\nrealtime_p50=%.3f\n", pct(rt, nrt, 1), pct(rt, nrt, 50));
    printf("packets_expected=%llu\npackets_received=%llu\npackets_lost=%llu\n", (unsigned long long) expected,
            (unsigned long long) received, (unsigned long long) lost);
    printf("loss_pct=%.4f\n", expected ? 100.0 * (double) lost / (double) expected : 0.0);
    printf("sessions_with_loss=%d\nloss_events=%llu\nfirst_gap_after_play_ms_min=%.0f\nfirst_gap_after_play_ms_p50=%.0f\n"
            "first_gap_after_play_ms_max=%.0f\n", lossy, (unsigned long long) gap_events, pct(gap_at, ngap, 0),
            pct(gap_at, ngap, 50), pct(gap_at, ngap, 100));
    printf("setup_p50_ms=%.1f\nsetup_p99_ms=%.1f\nsetup_max_ms=%.1f\n", pct(lat, nlat, 50), pct(lat, nlat, 99),
            pct(lat, nlat, 100));
    printf("idr_p50_ms=%.1f\nidr_p99_ms=%.1f\nidr_missing=%d\n", pct(kf, nkf, 50), pct(kf, nkf, 99), kf_missing);
    /* connect -> PLAY answered (-S: SETUP answered), Digest round trips and TLS handshake included */
    printf("play_p50_ms=%.1f\nplay_p99_ms=%.1f\nplay_max_ms=%.1f\n", pct(playlat, nplaylat, 50),
            pct(playlat, nplaylat, 99), pct(playlat, nplaylat, 100));
    if (cfg.tls) {
        printf("tls_p50_ms=%.1f\ntls_p99_ms=%.1f\ntls_version=%s\ntls_cipher=%s\n", pct(tlslat, ntls, 50),
                pct(tlslat, ntls, 99), tls_version[0] ? tls_version : "none", tls_cipher[0] ? tls_cipher : "none");
    }
    printf("auth_challenges=%llu\ncredentials_refused=%llu\n", (unsigned long long) auth_challenges,
            (unsigned long long) credentials_refused);
    if (cfg.tunnel) {
        /* GET connect -> GET answered, POST connected (and TLS) and its head sent */
        printf("tunnel=http\ntunnel_p50_ms=%.1f\ntunnel_p99_ms=%.1f\ntunnel_post_closed=%llu\n", pct(tunlat, ntun, 50),
                pct(tunlat, ntun, 99), (unsigned long long) tunnel_post_closed);
    }
    /* when every established reader was playing, for steady-state server measurements */
    int64_t last_play = 0, first_end = 0;
    for (int i = 0; i < cfg.n; i++) {
        struct session *s = &sessions[i];
        if (s->t_play) {
            last_play = s->t_play > last_play ? s->t_play : last_play;
            int64_t e = s->t_end ? s->t_end : t_end;
            first_end = (first_end == 0 || e < first_end) ? e : first_end;
        }
    }
    double *plays = calloc(cap, sizeof(double));
    int nplays = 0;
    for (int i = 0; plays && i < cfg.n; i++) {
        if (sessions[i].t_play) {
            plays[nplays++] = (double) (sessions[i].t_play - t_start) / 1e9;
        }
    }
    if (plays) {
        qsort(plays, (size_t) nplays, sizeof(double), cmp_double);
    }
    printf("all_playing_at_s=%.2f\nplaying95_at_s=%.2f\nfirst_end_at_s=%.2f\n",
            last_play ? (double) (last_play - t_start) / 1e9 : 0.0, plays ? pct(plays, nplays, 95) : 0.0,
            first_end ? (double) (first_end - t_start) / 1e9 : 0.0);
    free(plays);
    printf("client_cpu_s=%.2f\nclient_wall_s=%.2f\nclient_cpu_pct=%.1f\n", cpu, wall, wall > 0 ? 100.0 * cpu / wall : 0);
    printf("junk_bytes=%llu\nrtsp_errors=%llu\nudp_truncated=%llu\n", (unsigned long long) junk_bytes,
            (unsigned long long) rtsp_errors, (unsigned long long) udp_truncated);
    for (int i = 0; i < nfail_reasons; i++) {
        printf("failure=%d %s\n", fail_reason_count[i], fail_reason[i]);
    }
    if (dump) {
        fclose(dump);
    }
    free(rate);
    free(rt);
    free(lat);
    free(kf);
    free(gap_at);
    free(playlat);
    free(tlslat);
    free(tunlat);
}

/* ---------- main ---------- */

static void usage(void) {
    fprintf(stderr,
            "usage: rtspload -u URL [-n SESSIONS] [-t tcp|udp] [-r SESSIONS_PER_S] [-d SECONDS]\n"
            "                [-b SOURCE_BIT_PER_S] [-w WARMUP_S] [-o PER_SESSION.csv] [-l] [-S] [-v]\n"
            "                [-s] [-a USER:PASSWORD] [-P avp|savp] [-H]\n"
            "  -d: run until all sessions started + this many seconds, or until every stream ended\n"
            "  -l: live stream: PLAY without a Range header\n"
            "  -S: idle sessions: stop after SETUP (no PLAY) and hold them until the run ends\n"
            "  -b: the file's bitrate; readers at >= 90 %% of it count as real time\n"
            "  -w: seconds after PLAY not counted in a reader's bitrate (default 3)\n"
            "  -s: RTSPS: TLS on the control connection (implied by an rtsps:// URL; certificates not verified)\n"
            "  -a: answer a 401 with Digest MD5 (qop=auth) as USER:PASSWORD\n"
            "  -P: savp: SETUP RTP/SAVP (SRTP, counted, not decrypted); avp (default): RTP/AVP\n"
            "  -H: RTSP over HTTP (tunnelling: a GET reads, a POST carries base64 requests); implies -t tcp;\n"
            "      with -s both connections are TLS\n");
    exit(2);
}

static void on_signal(int sig) {
    (void) sig;
    interrupted = 1;
}

int main(int argc, char **argv) {
    int opt;
    const char *credentials = NULL;
    while ((opt = getopt(argc, argv, "u:n:t:r:d:b:w:o:vlSsa:P:H")) != -1) {
        switch (opt) {
        case 'u': snprintf(cfg.url, sizeof cfg.url, "%s", optarg); break;
        case 'n': cfg.n = atoi(optarg); break;
        case 't': cfg.udp = strcmp(optarg, "udp") == 0; if (!cfg.udp && strcmp(optarg, "tcp")) usage(); break;
        case 'r': cfg.ramp = atof(optarg); break;
        case 'd': cfg.duration = atof(optarg); break;
        case 'b': cfg.source_bps = atof(optarg); break;
        case 'w': cfg.warmup = atof(optarg); break;
        case 'o': cfg.per_session = optarg; break;
        case 'v': cfg.verbose = 1; break;
        case 'l': cfg.live = 1; break;
        case 'S': cfg.idle = 1; break;
        case 's': cfg.tls = 1; break;
        case 'H': cfg.tunnel = 1; break;
        case 'a': credentials = optarg; break;
        case 'P':
            if (strcmp(optarg, "savp") == 0) {
                cfg.savp = 1;
            } else if (strcmp(optarg, "avp") != 0) {
                usage();
            }
            break;
        default: usage();
        }
    }
    if (!cfg.url[0] || cfg.n < 1 || cfg.n > MAX_SESSIONS || cfg.ramp <= 0 || cfg.duration <= 0
            || cfg.duration > MAX_DURATION || cfg.warmup < 0) {
        usage();
    }
    if (cfg.tunnel && cfg.udp) {
        die("-H carries the media interleaved in the tunnel: -t udp does not go with it");
    }
    const char *hp;
    if (strncmp(cfg.url, "rtsp://", 7) == 0) {
        hp = cfg.url + 7;
    } else if (strncmp(cfg.url, "rtsps://", 8) == 0) {
        hp = cfg.url + 8;
        cfg.tls = 1;
    } else {
        die("URL must start with rtsp:// or rtsps://");
    }
    if (credentials) {
        const char *colon = strchr(credentials, ':');
        if (!colon || colon == credentials || (size_t) (colon - credentials) >= sizeof cfg.user
                || strlen(colon + 1) >= sizeof cfg.password || strpbrk(credentials, "\"\\\r\n")) {
            die("-a wants USER:PASSWORD (no quotes, backslashes or line breaks; at most 127 bytes each)");
        }
        snprintf(cfg.user, sizeof cfg.user, "%.*s", (int) (colon - credentials), credentials);
        snprintf(cfg.password, sizeof cfg.password, "%s", colon + 1);
        md5 = EVP_MD_fetch(NULL, "MD5", NULL);
        if (!md5) {
            die("OpenSSL has no MD5 (a FIPS-only configuration?)");
        }
    }
    if (cfg.tls) {
        ssl_ctx = SSL_CTX_new(TLS_client_method());
        if (!ssl_ctx) {
            die("SSL_CTX_new failed");
        }
        SSL_CTX_set_min_proto_version(ssl_ctx, TLS1_2_VERSION);
        SSL_CTX_set_verify(ssl_ctx, SSL_VERIFY_NONE, NULL); /* self-signed development certificates */
        /* a server that closes without close_notify ends the stream, it is no TLS error */
        SSL_CTX_set_options(ssl_ctx, SSL_OP_IGNORE_UNEXPECTED_EOF);
        /* a full handshake for every session, as many new clients would make */
        SSL_CTX_set_session_cache_mode(ssl_ctx, SSL_SESS_CACHE_OFF);
    }
    size_t hl = strcspn(hp, ":/");
    if (hl == 0 || hl >= sizeof cfg.host) {
        die("bad host in URL");
    }
    memcpy(cfg.host, hp, hl);
    cfg.host[hl] = '\0';
    if (hp[hl] == ':') {
        size_t pl = strcspn(hp + hl + 1, "/");
        if (pl == 0 || pl >= sizeof cfg.port) {
            die("bad port in URL");
        }
        memcpy(cfg.port, hp + hl + 1, pl);
        cfg.port[pl] = '\0';
    } else {
        strcpy(cfg.port, cfg.url[4] == 's' ? "322" : "554");
    }
    /* -H: the path of the GET and POST request lines; the RTSP requests inside keep the URL */
    const char *path = hp + hl + strcspn(hp + hl, "/");
    snprintf(cfg.path, sizeof cfg.path, "%s", *path ? path : "/");
    if (strpbrk(cfg.path, " \r\n")) {
        die("bad path in URL");
    }

    /* 1 control socket (-H: 2) + 2 UDP sockets per track per session, and some spare */
    rlim_t need = (rlim_t) cfg.n * (1 + cfg.tunnel + (cfg.udp ? 2 * MAX_TRACKS : 0)) + 64;
    struct rlimit rl;
    getrlimit(RLIMIT_NOFILE, &rl);
    if (rl.rlim_cur < need) {
        rl.rlim_cur = need < rl.rlim_max ? need : rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    signal(SIGPIPE, SIG_IGN);
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);

    sessions = calloc((size_t) cfg.n, sizeof *sessions);
    if (!sessions) {
        die("out of memory");
    }
    for (int i = 0; i < cfg.n; i++) {
        struct session *s = &sessions[i];
        s->id = i;
        s->fd = -1;
        s->pfd = -1;
        snprintf(s->base, sizeof s->base, "%s", cfg.url);
        for (int k = 0; k < MAX_TRACKS; k++) {
            s->tr[k].rtp_fd = s->tr[k].rtcp_fd = -1;
        }
    }
    epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0) {
        die("epoll_create1: %s", strerror(errno));
    }

    int64_t t_start = mono_ns();
    now_ns = t_start;
    int started = 0;
    int64_t all_started_at = 0, stop_at = 0, drain_until = 0;
    int64_t hard_stop = t_start + (int64_t) ((cfg.n / cfg.ramp + cfg.duration + 30) * 1e9);
    int64_t last_housekeeping = 0;
    struct epoll_event evs[512];
    int tearing_down = 0;
    int ready_printed = 0;

    for (;;) {
        now_ns = mono_ns();
        if (interrupted && !stop_at) {
            stop_at = now_ns;
        }
        /* ramp */
        int target = (int) ((double) (now_ns - t_start) / 1e9 * cfg.ramp) + 1;
        if (target > cfg.n) {
            target = cfg.n;
        }
        while (started < target && !stop_at) {
            start_session(&sessions[started++]);
        }
        if (started == cfg.n && !all_started_at) {
            all_started_at = now_ns;
        }
        /* housekeeping, ten times a second */
        if (now_ns - last_housekeeping > 100000000LL) {
            last_housekeeping = now_ns;
            int pending = 0, live = 0;
            for (int i = 0; i < started; i++) {
                struct session *s = &sessions[i];
                if (s->st >= S_CONNECTING && s->st < S_PLAYING) {
                    pending++;
                    if (now_ns - s->t_connect > SETUP_TIMEOUT_NS) {
                        fail(s, "setup timed out");
                    }
                } else if ((s->st == S_PLAYING || s->st == S_HELD) && !tearing_down) {
                    if (!s->ended) {
                        live++;
                    }
                    if (now_ns >= s->t_keepalive) {
                        s->t_keepalive = now_ns + KEEPALIVE_NS;
                        send_request(s, "GET_PARAMETER", s->aggregate, NULL);
                    }
                }
            }
            if (!ready_printed && all_started_at && pending == 0) {
                ready_printed = 1;
                printf("ready_at_s=%.2f\nready_sessions=%d\n", (double) (now_ns - t_start) / 1e9, live);
                fflush(stdout);
            }
            if (!stop_at && all_started_at) {
                if (now_ns >= all_started_at + (int64_t) (cfg.duration * 1e9)) {
                    stop_at = now_ns;
                } else if (pending == 0 && live == 0) {
                    stop_at = now_ns; /* every stream ended (or failed) */
                }
            }
            if (!stop_at && now_ns >= hard_stop) {
                stop_at = now_ns;
            }
        }
        if (stop_at && !tearing_down) {
            tearing_down = 1;
            for (int i = 0; i < started; i++) {
                struct session *s = &sessions[i];
                if (s->st == S_PLAYING || s->st == S_HELD) {
                    if (!s->t_end) {
                        s->t_end = stop_at;
                    }
                    send_request(s, "TEARDOWN", s->aggregate, NULL);
                    s->st = S_CLOSED;
                } else if (s->st != S_FAILED && s->st != S_CLOSED) {
                    fail(s, "not playing at the end of the run");
                }
            }
            drain_until = now_ns + DRAIN_NS;
        }
        if (tearing_down && (now_ns >= drain_until || interrupted > 1)) {
            break;
        }
        int n = epoll_wait(epfd, evs, 512, 5);
        if (n < 0 && errno != EINTR) {
            die("epoll_wait: %s", strerror(errno));
        }
        now_ns = mono_ns();
        for (int i = 0; i < n; i++) {
            uint64_t key = evs[i].data.u64;
            struct session *s = &sessions[key >> 8];
            int ti = (int) ((key >> 2) & 0x3f);
            enum kind k = (enum kind) (key & 3);
            if (s->st == S_FAILED) {
                continue;
            }
            if (k == K_CTRL) {
                if (s->fd >= 0) {
                    on_ctrl_event(s, evs[i].events);
                }
            } else if (k == K_POST) {
                if (s->pfd >= 0) {
                    on_post_event(s, evs[i].events);
                }
            } else {
                on_udp_readable(s, ti, k);
            }
        }
    }
    for (int i = 0; i < cfg.n; i++) {
        close_fds(&sessions[i]);
    }
    summary(t_start, stop_at ? stop_at : now_ns);
    return 0;
}
