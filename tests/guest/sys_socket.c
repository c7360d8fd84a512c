/*
 * Sockets: socketpair, AF_UNIX stream/datagram and AF_INET loopback TCP
 * and UDP (bind to port 0, getsockname, connect, accept4, getpeername),
 * send/recv/sendto/recvfrom, shutdown, socket options (ints, SO_LINGER,
 * SO_RCVTIMEO in the old 32-bit and the _NEW 64-bit forms, an unknown
 * option), sendmsg/recvmsg with iovecs and control messages (SCM_RIGHTS
 * passing two descriptors, SCM_CREDENTIALS, MSG_CTRUNC), sendmmsg and
 * recvmmsg, SO_TIMESTAMP control messages. Prints no ports, pids or addresses.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/un.h>

static void test_pair_and_options(void)
{
    int sv[2];
    printf("socketpair: %d\n", socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv));
    printf("cloexec: %d\n", (fcntl(sv[0], F_GETFD) & FD_CLOEXEC) != 0);
    printf("send: %d\n", (int)send(sv[0], "hello", 5, 0));
    char buf[64] = { 0 };
    printf("recv: %d %s\n", (int)recv(sv[1], buf, sizeof buf, 0), buf);
    int v = -1;
    socklen_t len = sizeof v;
    printf("SO_TYPE: %d v=%d len=%d\n", getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &v, &len), v, (int)len);
    v = 65536;
    printf("SO_SNDBUF set: %d\n", setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &v, sizeof v));
    struct linger lg = { 1, 5 };
    printf("SO_LINGER set: %d\n", setsockopt(sv[0], SOL_SOCKET, SO_LINGER, &lg, sizeof lg));
    memset(&lg, 0, sizeof lg);
    len = sizeof lg;
    printf("SO_LINGER get: %d onoff=%d linger=%d len=%d\n",
           getsockopt(sv[0], SOL_SOCKET, SO_LINGER, &lg, &len), lg.l_onoff, lg.l_linger, (int)len);
    /* old form: 32-bit timeval, option 20 */
    struct { int32_t s, us; } tv32 = { 2, 500000 }, out32 = { 0, 0 };
    printf("SO_RCVTIMEO_OLD set: %d\n", setsockopt(sv[1], SOL_SOCKET, 20, &tv32, sizeof tv32));
    len = sizeof out32;
    printf("SO_RCVTIMEO_OLD get: %d %d.%06d len=%d\n", getsockopt(sv[1], SOL_SOCKET, 20, &out32, &len),
           out32.s, out32.us, (int)len);
    /* (getsockopt of the _NEW form is not printed: qemu-arm 7.2 returns 4 bytes) */
    struct { int64_t s, us; } tv64;
    tv64.s = 0;
    tv64.us = 20000;
    printf("SO_RCVTIMEO_NEW set: %d\n", setsockopt(sv[1], SOL_SOCKET, 66, &tv64, sizeof tv64));
    errno = 0;
    printf("recv timeout: %d errno=%d\n", (int)recv(sv[1], buf, sizeof buf, 0), errno);
    len = 4;
    errno = 0;
    printf("SO_RCVTIMEO_OLD short: %d len=%d\n", getsockopt(sv[1], SOL_SOCKET, 20, &out32, &len), (int)len);
    printf("shutdown: %d\n", shutdown(sv[0], SHUT_WR));
    printf("recv after shutdown: %d\n", (int)recv(sv[1], buf, sizeof buf, 0));
    printf("bad buffer: %d errno=%d\n", (int)send(sv[1], (void *)8, 4, 0), errno);
    close(sv[0]);
    close(sv[1]);
}

static void test_inet(void)
{
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    printf("bind: %d\n", bind(ls, (struct sockaddr *)&a, sizeof a));
    printf("listen: %d\n", listen(ls, 4));
    socklen_t len = sizeof a;
    printf("getsockname: %d family=%d port nonzero=%d len=%d\n",
           getsockname(ls, (struct sockaddr *)&a, &len), a.sin_family, a.sin_port != 0, (int)len);
    int c = socket(AF_INET, SOCK_STREAM, 0);
    printf("connect: %d\n", connect(c, (struct sockaddr *)&a, sizeof a));
    struct sockaddr_in peer;
    len = sizeof peer;
    int s = accept4(ls, (struct sockaddr *)&peer, &len, SOCK_NONBLOCK);
    printf("accept4: ok=%d nonblock=%d peer loopback=%d\n", s >= 0, (fcntl(s, F_GETFL) & O_NONBLOCK) != 0,
           peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
    struct sockaddr_in p2;
    len = sizeof p2;
    getpeername(c, (struct sockaddr *)&p2, &len);
    printf("getpeername matches: %d\n", p2.sin_port == a.sin_port);
    printf("TCP_NODELAY: %d\n", setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one));
    write(c, "tcp-data", 8);
    char buf[32] = { 0 };
    usleep(10000);
    printf("read: %d %s\n", (int)read(s, buf, sizeof buf), buf);
    errno = 0;
    printf("read empty nonblock: %d errno=%d\n", (int)read(s, buf, sizeof buf), errno);
    printf("unknown option: %d errno=%d\n", setsockopt(c, SOL_SOCKET, 9999, &one, sizeof one), errno);
    close(c);
    close(s);
    close(ls);

    int u1 = socket(AF_INET, SOCK_DGRAM, 0), u2 = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in ua = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    bind(u2, (struct sockaddr *)&ua, sizeof ua);
    len = sizeof ua;
    getsockname(u2, (struct sockaddr *)&ua, &len);
    printf("sendto: %d\n", (int)sendto(u1, "dgram", 5, 0, (struct sockaddr *)&ua, sizeof ua));
    struct sockaddr_in from;
    len = sizeof from;
    memset(buf, 0, sizeof buf);
    printf("recvfrom: %d %s len=%d family=%d\n", (int)recvfrom(u2, buf, sizeof buf, 0, (struct sockaddr *)&from, &len),
           buf, (int)len, from.sin_family);
    /* sendmmsg / recvmmsg */
    struct iovec iov[3] = { { "one", 3 }, { "two!", 4 }, { "three", 5 } };
    struct mmsghdr mm[3];
    memset(mm, 0, sizeof mm);
    for (int i = 0; i < 3; i++) {
        mm[i].msg_hdr.msg_iov = &iov[i];
        mm[i].msg_hdr.msg_iovlen = 1;
    }
    connect(u1, (struct sockaddr *)&ua, sizeof ua);
    printf("sendmmsg: %d lens %u %u %u\n", sendmmsg(u1, mm, 3, 0), mm[0].msg_len, mm[1].msg_len, mm[2].msg_len);
    char rb[3][16];
    struct iovec riov[3];
    struct mmsghdr rm[3];
    memset(rm, 0, sizeof rm);
    memset(rb, 0, sizeof rb);
    for (int i = 0; i < 3; i++) {
        riov[i].iov_base = rb[i];
        riov[i].iov_len = sizeof rb[i];
        rm[i].msg_hdr.msg_iov = &riov[i];
        rm[i].msg_hdr.msg_iovlen = 1;
    }
    struct timespec ts = { 1, 0 };
    int n = recvmmsg(u2, rm, 3, MSG_WAITFORONE, &ts);
    printf("recvmmsg: %d", n);
    for (int i = 0; i < n; i++)
        printf(" [%s %u]", rb[i], rm[i].msg_len);
    printf("\n");
    close(u1);
    close(u2);
}

static void test_msgs(void)
{
    int sv[2];
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    int one = 1;
    printf("SO_PASSCRED: %d\n", setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof one));
    int p[2];
    pipe(p);
    write(p[1], "through-fd", 10);
    /* two fds in one SCM_RIGHTS plus credentials */
    union { char buf[CMSG_SPACE(2 * sizeof(int)) + CMSG_SPACE(sizeof(struct ucred))]; struct cmsghdr align; } u;
    memset(&u, 0, sizeof u);
    struct iovec iov[2] = { { "part1-", 6 }, { "part2", 5 } };
    struct msghdr msg = { .msg_iov = iov, .msg_iovlen = 2, .msg_control = u.buf, .msg_controllen = sizeof u.buf };
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(2 * sizeof(int));
    int fds[2] = { p[0], p[1] };
    memcpy(CMSG_DATA(c), fds, sizeof fds);
    c = CMSG_NXTHDR(&msg, c);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_CREDENTIALS;
    c->cmsg_len = CMSG_LEN(sizeof(struct ucred));
    struct ucred cred = { getpid(), getuid(), getgid() };
    memcpy(CMSG_DATA(c), &cred, sizeof cred);
    printf("sendmsg: %d\n", (int)sendmsg(sv[0], &msg, 0));

    char data[32] = { 0 };
    struct iovec riov = { data, sizeof data };
    union { char buf[256]; struct cmsghdr align; } r;
    memset(&r, 0, sizeof r);
    struct msghdr rmsg = { .msg_iov = &riov, .msg_iovlen = 1, .msg_control = r.buf, .msg_controllen = sizeof r.buf };
    printf("recvmsg: %d %s flags=0x%x\n", (int)recvmsg(sv[1], &rmsg, 0), data, rmsg.msg_flags);
    printf("controllen: %u\n", (unsigned)rmsg.msg_controllen);
    for (struct cmsghdr *h = CMSG_FIRSTHDR(&rmsg); h; h = CMSG_NXTHDR(&rmsg, h)) {
        printf("cmsg level=%d type=%d len=%u", h->cmsg_level, h->cmsg_type, (unsigned)h->cmsg_len);
        if (h->cmsg_type == SCM_RIGHTS) {
            int got[2];
            memcpy(got, CMSG_DATA(h), sizeof got);
            char b[16] = { 0 };
            read(got[0], b, sizeof b);
            printf(" fd0 reads '%s' fd1 writable=%d", b, write(got[1], "x", 1) == 1);
            close(got[0]);
            close(got[1]);
        } else if (h->cmsg_type == SCM_CREDENTIALS) {
            struct ucred rc;
            memcpy(&rc, CMSG_DATA(h), sizeof rc);
            printf(" pid ok=%d uid ok=%d", rc.pid == getpid(), rc.uid == getuid());
        }
        printf("\n");
    }
    /* control buffer too small for the fds: MSG_CTRUNC */
    sendmsg(sv[0], &msg, 0);
    union { char buf[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } small;
    rmsg.msg_control = small.buf;
    rmsg.msg_controllen = sizeof small.buf;
    memset(data, 0, sizeof data);
    int n = (int)recvmsg(sv[1], &rmsg, 0);
    printf("recvmsg small control: %d ctrunc=%d\n", n, (rmsg.msg_flags & MSG_CTRUNC) != 0);
    printf("recvmsg bad msghdr: %d errno=%d\n", (int)recvmsg(sv[1], (struct msghdr *)8, MSG_DONTWAIT), errno);
    close(sv[0]);
    close(sv[1]);
    close(p[0]);
    close(p[1]);
}

/* SO_TIMESTAMP (old form): the control message carries a 32-bit timeval. */
static void test_timestamp(void)
{
    int sv[2];
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    int one = 1;
    printf("SO_TIMESTAMP_OLD: %d\n", setsockopt(sv[1], SOL_SOCKET, 29, &one, sizeof one));
    send(sv[0], "x", 1, 0);
    char d[4];
    struct iovec iov = { d, sizeof d };
    union { char b[64]; struct cmsghdr a; } u;
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.b, .msg_controllen = sizeof u.b };
    printf("recvmsg: %d\n", (int)recvmsg(sv[1], &m, 0));
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    int32_t tv[2] = { 0, -1 };
    if (c)
        memcpy(tv, CMSG_DATA(c), 8);
    printf("timestamp cmsg: type=%d len=%u sane=%d\n", c ? c->cmsg_type : -1, c ? (unsigned)c->cmsg_len : 0,
           tv[0] > 1700000000 && tv[1] >= 0 && tv[1] < 1000000);
    close(sv[0]);
    close(sv[1]);
}

int main(void)
{
    test_pair_and_options();
    test_inet();
    test_msgs();
    test_timestamp();
    return 0;
}
