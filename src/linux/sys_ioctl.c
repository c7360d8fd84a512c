/*
 * ioctl: one table, keyed by the guest (ARM EABI) request number, of every
 * request whose argument layout has been checked against the ARM UAPI
 * headers. Each entry says how the argument travels:
 *
 *   NONE / VALUE    no argument, or a plain integer passed as it is
 *   IN / OUT / INOUT a guest buffer of a fixed size whose layout is the
 *                   same on ARM and on both hosts: checked, then handed to
 *                   the host kernel in place
 *   SPECIAL         a handler converts (ifreq/ifconf, dedupe ranges, ...)
 *
 * The host request may differ from the guest's where the number encodes a
 * C type whose size differs (BLKGETSIZE64's size_t, FS_IOC_*FLAGS' long):
 * the kernel's compat layer maps them the same way.
 *
 * Anything else is refused with ENOTTY (what Linux answers for a request
 * a file does not know) and reported once under --strace/--debug: an
 * unverified request is never passed through, its argument could hold
 * guest pointers or a differently sized structure.
 */
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/fs.h>

#include "linux/syscall.h"
#include "linux/sys_ioctl.h"
#include "mem/guest_mem.h"

enum ioctl_arg { IOARG_NONE, IOARG_VALUE, IOARG_IN, IOARG_OUT, IOARG_INOUT, IOARG_SPECIAL };

typedef long ioctl_handler(int fd, unsigned long host_request, uint32_t arg);

struct ioctl_desc {
    uint32_t guest_request;
    unsigned long host_request;
    const char *name;
    enum ioctl_arg kind;
    uint32_t size;              /* IN/OUT/INOUT: bytes at the guest pointer */
    ioctl_handler *handler;     /* SPECIAL */
};

/* Requests whose number is the same on ARM and both hosts
 * (asm-generic/ioctls.h on all three): checked against the host's. */
_Static_assert(TCGETS == GUEST_TCGETS && TCSETS == GUEST_TCSETS &&
               TCSETSW == GUEST_TCSETSW && TCSETSF == GUEST_TCSETSF &&
               TIOCGWINSZ == GUEST_TIOCGWINSZ && TIOCSWINSZ == GUEST_TIOCSWINSZ &&
               FIONREAD == GUEST_FIONREAD && TIOCGPGRP == 0x540f &&
               TIOCSPGRP == 0x5410 && TIOCOUTQ == 0x5411 && TIOCSCTTY == 0x540e &&
               TIOCNOTTY == 0x5422 && TIOCGSID == 0x5429 && TCFLSH == 0x540b &&
               TCXONC == 0x540a && TCSBRK == 0x5409 && TCSBRKP == 0x5425 &&
               FIONBIO == 0x5421 && FIOCLEX == 0x5451 && FIONCLEX == 0x5450 &&
               FIOASYNC == 0x5452 && TIOCGPTN == 0x80045430 &&
               TIOCSPTLCK == 0x40045431 && TIOCGPTLCK == 0x80045439 &&
               TIOCEXCL == 0x540c && TIOCNXCL == 0x540d && TIOCGETD == 0x5424 &&
               TIOCSETD == 0x5423 && TIOCMGET == 0x5415 && TIOCMSET == 0x5418 &&
               TIOCINQ == FIONREAD && TIOCSTI == 0x5412,
               "host tty ioctl numbers differ from asm-generic/ioctls.h");
_Static_assert(SIOCGIFCONF == 0x8912 && SIOCGIFNAME == 0x8910 &&
               SIOCGIFINDEX == 0x8933 && SIOCGIFFLAGS == 0x8913 &&
               SIOCGIFADDR == 0x8915 && SIOCGIFNETMASK == 0x891b &&
               SIOCGIFMTU == 0x8921 && SIOCGIFHWADDR == 0x8927 &&
               SIOCGIFBRDADDR == 0x8919 && SIOCGIFDSTADDR == 0x8917 &&
               SIOCATMARK == 0x8905,
               "host socket ioctl numbers differ from linux/sockios.h");
_Static_assert(BLKSSZGET == 0x1268 && FICLONE == 0x40049409 &&
               FICLONERANGE == 0x4020940d && FIDEDUPERANGE == 0xc0189436 &&
               sizeof(struct file_clone_range) == 32 &&
               sizeof(struct file_dedupe_range) == 24 &&
               sizeof(struct file_dedupe_range_info) == 32,
               "host file ioctl layouts differ from linux/fs.h");

/* ARM numbers that encode a 4-byte C type (size_t, long). */
#define GUEST_BLKGETSIZE64      0x80041272u     /* _IOR(0x12, 114, size_t) */
#define GUEST_FS_IOC_GETFLAGS   0x80046601u     /* _IOR('f', 1, long) */
#define GUEST_FS_IOC_SETFLAGS   0x40046602u     /* _IOW('f', 2, long) */
#define GUEST_FS_IOC_GETVERSION 0x80047601u     /* _IOR('v', 1, long) */
#define GUEST_TCGETS2           0x802c542au     /* struct termios2: 44 bytes */
#define GUEST_TCSETS2           0x402c542bu
#define GUEST_TCSETSW2          0x402c542cu
#define GUEST_TCSETSF2          0x402c542du
#define GUEST_TERMIOS2_SIZE     44u

/* struct ifreq: 16-byte name and a union whose largest ARM member
 * (struct ifmap, 4-byte longs) is 16 bytes; 64-bit hosts have 24. Only
 * requests whose union member is a sockaddr or an int are translated, so
 * the first 16 bytes of the union carry everything. */
static void ifreq_to_host(struct ifreq *host, const struct guest_ifreq *g)
{
    memset(host, 0, sizeof *host);
    memcpy(host->ifr_name, g->name, sizeof g->name);
    memcpy(&host->ifr_ifru, g->data, sizeof g->data);
}

static void ifreq_from_host(struct guest_ifreq *g, const struct ifreq *host)
{
    memcpy(g->name, host->ifr_name, sizeof g->name);
    memcpy(g->data, &host->ifr_ifru, sizeof g->data);
}

static long ioctl_ifreq(int fd, unsigned long host_request, uint32_t arg)
{
    struct guest_ifreq g;
    if (!guest_access_ok(arg, sizeof g, GUEST_PROT_READ | GUEST_PROT_WRITE))
        return -EFAULT;
    guest_copy_from(&g, arg, sizeof g);
    struct ifreq host;
    ifreq_to_host(&host, &g);
    if (ioctl(fd, host_request, &host) < 0)
        return -errno;
    ifreq_from_host(&g, &host);
    return guest_copy_to(arg, &g, sizeof g);
}

/* SIOCGIFCONF: ifc_len counts bytes of 32-byte guest ifreqs, in and out;
 * a NULL buffer asks for the length needed. */
static long ioctl_ifconf(int fd, unsigned long host_request, uint32_t arg)
{
    struct guest_ifconf g;
    if (guest_copy_from(&g, arg, sizeof g) < 0)
        return -EFAULT;
    if (!guest_access_ok(arg, sizeof g, GUEST_PROT_WRITE))
        return -EFAULT;
    struct ifconf host = { 0 };
    uint32_t count = 0;
    if (g.buf) {
        if (g.len < 0)
            return -EINVAL;
        count = (uint32_t)g.len / sizeof(struct guest_ifreq);
        if (count > 4096)
            count = 4096;
        if (!guest_access_ok(g.buf, count * (uint32_t)sizeof(struct guest_ifreq),
                             GUEST_PROT_WRITE))
            return -EFAULT;
        host.ifc_len = (int)(count * sizeof(struct ifreq));
        host.ifc_req = calloc(count ? count : 1, sizeof(struct ifreq));
        if (!host.ifc_req)
            return -ENOMEM;
    }
    long r = ioctl(fd, host_request, &host) < 0 ? -errno : 0;
    if (r == 0) {
        uint32_t got = (uint32_t)host.ifc_len / sizeof(struct ifreq);
        if (g.buf) {
            for (uint32_t i = 0; i < got && i < count; i++) {
                struct guest_ifreq out;
                ifreq_from_host(&out, &host.ifc_req[i]);
                guest_copy_to(g.buf + i * (uint32_t)sizeof out, &out, sizeof out);
            }
        }
        g.len = (int32_t)(got * sizeof(struct guest_ifreq));
        r = guest_copy_to(arg, &g, sizeof g);
    }
    free(host.ifc_req);
    return r;
}

/* FIDEDUPERANGE: a fixed 24-byte header and dest_count 32-byte records,
 * all fixed-width fields: checked as a whole, then passed in place. */
static long ioctl_dedupe(int fd, unsigned long host_request, uint32_t arg)
{
    struct file_dedupe_range head;
    if (guest_copy_from(&head, arg, sizeof head) < 0)
        return -EFAULT;
    uint32_t size = (uint32_t)sizeof head +
                    (uint32_t)head.dest_count * (uint32_t)sizeof(struct file_dedupe_range_info);
    if (!guest_access_ok(arg, size, GUEST_PROT_READ | GUEST_PROT_WRITE))
        return -EFAULT;
    return host_result(ioctl(fd, host_request, guest_to_host(arg)));
}

#define SAME(req, name, kind, size) { req, req, name, kind, size, NULL }

static const struct ioctl_desc ioctl_table[] = {
    /* terminals: struct termios (36 bytes) and termios2 (44), winsize,
     * pid_t and int arguments: identical layouts everywhere */
    SAME(GUEST_TCGETS, "TCGETS", IOARG_OUT, GUEST_TERMIOS_SIZE),
    SAME(GUEST_TCSETS, "TCSETS", IOARG_IN, GUEST_TERMIOS_SIZE),
    SAME(GUEST_TCSETSW, "TCSETSW", IOARG_IN, GUEST_TERMIOS_SIZE),
    SAME(GUEST_TCSETSF, "TCSETSF", IOARG_IN, GUEST_TERMIOS_SIZE),
    SAME(GUEST_TCGETS2, "TCGETS2", IOARG_OUT, GUEST_TERMIOS2_SIZE),
    SAME(GUEST_TCSETS2, "TCSETS2", IOARG_IN, GUEST_TERMIOS2_SIZE),
    SAME(GUEST_TCSETSW2, "TCSETSW2", IOARG_IN, GUEST_TERMIOS2_SIZE),
    SAME(GUEST_TCSETSF2, "TCSETSF2", IOARG_IN, GUEST_TERMIOS2_SIZE),
    SAME(GUEST_TIOCGWINSZ, "TIOCGWINSZ", IOARG_OUT, GUEST_WINSIZE_SIZE),
    SAME(GUEST_TIOCSWINSZ, "TIOCSWINSZ", IOARG_IN, GUEST_WINSIZE_SIZE),
    SAME(0x540f, "TIOCGPGRP", IOARG_OUT, 4),
    SAME(0x5410, "TIOCSPGRP", IOARG_IN, 4),
    SAME(0x5429, "TIOCGSID", IOARG_OUT, 4),
    SAME(0x540e, "TIOCSCTTY", IOARG_VALUE, 0),
    SAME(0x5422, "TIOCNOTTY", IOARG_NONE, 0),
    SAME(0x540c, "TIOCEXCL", IOARG_NONE, 0),
    SAME(0x540d, "TIOCNXCL", IOARG_NONE, 0),
    SAME(0x5424, "TIOCGETD", IOARG_OUT, 4),
    SAME(0x5423, "TIOCSETD", IOARG_IN, 4),
    SAME(0x5415, "TIOCMGET", IOARG_OUT, 4),
    SAME(0x5418, "TIOCMSET", IOARG_IN, 4),
    SAME(0x5412, "TIOCSTI", IOARG_IN, 1),
    SAME(0x80045430, "TIOCGPTN", IOARG_OUT, 4),
    SAME(0x40045431, "TIOCSPTLCK", IOARG_IN, 4),
    SAME(0x80045439, "TIOCGPTLCK", IOARG_OUT, 4),
    SAME(0x5411, "TIOCOUTQ", IOARG_OUT, 4),
    SAME(0x540b, "TCFLSH", IOARG_VALUE, 0),
    SAME(0x540a, "TCXONC", IOARG_VALUE, 0),
    SAME(0x5409, "TCSBRK", IOARG_VALUE, 0),
    SAME(0x5425, "TCSBRKP", IOARG_VALUE, 0),
    /* generic file descriptor requests */
    SAME(GUEST_FIONREAD, "FIONREAD", IOARG_OUT, 4),
    SAME(0x5421, "FIONBIO", IOARG_IN, 4),
    SAME(0x5452, "FIOASYNC", IOARG_IN, 4),
    SAME(0x5451, "FIOCLEX", IOARG_NONE, 0),
    SAME(0x5450, "FIONCLEX", IOARG_NONE, 0),
    /* sockets: 32-byte ARM struct ifreq, 8-byte struct ifconf */
    SAME(0x8905, "SIOCATMARK", IOARG_OUT, 4),
    { 0x8912, SIOCGIFCONF, "SIOCGIFCONF", IOARG_SPECIAL, 0, ioctl_ifconf },
    { 0x8910, SIOCGIFNAME, "SIOCGIFNAME", IOARG_SPECIAL, 0, ioctl_ifreq },
    { 0x8933, SIOCGIFINDEX, "SIOCGIFINDEX", IOARG_SPECIAL, 0, ioctl_ifreq },
    { 0x8913, SIOCGIFFLAGS, "SIOCGIFFLAGS", IOARG_SPECIAL, 0, ioctl_ifreq },
    { 0x8915, SIOCGIFADDR, "SIOCGIFADDR", IOARG_SPECIAL, 0, ioctl_ifreq },
    { 0x8917, SIOCGIFDSTADDR, "SIOCGIFDSTADDR", IOARG_SPECIAL, 0, ioctl_ifreq },
    { 0x8919, SIOCGIFBRDADDR, "SIOCGIFBRDADDR", IOARG_SPECIAL, 0, ioctl_ifreq },
    { 0x891b, SIOCGIFNETMASK, "SIOCGIFNETMASK", IOARG_SPECIAL, 0, ioctl_ifreq },
    { 0x8921, SIOCGIFMTU, "SIOCGIFMTU", IOARG_SPECIAL, 0, ioctl_ifreq },
    { 0x8927, SIOCGIFHWADDR, "SIOCGIFHWADDR", IOARG_SPECIAL, 0, ioctl_ifreq },
    /* block devices and file systems */
    { GUEST_BLKGETSIZE64, BLKGETSIZE64, "BLKGETSIZE64", IOARG_OUT, 8, NULL },
    SAME(0x1268, "BLKSSZGET", IOARG_OUT, 4),
    { GUEST_FS_IOC_GETFLAGS, FS_IOC_GETFLAGS, "FS_IOC_GETFLAGS", IOARG_OUT, 4, NULL },
    { GUEST_FS_IOC_SETFLAGS, FS_IOC_SETFLAGS, "FS_IOC_SETFLAGS", IOARG_IN, 4, NULL },
    { GUEST_FS_IOC_GETVERSION, FS_IOC_GETVERSION, "FS_IOC_GETVERSION", IOARG_OUT, 4, NULL },
    SAME(0x40049409, "FICLONE", IOARG_VALUE, 0),
    SAME(0x4020940d, "FICLONERANGE", IOARG_IN, 32),
    { 0xc0189436, FIDEDUPERANGE, "FIDEDUPERANGE", IOARG_SPECIAL, 0, ioctl_dedupe },
};

static const struct ioctl_desc *ioctl_lookup(uint32_t request)
{
    for (size_t i = 0; i < sizeof ioctl_table / sizeof ioctl_table[0]; i++)
        if (ioctl_table[i].guest_request == request)
            return &ioctl_table[i];
    return NULL;
}

const char *linux_ioctl_name(uint32_t request)
{
    const struct ioctl_desc *d = ioctl_lookup(request);
    return d ? d->name : NULL;
}

long sys_ioctl(struct guest_thread *thread, const uint32_t *arg)
{
    int fd = (int)arg[0];
    uint32_t request = arg[1], a = arg[2];
    const struct ioctl_desc *d = ioctl_lookup(request);
    if (!d) {
        if (fcntl(fd, F_GETFD) < 0)
            return -EBADF;      /* Linux looks at the descriptor first */
        linux_report_once("ioctl", request,
                          "unsupported ioctl 0x%x (type 0x%02x nr %u size %u) on fd %d: ENOTTY",
                          request, (request >> 8) & 0xffu, request & 0xffu,
                          (request >> 16) & 0x3fffu, fd);
        return -ENOTTY;
    }
    switch (d->kind) {
    case IOARG_NONE:
        return host_result(ioctl(fd, d->host_request, 0UL));
    case IOARG_VALUE:
        return host_result(ioctl(fd, d->host_request, (unsigned long)a));
    case IOARG_IN:
    case IOARG_OUT:
    case IOARG_INOUT: {
        int prot = d->kind == IOARG_IN ? GUEST_PROT_READ :
                   d->kind == IOARG_OUT ? GUEST_PROT_WRITE : GUEST_PROT_READ | GUEST_PROT_WRITE;
        if (!guest_access_ok(a, d->size, prot))
            return -EFAULT;
        return host_result(ioctl(fd, d->host_request, guest_to_host(a)));
    }
    case IOARG_SPECIAL:
        return d->handler(fd, d->host_request, a);
    }
    return -ENOTTY;
}
