/*
 * Sockets (ARM EABI has direct socket system calls, no socketcall).
 *
 * Addresses (struct sockaddr_*), socklen_t, MSG_* and SOCK_* flags and the
 * SOL_SOCKET option numbers are identical on ARM and both hosts, so those
 * pass through after pointer checks. What differs is converted here:
 * struct msghdr/mmsghdr/iovec (32-bit pointers and lengths), control
 * messages (cmsghdr has a 32-bit length and 4-byte alignment on ARM, a
 * 64-bit length and 8-byte alignment on the hosts), and the socket
 * timeouts of the old form (32-bit struct timeval). Socket options are
 * passed only when their value layout is known; others are refused with
 * ENOPROTOOPT and reported once.
 */
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>

#include "linux/safe_syscall.h"
#include "linux/syscall.h"
#include "mem/guest_mem.h"

_Static_assert(SOCK_NONBLOCK == O_NONBLOCK && SOCK_CLOEXEC == O_CLOEXEC &&
               (uint32_t)O_NONBLOCK == GUEST_O_NONBLOCK && (uint32_t)O_CLOEXEC == GUEST_O_CLOEXEC,
               "socket type flags are the ARM open flags");
_Static_assert(SOL_SOCKET == GUEST_SOL_SOCKET && SCM_RIGHTS == GUEST_SCM_RIGHTS &&
               SCM_CREDENTIALS == GUEST_SCM_CREDENTIALS && SO_RCVTIMEO_NEW == GUEST_SO_RCVTIMEO_NEW &&
               SO_SNDTIMEO_NEW == GUEST_SO_SNDTIMEO_NEW && MSG_CTRUNC == 8 && MSG_WAITFORONE == 0x10000,
               "socket constants are asm-generic on every host");

#define SOCKADDR_MAX 128u           /* sizeof(struct sockaddr_storage) */

/* A guest (addr, len) socket address for input: checked readable. */
static long sockaddr_in(uint32_t addr, uint32_t len, const void **out)
{
    *out = NULL;
    if ((int32_t)len < 0)
        return -EINVAL;
    if (!addr)
        return 0;
    if (!guest_access_ok(addr, len, GUEST_PROT_READ))
        return -EFAULT;
    *out = guest_to_host(addr);
    return 0;
}

/* Output address with a guest socklen_t *len: the host writes at most
 * *len bytes and stores the full length, as the kernel does. */
static long sockaddr_out(uint32_t addr, uint32_t len_addr, void **out, socklen_t **len_out)
{
    *out = NULL;
    *len_out = NULL;
    if (!addr)
        return 0;
    int32_t len;
    if (guest_copy_from(&len, len_addr, 4) < 0)
        return -EFAULT;
    if (len < 0)
        return -EINVAL;
    if (!guest_access_ok(len_addr, 4, GUEST_PROT_WRITE) ||
        !guest_access_ok(addr, (uint32_t)len, GUEST_PROT_WRITE))
        return -EFAULT;
    *out = guest_to_host(addr);
    *len_out = guest_to_host(len_addr);
    return 0;
}

long sys_socket(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(socket((int)arg[0], (int)arg[1], (int)arg[2]));
}

long sys_socketpair(struct guest_thread *thread, const uint32_t *arg)
{
    int sv[2];
    if (!guest_access_ok(arg[3], sizeof sv, GUEST_PROT_WRITE))
        return -EFAULT;
    if (socketpair((int)arg[0], (int)arg[1], (int)arg[2], sv) < 0)
        return -errno;
    return guest_copy_to(arg[3], sv, sizeof sv);
}

long sys_bind(struct guest_thread *thread, const uint32_t *arg)
{
    const void *a;
    long r = sockaddr_in(arg[1], arg[2], &a);
    return r < 0 ? r : host_result(bind((int)arg[0], a, (socklen_t)arg[2]));
}

long sys_connect(struct guest_thread *thread, const uint32_t *arg)
{
    const void *a;
    long r = sockaddr_in(arg[1], arg[2], &a);
    return r < 0 ? r : safe_syscall(SYS_connect, (int)arg[0], a, (socklen_t)arg[2]);
}

long sys_listen(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(listen((int)arg[0], (int)arg[1]));
}

long sys_accept4(struct guest_thread *thread, const uint32_t *arg)
{
    if (arg[3] & ~(GUEST_O_NONBLOCK | GUEST_O_CLOEXEC))
        return -EINVAL;
    void *a;
    socklen_t *len;
    long r = sockaddr_out(arg[1], arg[2], &a, &len);
    return r < 0 ? r : safe_syscall(SYS_accept4, (int)arg[0], a, len, (int)arg[3]);
}

long sys_accept(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t with_flags[4] = { arg[0], arg[1], arg[2], 0 };
    return sys_accept4(thread, with_flags);
}

long sys_getsockname(struct guest_thread *thread, const uint32_t *arg)
{
    void *a;
    socklen_t *len;
    long r = sockaddr_out(arg[1], arg[2], &a, &len);
    if (r == 0 && !a)
        return -EFAULT;
    return r < 0 ? r : host_result(getsockname((int)arg[0], a, len));
}

long sys_getpeername(struct guest_thread *thread, const uint32_t *arg)
{
    void *a;
    socklen_t *len;
    long r = sockaddr_out(arg[1], arg[2], &a, &len);
    if (r == 0 && !a)
        return -EFAULT;
    return r < 0 ? r : host_result(getpeername((int)arg[0], a, len));
}

/* Transfer length the guest buffer allows (the kernel caps at INT_MAX). */
static long data_buffer(uint32_t buf, uint32_t len, int prot, size_t *usable)
{
    if (len > 0x7ffff000u)
        len = 0x7ffff000u;
    *usable = guest_access_prefix(buf, len, prot);
    return len && !*usable ? -EFAULT : 0;
}

long sys_sendto(struct guest_thread *thread, const uint32_t *arg)
{
    size_t len;
    long r = data_buffer(arg[1], arg[2], GUEST_PROT_READ, &len);
    const void *a;
    if (r == 0)
        r = sockaddr_in(arg[4], arg[5], &a);
    if (r < 0)
        return r;
    return safe_syscall(SYS_sendto, (int)arg[0], guest_to_host(arg[1]), len, (int)arg[3], a,
                        (socklen_t)arg[5]);
}

long sys_send(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t full[6] = { arg[0], arg[1], arg[2], arg[3], 0, 0 };
    return sys_sendto(thread, full);
}

long sys_recvfrom(struct guest_thread *thread, const uint32_t *arg)
{
    size_t len;
    long r = data_buffer(arg[1], arg[2], GUEST_PROT_WRITE, &len);
    void *a;
    socklen_t *alen;
    if (r == 0)
        r = sockaddr_out(arg[4], arg[5], &a, &alen);
    if (r < 0)
        return r;
    return safe_syscall(SYS_recvfrom, (int)arg[0], guest_to_host(arg[1]), len, (int)arg[3], a, alen);
}

long sys_recv(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t full[6] = { arg[0], arg[1], arg[2], arg[3], 0, 0 };
    return sys_recvfrom(thread, full);
}

long sys_shutdown(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(shutdown((int)arg[0], (int)arg[1]));
}

/* --- socket options ------------------------------------------------------ */

/* Options whose value is an int, a byte string or a struct with the same
 * layout everywhere (linger, ucred, ip_mreq(n), in6 requests, tcp_info). */
static bool option_passes_through(int level, int name)
{
    switch (level) {
    case SOL_SOCKET:
        switch (name) {
        case SO_DEBUG: case SO_REUSEADDR: case SO_TYPE: case SO_ERROR: case SO_DONTROUTE:
        case SO_BROADCAST: case SO_SNDBUF: case SO_RCVBUF: case SO_KEEPALIVE:
        case SO_OOBINLINE: case SO_NO_CHECK: case SO_PRIORITY: case SO_LINGER:
        case SO_REUSEPORT: case SO_PASSCRED: case SO_PEERCRED: case SO_RCVLOWAT:
        case SO_SNDLOWAT: case SO_BINDTODEVICE: case SO_ACCEPTCONN: case SO_SNDBUFFORCE:
        case SO_RCVBUFFORCE: case SO_MARK: case SO_PROTOCOL: case SO_DOMAIN:
        case SO_RXQ_OVFL: case SO_BUSY_POLL: case SO_INCOMING_CPU: case SO_ZEROCOPY:
        /* timestamps: int values; the control messages they produce are
         * converted by control_to_guest */
        case SO_TIMESTAMP_OLD: case SO_TIMESTAMPNS_OLD: case SO_TIMESTAMPING_OLD:
        case SO_TIMESTAMP_NEW: case SO_TIMESTAMPNS_NEW: case SO_TIMESTAMPING_NEW:
            return true;
        }
        return false;
    case IPPROTO_TCP:
        switch (name) {
        case TCP_NODELAY: case TCP_MAXSEG: case TCP_CORK: case TCP_KEEPIDLE:
        case TCP_KEEPINTVL: case TCP_KEEPCNT: case TCP_SYNCNT: case TCP_LINGER2:
        case TCP_DEFER_ACCEPT: case TCP_WINDOW_CLAMP: case TCP_INFO: case TCP_QUICKACK:
        case TCP_CONGESTION: case TCP_USER_TIMEOUT: case TCP_FASTOPEN: case TCP_NOTSENT_LOWAT:
            return true;
        }
        return false;
    case IPPROTO_IP:
        switch (name) {
        case IP_TOS: case IP_TTL: case IP_HDRINCL: case IP_OPTIONS: case IP_PKTINFO:
        case IP_RECVTTL: case IP_RECVTOS: case IP_MTU_DISCOVER: case IP_RECVERR:
        case IP_MTU: case IP_FREEBIND: case IP_TRANSPARENT: case IP_BIND_ADDRESS_NO_PORT:
        case IP_MULTICAST_IF: case IP_MULTICAST_TTL: case IP_MULTICAST_LOOP:
        case IP_ADD_MEMBERSHIP: case IP_DROP_MEMBERSHIP:
            return true;
        }
        return false;
    case IPPROTO_IPV6:
        switch (name) {
        case IPV6_V6ONLY: case IPV6_UNICAST_HOPS: case IPV6_MULTICAST_IF:
        case IPV6_MULTICAST_HOPS: case IPV6_MULTICAST_LOOP: case IPV6_JOIN_GROUP:
        case IPV6_LEAVE_GROUP: case IPV6_RECVPKTINFO: case IPV6_TCLASS: case IPV6_RECVERR:
        case IPV6_MTU_DISCOVER: case IPV6_MTU:
        /* ints, or struct in6_pktinfo (16-byte address + int): the same
         * layout for every task size; their control messages pass through
         * control_to_guest unchanged apart from the header */
        case IPV6_PKTINFO: case IPV6_RECVHOPLIMIT: case IPV6_HOPLIMIT: case IPV6_RECVTCLASS:
        case IPV6_UNICAST_IF: case IPV6_DONTFRAG: case IPV6_RECVPATHMTU: case IPV6_CHECKSUM:
        case IPV6_RECVRTHDR: case IPV6_RECVDSTOPTS: case IPV6_RECVHOPOPTS:
        case IPV6_FREEBIND: case IPV6_TRANSPARENT: case IPV6_RECVORIGDSTADDR:
            return true;
        }
        return false;
    case IPPROTO_UDP:
        return name == UDP_CORK || name == UDP_SEGMENT || name == UDP_GRO;
    }
    return false;
}

static long refuse_option(int level, int name)
{
    linux_report_once("sockopt", (uint32_t)level << 16 | ((uint32_t)name & 0xffff),
                      "socket option level %d name %d not supported (ENOPROTOOPT)",
                      level, name);
    return -ENOPROTOOPT;
}

static bool is_timeout_option(int level, int name, bool *old_form, int *host_name)
{
    if (level != SOL_SOCKET)
        return false;
    *old_form = name == GUEST_SO_RCVTIMEO_OLD || name == GUEST_SO_SNDTIMEO_OLD;
    bool rcv = name == GUEST_SO_RCVTIMEO_OLD || name == GUEST_SO_RCVTIMEO_NEW;
    /* The host's plain SO_RCVTIMEO/SO_SNDTIMEO take a 64-bit struct
     * timeval on both hosts (the _NEW numbers are missing from older
     * kernels and from qemu-user). */
    *host_name = rcv ? SO_RCVTIMEO : SO_SNDTIMEO;
    return *old_form || name == GUEST_SO_RCVTIMEO_NEW || name == GUEST_SO_SNDTIMEO_NEW;
}

long sys_setsockopt(struct guest_thread *thread, const uint32_t *arg)
{
    int fd = (int)arg[0], level = (int)arg[1], name = (int)arg[2];
    uint32_t val = arg[3], len = arg[4];
    if ((int32_t)len < 0)
        return -EINVAL;
    bool old_form;
    int host_name;
    if (is_timeout_option(level, name, &old_form, &host_name)) {
        struct guest_sock_timeval64 tv;
        if (old_form) {
            struct guest_timeval32 g;
            if (len < sizeof g)
                return -EINVAL;
            if (guest_copy_from(&g, val, sizeof g) < 0)
                return -EFAULT;
            tv.tv_sec = g.tv_sec;
            tv.tv_usec = g.tv_usec;
        } else {
            if (len < sizeof tv)
                return -EINVAL;
            if (guest_copy_from(&tv, val, sizeof tv) < 0)
                return -EFAULT;
        }
        struct timeval host_tv = { (time_t)tv.tv_sec, (suseconds_t)tv.tv_usec };
        return host_result(setsockopt(fd, SOL_SOCKET, host_name, &host_tv, sizeof host_tv));
    }
    if (!option_passes_through(level, name))
        return refuse_option(level, name);
    if (len && !guest_access_ok(val, len, GUEST_PROT_READ))
        return -EFAULT;
    return host_result(setsockopt(fd, level, name, len ? guest_to_host(val) : NULL, len));
}

long sys_getsockopt(struct guest_thread *thread, const uint32_t *arg)
{
    int fd = (int)arg[0], level = (int)arg[1], name = (int)arg[2];
    uint32_t val = arg[3], len_addr = arg[4];
    int32_t len;
    if (guest_copy_from(&len, len_addr, 4) < 0)
        return -EFAULT;
    if (len < 0)
        return -EINVAL;
    if (!guest_access_ok(len_addr, 4, GUEST_PROT_WRITE))
        return -EFAULT;
    bool old_form;
    int host_name;
    if (is_timeout_option(level, name, &old_form, &host_name)) {
        struct timeval host_tv;
        socklen_t host_len = sizeof host_tv;
        if (getsockopt(fd, SOL_SOCKET, host_name, &host_tv, &host_len) < 0)
            return -errno;
        struct guest_sock_timeval64 tv = { host_tv.tv_sec, host_tv.tv_usec };
        /* As the kernel: a short buffer gets the first len bytes. */
        struct guest_timeval32 g = { (int32_t)tv.tv_sec, (int32_t)tv.tv_usec };
        const void *src = old_form ? (const void *)&g : (const void *)&tv;
        int32_t size = old_form ? (int32_t)sizeof g : (int32_t)sizeof tv;
        if (len > size)
            len = size;
        if (guest_copy_to(val, src, (size_t)len) < 0)
            return -EFAULT;
        return guest_copy_to(len_addr, &len, 4);
    }
    if (!option_passes_through(level, name))
        return refuse_option(level, name);
    if (len && !guest_access_ok(val, (uint32_t)len, GUEST_PROT_WRITE))
        return -EFAULT;
    socklen_t host_len = (socklen_t)len;
    if (getsockopt(fd, level, name, len ? guest_to_host(val) : NULL, &host_len) < 0)
        return -errno;
    len = (int32_t)host_len;
    return guest_copy_to(len_addr, &len, 4);
}

/* --- sendmsg / recvmsg ---------------------------------------------------- */

/* One message being transferred: the host header with its iovecs and
 * control buffer, and where the guest wants the results. */
struct host_msg {
    struct msghdr hdr;
    struct iovec *iov;
    void *control;
    uint32_t guest_hdr;             /* guest struct msghdr address */
    struct guest_msghdr g;
};

static void host_msg_free(struct host_msg *m)
{
    free(m->iov);
    free(m->control);
    m->iov = NULL;
    m->control = NULL;
}

#define HOST_CMSG_MAX (64u * 1024)

/* Guest control messages -> host (sendmsg). Payloads of SCM_RIGHTS,
 * SCM_CREDENTIALS and the IP/IPv6/UDP levels have the same layout
 * everywhere; other SOL_SOCKET types are refused. */
static long control_to_host(struct host_msg *m)
{
    uint32_t len = m->g.msg_controllen;
    if (!len || !m->g.msg_control)
        return 0;
    if (len > HOST_CMSG_MAX)
        return -ENOBUFS;
    uint8_t *guest = malloc(len);
    size_t cap = (size_t)len * 2 + 64;
    uint8_t *host = calloc(1, cap);
    long r = 0;
    if (!guest || !host) {
        r = -ENOMEM;
        goto out;
    }
    if (guest_copy_from(guest, m->g.msg_control, len) < 0) {
        r = -EFAULT;
        goto out;
    }
    size_t used = 0;
    for (uint32_t at = 0; at + sizeof(struct guest_cmsghdr) <= len;) {
        struct guest_cmsghdr c;
        memcpy(&c, guest + at, sizeof c);
        if (c.cmsg_len < sizeof c || c.cmsg_len > len - at) {
            r = -EINVAL;
            goto out;
        }
        if (c.cmsg_level == SOL_SOCKET && c.cmsg_type != SCM_RIGHTS &&
            c.cmsg_type != SCM_CREDENTIALS) {
            linux_report_once("cmsg", (uint32_t)c.cmsg_type,
                              "sendmsg control message SOL_SOCKET/%d not supported (EINVAL)",
                              c.cmsg_type);
            r = -EINVAL;
            goto out;
        }
        size_t payload = c.cmsg_len - sizeof c;
        struct cmsghdr *h = (struct cmsghdr *)(host + used);
        h->cmsg_len = CMSG_LEN(payload);
        h->cmsg_level = c.cmsg_level;
        h->cmsg_type = c.cmsg_type;
        memcpy(CMSG_DATA(h), guest + at + sizeof c, payload);
        used += CMSG_SPACE(payload);
        at += GUEST_CMSG_ALIGN(c.cmsg_len);
    }
    m->control = host;
    host = NULL;
    m->hdr.msg_control = m->control;
    m->hdr.msg_controllen = used;
out:
    free(guest);
    free(host);
    return r;
}

/* Host control messages -> guest (recvmsg): stores what fits in the
 * guest buffer; SCM_RIGHTS descriptors that do not fit are closed and
 * MSG_CTRUNC set, as the kernel does. Old-form timestamps shrink to
 * 32-bit timeval/timespec. Returns the guest control length used. */
static uint32_t control_to_guest(struct host_msg *m, int *flags)
{
    uint32_t cap = m->g.msg_control ? m->g.msg_controllen : 0, used = 0;
    uint8_t *out = cap ? guest_to_host(m->g.msg_control) : NULL;
    if (!m->hdr.msg_control)
        return 0;
    for (struct cmsghdr *h = CMSG_FIRSTHDR(&m->hdr); h; h = CMSG_NXTHDR(&m->hdr, h)) {
        const uint8_t *data = CMSG_DATA(h);
        size_t payload = h->cmsg_len - CMSG_LEN(0);
        /* Old-form timestamps: one timeval/timespec, or three timespecs
         * for SO_TIMESTAMPING, each shrunk from 2 x 64 to 2 x 32 bits. */
        uint8_t converted[24];
        bool old_stamp = h->cmsg_level == SOL_SOCKET &&
            (((h->cmsg_type == GUEST_SO_TIMESTAMP_OLD || h->cmsg_type == GUEST_SO_TIMESTAMPNS_OLD) &&
              payload == 16) || (h->cmsg_type == SO_TIMESTAMPING_OLD && payload == 48));
        if (old_stamp) {
            for (size_t i = 0; i < payload / 16; i++) {
                int64_t t[2];
                memcpy(t, data + 16 * i, 16);
                int32_t small[2] = { (int32_t)t[0], (int32_t)t[1] };
                memcpy(converted + 8 * i, small, 8);
            }
            data = converted;
            payload /= 2;
        }
        uint32_t space = cap - used;
        uint32_t need = (uint32_t)(sizeof(struct guest_cmsghdr) + payload);
        uint32_t fit = need <= space ? (uint32_t)payload :
                       space > sizeof(struct guest_cmsghdr) ? space - (uint32_t)sizeof(struct guest_cmsghdr) : 0;
        if (h->cmsg_level == SOL_SOCKET && h->cmsg_type == SCM_RIGHTS) {
            fit &= ~3u;
            for (size_t i = fit; i + 4 <= payload; i += 4) {
                int fd;
                memcpy(&fd, data + i, 4);
                close(fd);
            }
        }
        if (fit < payload)
            *flags |= MSG_CTRUNC;
        if (space < sizeof(struct guest_cmsghdr) || (fit == 0 && payload))
            continue;
        struct guest_cmsghdr c = { (uint32_t)sizeof c + fit, h->cmsg_level, h->cmsg_type };
        memcpy(out + used, &c, sizeof c);
        memcpy(out + used + sizeof c, data, fit);
        used += GUEST_CMSG_ALIGN(c.cmsg_len);
        if (used > cap)
            used = cap;
    }
    return used;
}

/* Reads and converts the guest msghdr at addr for a send (prot READ on
 * the data) or a receive (WRITE). */
static long host_msg_prepare(struct host_msg *m, uint32_t addr, bool receiving)
{
    memset(m, 0, sizeof *m);
    m->guest_hdr = addr;
    if (guest_copy_from(&m->g, addr, sizeof m->g) < 0)
        return -EFAULT;
    if (m->g.msg_iovlen > GUEST_IOV_MAX)
        return -EMSGSIZE;
    if (m->g.msg_name) {
        if ((int32_t)m->g.msg_namelen < 0)
            return -EINVAL;
        uint32_t namelen = m->g.msg_namelen;
        if (!receiving && namelen > SOCKADDR_MAX)
            return -EINVAL;
        if (receiving && namelen > SOCKADDR_MAX)
            namelen = SOCKADDR_MAX;
        if (!guest_access_ok(m->g.msg_name, namelen, receiving ? GUEST_PROT_WRITE : GUEST_PROT_READ))
            return -EFAULT;
        m->hdr.msg_name = guest_to_host(m->g.msg_name);
        m->hdr.msg_namelen = namelen;
    }
    m->iov = calloc(m->g.msg_iovlen ? m->g.msg_iovlen : 1, sizeof *m->iov);
    if (!m->iov)
        return -ENOMEM;
    long n = iovec_from_guest(m->iov, m->g.msg_iov, m->g.msg_iovlen,
                              receiving ? GUEST_PROT_WRITE : GUEST_PROT_READ);
    if (n < 0)
        return n;
    m->hdr.msg_iov = m->iov;
    m->hdr.msg_iovlen = (size_t)n;
    if (!receiving)
        return control_to_host(m);
    if (m->g.msg_control && m->g.msg_controllen) {
        if (m->g.msg_controllen > HOST_CMSG_MAX)
            m->g.msg_controllen = HOST_CMSG_MAX;
        if (!guest_access_ok(m->g.msg_control, m->g.msg_controllen, GUEST_PROT_WRITE))
            return -EFAULT;
        size_t cap = (size_t)m->g.msg_controllen * 2 + 64;
        m->control = calloc(1, cap);
        if (!m->control)
            return -ENOMEM;
        m->hdr.msg_control = m->control;
        m->hdr.msg_controllen = cap;
    }
    return 0;
}

/* After a receive: name length, control messages and flags back into the
 * guest msghdr (msg_namelen, msg_controllen, msg_flags). */
static long host_msg_finish_recv(struct host_msg *m)
{
    int flags = m->hdr.msg_flags;
    uint32_t controllen = control_to_guest(m, &flags);
    m->g.msg_namelen = m->g.msg_name ? (uint32_t)m->hdr.msg_namelen : 0;
    m->g.msg_controllen = controllen;
    m->g.msg_flags = flags;
    return guest_copy_to(m->guest_hdr, &m->g, sizeof m->g);
}

long sys_sendmsg(struct guest_thread *thread, const uint32_t *arg)
{
    struct host_msg m;
    long r = host_msg_prepare(&m, arg[1], false);
    if (r == 0)
        r = safe_syscall(SYS_sendmsg, (int)arg[0], &m.hdr, (int)arg[2]);
    host_msg_free(&m);
    return r;
}

long sys_recvmsg(struct guest_thread *thread, const uint32_t *arg)
{
    struct host_msg m;
    long r = host_msg_prepare(&m, arg[1], true);
    if (r == 0) {
        r = safe_syscall(SYS_recvmsg, (int)arg[0], &m.hdr, (int)arg[2]);
        if (r >= 0 && host_msg_finish_recv(&m) < 0)
            r = -EFAULT;
    }
    host_msg_free(&m);
    return r;
}

#define MMSG_MAX 1024u      /* UIO_MAXIOV, the kernel's vlen cap */

static long do_mmsg(const uint32_t *arg, bool receiving, struct timespec *timeout)
{
    uint32_t vlen = arg[2] < MMSG_MAX ? arg[2] : MMSG_MAX;
    if (!vlen)
        return 0;
    struct host_msg *m = calloc(vlen, sizeof *m);
    struct mmsghdr *h = calloc(vlen, sizeof *h);
    long r = 0;
    uint32_t prepared = 0;
    if (!m || !h) {
        r = -ENOMEM;
        goto out;
    }
    for (; prepared < vlen; prepared++) {
        r = host_msg_prepare(&m[prepared], arg[1] + prepared * (uint32_t)sizeof(struct guest_mmsghdr),
                             receiving);
        if (r < 0) {
            host_msg_free(&m[prepared]);
            goto out;
        }
        h[prepared].msg_hdr = m[prepared].hdr;
    }
    /* the host updates *timeout with the time left */
    r = receiving ? safe_syscall(SYS_recvmmsg, (int)arg[0], h, vlen, (int)arg[3], timeout)
                  : safe_syscall(SYS_sendmmsg, (int)arg[0], h, vlen, (int)arg[3]);
    if (r < 0)
        goto out;
    for (long i = 0; i < r; i++) {
        uint32_t at = arg[1] + (uint32_t)i * (uint32_t)sizeof(struct guest_mmsghdr);
        uint32_t len = h[i].msg_len;
        if (receiving) {
            m[i].hdr = h[i].msg_hdr;
            host_msg_finish_recv(&m[i]);
        }
        guest_copy_to(at + offsetof(struct guest_mmsghdr, msg_len), &len, 4);
    }
out:
    if (m)
        for (uint32_t i = 0; i < prepared; i++)
            host_msg_free(&m[i]);
    free(m);
    free(h);
    return r;
}

long sys_sendmmsg(struct guest_thread *thread, const uint32_t *arg)
{
    return do_mmsg(arg, false, NULL);
}

static long do_recvmmsg(const uint32_t *arg, bool time64)
{
    if (!arg[4])
        return do_mmsg(arg, true, NULL);
    struct timespec ts;
    long r;
    if (time64) {
        struct guest_timespec64 g;
        r = guest_copy_from(&g, arg[4], sizeof g) < 0 ? -EFAULT : guest_timespec64_to_host(&ts, &g);
    } else {
        struct guest_timespec32 g;
        r = guest_copy_from(&g, arg[4], sizeof g) < 0 ? -EFAULT : guest_timespec32_to_host(&ts, &g);
    }
    if (r < 0)
        return r;
    r = do_mmsg(arg, true, &ts);
    /* As the kernel: the time left is stored back when datagrams arrived. */
    if (r > 0) {
        long w;
        if (time64) {
            struct guest_timespec64 g;
            guest_timespec64_from_host(&g, &ts);
            w = guest_copy_to(arg[4], &g, sizeof g);
        } else {
            struct guest_timespec32 g;
            guest_timespec32_from_host(&g, &ts);
            w = guest_copy_to(arg[4], &g, sizeof g);
        }
        if (w < 0)
            r = -EFAULT;
    }
    return r;
}

long sys_recvmmsg(struct guest_thread *thread, const uint32_t *arg)
{
    return do_recvmmsg(arg, false);
}

long sys_recvmmsg_time64(struct guest_thread *thread, const uint32_t *arg)
{
    return do_recvmmsg(arg, true);
}
