/*
 * Linux native AIO: io_setup, io_destroy, io_submit, io_cancel,
 * io_getevents and io_pgetevents (32-bit and time64 timeouts).
 *
 * Contexts: a guest aio_context_t is 4 bytes, the host's is a 64-bit
 * address of a ring mapped outside the guest space. Each context gets a
 * zero-filled read-only guest page whose address is the guest handle:
 * libaio reads the ring header at the handle to take a user-space fast
 * path, and finds no AIO_RING_MAGIC there, so it uses the system calls.
 *
 * Requests: iocb has fixed-width fields (same layout everywhere), but
 * aio_buf holds a guest address (and for PREADV/PWRITEV a guest iovec
 * array), so each submitted iocb is copied into a host node with a
 * translated buffer. The host kernel copies the iocb (and an iovec
 * array) at submission and keeps only its address as the event's obj;
 * the node stays allocated until its completion is reaped, so obj maps
 * back to the guest iocb address in io_getevents and io_cancel finds
 * the node again.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/uio.h>
#include <sys/syscall.h>
#include <linux/aio_abi.h>

#include "linux/safe_syscall.h"
#include "linux/syscall.h"
#include "mem/guest_mem.h"

_Static_assert(sizeof(struct iocb) == sizeof(struct guest_iocb) &&
               sizeof(struct io_event) == sizeof(struct guest_io_event) &&
               IOCB_CMD_PREAD == 0 && IOCB_CMD_PWRITE == 1 && IOCB_CMD_FSYNC == 2 &&
               IOCB_CMD_FDSYNC == 3 && IOCB_CMD_POLL == 5 && IOCB_CMD_NOOP == 6 &&
               IOCB_CMD_PREADV == 7 && IOCB_CMD_PWRITEV == 8,
               "host AIO ABI differs from linux/aio_abi.h");

struct aio_request {
    struct iocb host;           /* first: its address is the kernel's obj */
    uint32_t guest_iocb;
    struct aio_request *next;
};

struct aio_context {
    uint32_t handle;            /* guest page address */
    aio_context_t host_ctx;
    struct aio_request *requests;
    struct aio_context *next;
};

static struct aio_context *contexts;
static pthread_mutex_t aio_lock = PTHREAD_MUTEX_INITIALIZER;

static struct aio_context *find_context(uint32_t handle)
{
    for (struct aio_context *c = contexts; c; c = c->next)
        if (c->handle == handle)
            return c;
    return NULL;
}

/* io_setup(nr_events, aio_context_t *ctxp): *ctxp must be 0. */
long sys_io_setup(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t old;
    if (guest_copy_from(&old, arg[1], 4) < 0 || !guest_access_ok(arg[1], 4, GUEST_PROT_WRITE))
        return -EFAULT;
    if (old != 0)
        return -EINVAL;
    aio_context_t host_ctx = 0;
    long r = host_result(syscall(SYS_io_setup, (unsigned)arg[0], &host_ctx));
    if (r < 0)
        return r;
    int64_t page = guest_mmap(0, GUEST_PAGE_SIZE, GUEST_PROT_READ,
                              GUEST_MAP_PRIVATE | GUEST_MAP_ANONYMOUS, -1, 0);
    struct aio_context *c = page >= 0 ? calloc(1, sizeof *c) : NULL;
    if (!c) {
        if (page >= 0)
            guest_munmap((uint32_t)page, GUEST_PAGE_SIZE);
        syscall(SYS_io_destroy, host_ctx);
        return -ENOMEM;
    }
    c->handle = (uint32_t)page;
    c->host_ctx = host_ctx;
    pthread_mutex_lock(&aio_lock);
    c->next = contexts;
    contexts = c;
    pthread_mutex_unlock(&aio_lock);
    return guest_copy_to(arg[1], &c->handle, 4);
}

long sys_io_destroy(struct guest_thread *thread, const uint32_t *arg)
{
    pthread_mutex_lock(&aio_lock);
    struct aio_context **link = &contexts;
    while (*link && (*link)->handle != arg[0])
        link = &(*link)->next;
    struct aio_context *c = *link;
    if (!c) {
        pthread_mutex_unlock(&aio_lock);
        return -EINVAL;
    }
    *link = c->next;
    pthread_mutex_unlock(&aio_lock);
    /* waits for outstanding requests, so the nodes can go afterwards */
    long r = host_result(syscall(SYS_io_destroy, c->host_ctx));
    for (struct aio_request *q = c->requests, *n; q; q = n) {
        n = q->next;
        free(q);
    }
    guest_munmap(c->handle, GUEST_PAGE_SIZE);
    free(c);
    return r;
}

/* Builds the host node for the guest iocb at addr; -errno if the kernel
 * would refuse it at submission. */
static long prepare_request(uint32_t addr, struct aio_request **out)
{
    struct guest_iocb g;
    if (guest_copy_from(&g, addr, sizeof g) < 0)
        return -EFAULT;
    struct aio_request *q = calloc(1, sizeof *q);
    if (!q)
        return -ENOMEM;
    memcpy(&q->host, &g, sizeof g);
    q->guest_iocb = addr;
    long r = 0;
    uint64_t buf = g.aio_buf, len = g.aio_nbytes;
    switch (g.aio_lio_opcode) {
    case IOCB_CMD_PREAD:
    case IOCB_CMD_PWRITE:
        /* Like the kernel's access_ok, submission only checks that the
         * range lies in the address space; an unmapped buffer faults when
         * the request runs (-EFAULT in its event). Inside the guest range
         * that fault happens on the reservation's PROT_NONE pages. The
         * access check still runs for its side effect: code pages the
         * request will write become writable again. */
        if (buf + len > GUEST_SPACE_SIZE || len > 0x7ffff000u) {
            r = -EFAULT;
        } else {
            guest_access_ok((uint32_t)buf, (uint32_t)len,
                            g.aio_lio_opcode == IOCB_CMD_PREAD ? GUEST_PROT_WRITE : GUEST_PROT_READ);
            q->host.aio_buf = (uint64_t)(uintptr_t)guest_to_host((uint32_t)buf);
        }
        break;
    case IOCB_CMD_PREADV:
    case IOCB_CMD_PWRITEV: {
        if (buf >> 32 || len > GUEST_IOV_MAX) {
            r = buf >> 32 ? -EFAULT : -EINVAL;
            break;
        }
        /* the kernel copies the host iovec array at submission */
        struct iovec *iov = malloc(((size_t)len + 1) * sizeof *iov);
        if (!iov) {
            r = -ENOMEM;
            break;
        }
        r = iovec_from_guest(iov, (uint32_t)buf, (uint32_t)len,
                             g.aio_lio_opcode == IOCB_CMD_PREADV ? GUEST_PROT_WRITE : GUEST_PROT_READ);
        if (r >= 0) {
            q->host.aio_buf = (uint64_t)(uintptr_t)iov;
            q->host.aio_nbytes = (uint64_t)r;
            r = 0;
            *out = q;
            return 1;       /* the caller frees the array after submission */
        }
        free(iov);
        break;
    }
    case IOCB_CMD_FSYNC:
    case IOCB_CMD_FDSYNC:
    case IOCB_CMD_POLL:     /* aio_buf holds the poll events */
    case IOCB_CMD_NOOP:
        break;
    default:
        r = -EINVAL;
    }
    if (r < 0) {
        free(q);
        return r;
    }
    *out = q;
    return 0;
}

/* io_submit(ctx, nr, iocb **iocbpp): the result counts the requests
 * submitted, or is the error of the first one. */
long sys_io_submit(struct guest_thread *thread, const uint32_t *arg)
{
    int32_t nr = (int32_t)arg[1];
    if (nr < 0)
        return -EINVAL;
    pthread_mutex_lock(&aio_lock);
    struct aio_context *c = find_context(arg[0]);
    long r = -EINVAL;
    if (!c || nr == 0) {
        r = c ? 0 : -EINVAL;
        goto out;
    }
    if (nr > 4096)
        nr = 4096;  /* the kernel caps by the ring size; the rest is a short count */
    struct aio_request **reqs = calloc((size_t)nr, sizeof *reqs);
    struct iocb **ptrs = calloc((size_t)nr, sizeof *ptrs);
    void **iovs = calloc((size_t)nr, sizeof *iovs);
    int32_t ready = 0;
    long first_error = 0;
    if (!reqs || !ptrs || !iovs) {
        first_error = -ENOMEM;
    } else {
        for (; ready < nr; ready++) {
            uint32_t p;
            if (guest_copy_from(&p, arg[2] + (uint32_t)ready * 4u, 4) < 0) {
                first_error = -EFAULT;
                break;
            }
            long pr = prepare_request(p, &reqs[ready]);
            if (pr < 0) {
                first_error = pr;
                break;
            }
            if (pr == 1)
                iovs[ready] = (void *)(uintptr_t)reqs[ready]->host.aio_buf;
            ptrs[ready] = &reqs[ready]->host;
        }
    }
    long done = 0;
    if (ready > 0)
        done = syscall(SYS_io_submit, c->host_ctx, (long)ready, ptrs);
    r = done < 0 ? -errno : done;
    if (done < 0)
        done = 0;
    for (int32_t i = 0; i < ready; i++) {
        free(iovs[i]);
        if (i < done) {
            reqs[i]->next = c->requests;
            c->requests = reqs[i];
        } else {
            free(reqs[i]);
        }
    }
    if (ready == 0 || (r == 0 && first_error))
        r = first_error;
    free(reqs);
    free(ptrs);
    free(iovs);
out:
    pthread_mutex_unlock(&aio_lock);
    return r;
}

/* io_cancel(ctx, iocb *, io_event *result) */
long sys_io_cancel(struct guest_thread *thread, const uint32_t *arg)
{
    if (!guest_access_ok(arg[2], sizeof(struct guest_io_event), GUEST_PROT_WRITE))
        return -EFAULT;
    pthread_mutex_lock(&aio_lock);
    struct aio_context *c = find_context(arg[0]);
    struct aio_request *q = NULL;
    if (c)
        for (q = c->requests; q && q->guest_iocb != arg[1]; q = q->next)
            ;
    long r;
    if (!c)
        r = -EINVAL;
    else if (!q)
        r = -EINVAL;    /* what the kernel says for an iocb it does not know */
    else
        r = host_result(syscall(SYS_io_cancel, c->host_ctx, &q->host, guest_to_host(arg[2])));
    pthread_mutex_unlock(&aio_lock);
    return r;
}

/* Rewrites the obj of the n events at guest address events from host
 * node addresses to guest iocb addresses, releasing the nodes. */
static void reap_events(aio_context_t host_ctx, uint32_t events, long n)
{
    pthread_mutex_lock(&aio_lock);
    struct aio_context *c = contexts;
    while (c && c->host_ctx != host_ctx)
        c = c->next;
    for (long i = 0; c && i < n; i++) {
        uint32_t at = events + (uint32_t)i * (uint32_t)sizeof(struct guest_io_event);
        struct guest_io_event ev;
        guest_copy_from(&ev, at, sizeof ev);
        for (struct aio_request **link = &c->requests; *link; link = &(*link)->next) {
            struct aio_request *q = *link;
            if ((uint64_t)(uintptr_t)&q->host == ev.obj) {
                ev.obj = q->guest_iocb;
                *link = q->next;
                free(q);
                break;
            }
        }
        guest_copy_to(at, &ev, sizeof ev);
    }
    pthread_mutex_unlock(&aio_lock);
}

/* io_getevents(ctx, min_nr, nr, events, timeout) and io_pgetevents(...,
 * usig): usig points at { sigmask pointer, sigset size } (two 32-bit
 * words). Like ppoll here, the mask is checked but not applied while
 * waiting. */
static long do_getevents(const uint32_t *arg, bool time64, bool with_sigmask)
{
    int32_t nr = (int32_t)arg[2];
    if (nr < 0 || (int32_t)arg[1] < 0)
        return -EINVAL;
    if (nr > 0x1000000)
        nr = 0x1000000;
    if (!guest_access_ok(arg[3], (uint32_t)nr * (uint32_t)sizeof(struct guest_io_event),
                         GUEST_PROT_WRITE))
        return -EFAULT;
    struct timespec ts, *tsp = NULL;
    if (arg[4]) {
        long r;
        if (time64) {
            struct guest_timespec64 g;
            r = guest_copy_from(&g, arg[4], sizeof g);
            if (r == 0)
                r = guest_timespec64_to_host(&ts, &g);
        } else {
            struct guest_timespec32 g;
            r = guest_copy_from(&g, arg[4], sizeof g);
            if (r == 0)
                r = guest_timespec32_to_host(&ts, &g);
        }
        if (r < 0)
            return r;
        tsp = &ts;
    }
    if (with_sigmask && arg[5]) {
        uint32_t usig[2];
        if (guest_copy_from(usig, arg[5], sizeof usig) < 0)
            return -EFAULT;
        if (usig[0] && usig[1] != 8)
            return -EINVAL;
        if (usig[0] && !guest_access_ok(usig[0], 8, GUEST_PROT_READ))
            return -EFAULT;
    }
    pthread_mutex_lock(&aio_lock);
    struct aio_context *c = find_context(arg[0]);
    aio_context_t host_ctx = c ? c->host_ctx : 0;
    pthread_mutex_unlock(&aio_lock);
    if (!c)
        return -EINVAL;
    long n = safe_syscall(SYS_io_getevents, host_ctx, (long)(int32_t)arg[1], (long)nr,
                          guest_to_host(arg[3]), tsp);
    if (n > 0)
        reap_events(host_ctx, arg[3], n);
    return n == -GUEST_ERESTARTSYS ? -EINTR : n;
}

long sys_io_getevents(struct guest_thread *thread, const uint32_t *arg)
{
    return do_getevents(arg, false, false);
}

long sys_io_pgetevents(struct guest_thread *thread, const uint32_t *arg)
{
    return do_getevents(arg, false, true);
}

long sys_io_pgetevents_time64(struct guest_thread *thread, const uint32_t *arg)
{
    return do_getevents(arg, true, true);
}
