/*
 * IPv6 ancillary data: IPV6_RECVHOPLIMIT and IPV6_RECVTCLASS on a UDP
 * loopback socket, the control messages read with recvmsg (32-bit cmsghdr
 * layout). Compared with qemu-arm; prints "no ipv6" where the host has no
 * IPv6 loopback. Regression: a32run refused these options (ENOPROTOOPT).
 */
// variants: arm-O2 thumb-O2
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
int main(void) {
    int a = socket(AF_INET6, SOCK_DGRAM, 0), b = socket(AF_INET6, SOCK_DGRAM, 0), one = 1;
    struct sockaddr_in6 sa = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT };
    if (bind(a, (void *)&sa, sizeof sa) < 0) { printf("no ipv6\n"); return 0; }
    socklen_t l = sizeof sa; getsockname(a, (void *)&sa, &l);
    printf("setsockopt RECVHOPLIMIT %d RECVTCLASS %d\n", setsockopt(a, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, &one, sizeof one), setsockopt(a, IPPROTO_IPV6, IPV6_RECVTCLASS, &one, sizeof one));
    sendto(b, "hi", 2, 0, (void *)&sa, sizeof sa);
    char buf[8], ctl[128]; struct iovec iov = { buf, sizeof buf };
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl, .msg_controllen = sizeof ctl };
    int n = recvmsg(a, &m, 0);
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c))
        printf("cmsg level %d type %d len %u value %d\n", c->cmsg_level, c->cmsg_type, (unsigned)c->cmsg_len, *(int *)CMSG_DATA(c));
    printf("n=%d flags=%x\n", n, m.msg_flags);
    return 0;
}
