// The kernel's floor for live fan-out over TCP on this machine: a sender that does nothing
// but send() each frame to N loopback TCP readers (one write per reader and frame, as
// Tributary and gst-rtsp-server do), with the readers draining in another process (one thread,
// one epoll, 64 KiB reads, as the load client does). It prints the sender's CPU in the same
// unit as bench-live.sh: CPU-seconds per reader-minute. No server can go below it here:
// whatever a server does besides the system calls comes on top.
//
//   gcc -O2 -o target/tcp-floor loadclient/tcp-floor.c && target/tcp-floor [-n 500] [-b 4000000] [-f 30] [-d 15] [-w 3]
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_READERS 5000

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static double cpu_seconds(void) {
    struct rusage r;
    getrusage(RUSAGE_SELF, &r);
    return r.ru_utime.tv_sec + r.ru_utime.tv_usec / 1e6 + r.ru_stime.tv_sec + r.ru_stime.tv_usec / 1e6;
}

static void drain(struct sockaddr_in *at, int n) {
    int ep = epoll_create1(0);
    static char buf[65536];
    struct epoll_event ev[64];
    for (int i = 0; i < n; i++) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (connect(fd, (struct sockaddr *) at, sizeof *at) != 0) { perror("connect"); _exit(1); }
        fcntl(fd, F_SETFL, O_NONBLOCK);
        struct epoll_event e = {.events = EPOLLIN, .data.fd = fd};
        epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e);
    }
    for (;;) {
        int k = epoll_wait(ep, ev, 64, 10000);
        if (k <= 0) _exit(0);
        for (int i = 0; i < k; i++) {
            ssize_t r = read(ev[i].data.fd, buf, sizeof buf);
            if (r == 0) _exit(0);
        }
    }
}

int main(int argc, char **argv) {
    int n = 500, fps = 30, seconds = 15, warmup = 3;
    long bitrate = 4000000;
    for (int o; (o = getopt(argc, argv, "n:b:f:d:w:")) != -1;) {
        switch (o) {
            case 'n': n = atoi(optarg); break;
            case 'b': bitrate = atol(optarg); break;
            case 'f': fps = atoi(optarg); break;
            case 'd': seconds = atoi(optarg); break;
            case 'w': warmup = atoi(optarg); break;
            default: fprintf(stderr, "usage: %s [-n readers] [-b bit/s] [-f fps] [-d seconds] [-w warm-up s]\n", argv[0]); return 2;
        }
    }
    if (n < 1 || n > MAX_READERS || fps < 1 || fps > 120 || seconds < 1 || seconds > 600 || warmup < 0 || warmup > 60
            || bitrate < 8000 || bitrate > 1000000000) {
        fprintf(stderr, "out of range\n");
        return 2;
    }
    int one = 1;
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in at = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof at;
    if (bind(ls, (struct sockaddr *) &at, sizeof at) != 0 || listen(ls, 4096) != 0) { perror("listen"); return 1; }
    getsockname(ls, (struct sockaddr *) &at, &len);
    pid_t reader = fork();
    if (reader == 0) drain(&at, n);
    static int fds[MAX_READERS];
    for (int i = 0; i < n; i++) {
        fds[i] = accept(ls, NULL, NULL);
        setsockopt(fds[i], IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        fcntl(fds[i], F_SETFL, O_NONBLOCK);
    }
    // fps - 1 frames and a keyframe of 4 frames' size a second: the source's bytes a second
    int frame = (int) (bitrate / 8 / (fps + 3));
    char *data = malloc(frame * 4);
    memset(data, 0x5a, frame * 4);
    long sends = 0, short_sends = 0;
    double start = now(), cpu0 = 0, t0 = 0;
    for (long f = 0;; f++) {
        double due = start + (double) f / fps;
        if (f == (long) warmup * fps) { cpu0 = cpu_seconds(); t0 = now(); sends = 0; }
        if (f == (long) (warmup + seconds) * fps) break;
        while (now() < due) usleep(500);
        // a keyframe once a second, 4 times a frame's size, as a 1 s GOP roughly is
        int size = f % fps == 0 ? frame * 4 : frame;
        for (int i = 0; i < n; i++) {
            ssize_t s = send(fds[i], data, size, MSG_NOSIGNAL);
            sends++;
            if (s != size) short_sends++;
        }
    }
    double cpu = cpu_seconds() - cpu0, wall = now() - t0;
    printf("readers=%d frame_bytes=%d fps=%d window_s=%.1f sends=%ld short_sends=%ld\n", n, frame, fps, wall, sends, short_sends);
    printf("sender_cpu_pct=%.1f us_per_send=%.2f cpu_s_per_reader_min=%.4f\n", 100 * cpu / wall, 1e6 * cpu / sends,
           cpu / wall * 60 / n);
    for (int i = 0; i < n; i++) close(fds[i]);
    kill(reader, SIGTERM);
    waitpid(reader, NULL, 0);
    return 0;
}
