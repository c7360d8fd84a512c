/*
 * SysV IPC: message queues, semaphores and shared memory, as the ARM EABI
 * direct system calls (msgget ... shmctl, semtimedop and its time64 twin).
 *
 * The *ctl calls translate the IPC_64 structures (ARM layouts in
 * guest_abi.h: 16-bit mode, 32-bit longs, times split into low/high
 * words) to and from the host's; the host is always called without the
 * IPC_64 bit (64-bit kernels have only the 64-bit layout and would reject
 * it). A command without IPC_64 asks for the old pre-2.4 structures,
 * which EABI glibc never uses: those that carry a structure are refused
 * with EINVAL and reported, the others work.
 *
 * msgsnd/msgrcv copy the message through a host buffer because mtype is a
 * long (4 bytes on ARM, 8 on the host). semop's struct sembuf (3 shorts)
 * is the same everywhere and passes in place. shmat places the segment in
 * the guest space (mem/guest_shm.c) and remembers its size for shmdt.
 * Blocking calls go through safe_syscall so guest signals interrupt them.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>

#include "linux/safe_syscall.h"
#include "linux/syscall.h"
#include "mem/guest_mem.h"

_Static_assert(IPC_RMID == 0 && IPC_SET == 1 && IPC_STAT == 2 && IPC_INFO == 3 &&
               MSG_STAT == 11 && MSG_INFO == 12 && MSG_STAT_ANY == 13 &&
               GETPID == 11 && GETVAL == 12 && GETALL == 13 && GETNCNT == 14 &&
               GETZCNT == 15 && SETVAL == 16 && SETALL == 17 && SEM_STAT == 18 &&
               SEM_INFO == 19 && SEM_STAT_ANY == 20 && SHM_LOCK == 11 &&
               SHM_UNLOCK == 12 && SHM_STAT == 13 && SHM_INFO == 14 &&
               SHM_STAT_ANY == 15 && SHM_RDONLY == 010000 && SHM_RND == 020000 &&
               SHM_REMAP == 040000 && SHM_EXEC == 0100000 && IPC_NOWAIT == 04000,
               "host SysV IPC constants differ from linux/ipc.h");

/* ---- shared conversion helpers ---- */

static void perm_from_host(struct guest_ipc64_perm *g, const struct ipc_perm *h)
{
    memset(g, 0, sizeof *g);
    g->key = h->__key;
    g->uid = h->uid;
    g->gid = h->gid;
    g->cuid = h->cuid;
    g->cgid = h->cgid;
    g->mode = (uint16_t)h->mode;
    g->seq = (uint16_t)h->__seq;
}

/* IPC_SET reads uid, gid and mode only. */
static void perm_to_host(struct ipc_perm *h, const struct guest_ipc64_perm *g)
{
    h->uid = g->uid;
    h->gid = g->gid;
    h->mode = g->mode;
}

static void split_time(uint32_t *lo, uint32_t *hi, time_t t)
{
    *lo = (uint32_t)(uint64_t)t;
    *hi = (uint32_t)((uint64_t)t >> 32);
}

/* Splits a guest cmd into the host command and whether it wants IPC_64;
 * refuses the old layouts for commands that carry a structure. */
static long parse_cmd(uint32_t guest_cmd, bool has_struct, const char *call, int *cmd)
{
    *cmd = (int)(guest_cmd & ~(uint32_t)GUEST_IPC_64);
    if (has_struct && !(guest_cmd & GUEST_IPC_64)) {
        linux_report_once("ipc-old", (uint32_t)*cmd | (call[0] == 'm' ? 0x1000u : call[1] == 'e' ? 0x2000u : 0x3000u),
                          "%s cmd %d without IPC_64 (pre-2.4 layout) refused: EINVAL",
                          call, *cmd);
        return -EINVAL;
    }
    return 0;
}

static long restart_nohand(long r)
{
    return r == -GUEST_ERESTARTSYS ? -GUEST_ERESTARTNOHAND : r;
}

/* ---- message queues ---- */

long sys_msgget(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(msgget((key_t)arg[0], (int)arg[1]));
}

/* msgsnd(msqid, msgp, msgsz, msgflg): msgp = { int32 mtype; char text[] } */
long sys_msgsnd(struct guest_thread *thread, const uint32_t *arg)
{
    int32_t size = (int32_t)arg[2];
    if (size < 0)
        return -EINVAL;
    int32_t mtype;
    if (guest_copy_from(&mtype, arg[1], 4) < 0)
        return -EFAULT;
    if (!guest_access_ok(arg[1] + 4, (uint32_t)size, GUEST_PROT_READ))
        return -EFAULT;
    long *host = malloc(sizeof(long) + (size_t)size);
    if (!host)
        return -ENOMEM;
    host[0] = mtype;
    memcpy(host + 1, guest_to_host(arg[1] + 4), (size_t)size);
    long r = safe_syscall(SYS_msgsnd, (int)arg[0], host, (size_t)size, (int)arg[3]);
    free(host);
    return restart_nohand(r);
}

/* msgrcv(msqid, msgp, msgsz, msgtyp, msgflg): msgtyp is a 32-bit long. */
long sys_msgrcv(struct guest_thread *thread, const uint32_t *arg)
{
    int32_t size = (int32_t)arg[2];
    if (size < 0)
        return -EINVAL;
    if (!guest_access_ok(arg[1], 4, GUEST_PROT_WRITE))
        return -EFAULT;
    /* The host buffer need not be larger than the writable part of the
     * guest's: a longer message could not be copied out anyway (Linux
     * dequeues it and fails with EFAULT; here it stays queued and the
     * call fails with E2BIG, or is cut at the writable part with
     * MSG_NOERROR). Keeps a huge msgsz from allocating gigabytes. */
    uint32_t writable = size ? guest_access_prefix(arg[1] + 4, (uint32_t)size, GUEST_PROT_WRITE) : 0;
    if (size && !writable)
        return -EFAULT;
    size = (int32_t)writable;
    long *host = malloc(sizeof(long) + (size_t)size);
    if (!host)
        return -ENOMEM;
    long r = safe_syscall(SYS_msgrcv, (int)arg[0], host, (size_t)size,
                          (long)(int32_t)arg[3], (int)arg[4]);
    if (r >= 0) {
        int32_t mtype = (int32_t)host[0];
        if (guest_copy_to(arg[1], &mtype, 4) < 0 ||
            guest_copy_to(arg[1] + 4, host + 1, (size_t)r) < 0)
            r = -EFAULT;    /* the message is gone, as on Linux */
    }
    free(host);
    return restart_nohand(r);
}

static long put_msqid(uint32_t addr, const struct msqid_ds *h)
{
    struct guest_msqid64_ds g;
    memset(&g, 0, sizeof g);
    perm_from_host(&g.msg_perm, &h->msg_perm);
    split_time(&g.msg_stime, &g.msg_stime_high, h->msg_stime);
    split_time(&g.msg_rtime, &g.msg_rtime_high, h->msg_rtime);
    split_time(&g.msg_ctime, &g.msg_ctime_high, h->msg_ctime);
    g.msg_cbytes = (uint32_t)h->__msg_cbytes;
    g.msg_qnum = (uint32_t)h->msg_qnum;
    g.msg_qbytes = (uint32_t)h->msg_qbytes;
    g.msg_lspid = h->msg_lspid;
    g.msg_lrpid = h->msg_lrpid;
    return guest_copy_to(addr, &g, sizeof g);
}

long sys_msgctl(struct guest_thread *thread, const uint32_t *arg)
{
    int id = (int)arg[0], cmd;
    uint32_t buf = arg[2];
    uint32_t base_cmd = arg[1] & ~(uint32_t)GUEST_IPC_64;
    bool has_struct = base_cmd != IPC_RMID;
    long r = parse_cmd(arg[1], has_struct, "msgctl", &cmd);
    if (r < 0)
        return r;
    switch (cmd) {
    case IPC_RMID:
        return host_result(msgctl(id, cmd, NULL));
    case IPC_STAT: case MSG_STAT: case MSG_STAT_ANY: {
        if (!guest_access_ok(buf, sizeof(struct guest_msqid64_ds), GUEST_PROT_WRITE))
            return -EFAULT;
        struct msqid_ds h;
        r = host_result(msgctl(id, cmd, &h));
        return r < 0 ? r : (put_msqid(buf, &h) < 0 ? -EFAULT : r);
    }
    case IPC_SET: {
        struct guest_msqid64_ds g;
        if (guest_copy_from(&g, buf, sizeof g) < 0)
            return -EFAULT;
        struct msqid_ds h;
        memset(&h, 0, sizeof h);
        perm_to_host(&h.msg_perm, &g.msg_perm);
        h.msg_qbytes = g.msg_qbytes;
        return host_result(msgctl(id, cmd, &h));
    }
    case IPC_INFO: case MSG_INFO:
        /* struct msginfo: 8 ints, the same everywhere */
        if (!guest_access_ok(buf, GUEST_MSGINFO_SIZE, GUEST_PROT_WRITE))
            return -EFAULT;
        return host_result(msgctl(id, cmd, guest_to_host(buf)));
    default:
        return -EINVAL;
    }
}

/* ---- semaphores ---- */

long sys_semget(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(semget((key_t)arg[0], (int)arg[1], (int)arg[2]));
}

#define SEMBUF_SIZE 6u      /* struct sembuf: ushort num, short op, short flg */
_Static_assert(sizeof(struct sembuf) == SEMBUF_SIZE, "struct sembuf layout");

/* timeout: NULL, or a guest timespec of the given form */
static long do_semtimedop(const uint32_t *arg, uint32_t timeout, bool time64)
{
    int32_t nsops = (int32_t)arg[2];
    if (nsops < 1 || (int32_t)arg[0] < 0)
        return -EINVAL;
    if (nsops > 65535)
        return -E2BIG;      /* far above any semopm; bounds the check below */
    if (!guest_access_ok(arg[1], (uint32_t)nsops * SEMBUF_SIZE, GUEST_PROT_READ))
        return -EFAULT;
    struct timespec ts, *tsp = NULL;
    if (timeout) {
        long r;
        if (time64) {
            struct guest_timespec64 g;
            r = guest_copy_from(&g, timeout, sizeof g);
            if (r == 0)
                r = guest_timespec64_to_host(&ts, &g);
        } else {
            struct guest_timespec32 g;
            r = guest_copy_from(&g, timeout, sizeof g);
            if (r == 0)
                r = guest_timespec32_to_host(&ts, &g);
        }
        if (r < 0)
            return r;
        tsp = &ts;
    }
    return restart_nohand(safe_syscall(SYS_semtimedop, (int)arg[0], guest_to_host(arg[1]),
                                       (size_t)nsops, tsp));
}

long sys_semop(struct guest_thread *thread, const uint32_t *arg)
{
    return do_semtimedop(arg, 0, false);
}

long sys_semtimedop(struct guest_thread *thread, const uint32_t *arg)
{
    return do_semtimedop(arg, arg[3], false);
}

long sys_semtimedop_time64(struct guest_thread *thread, const uint32_t *arg)
{
    return do_semtimedop(arg, arg[3], true);
}

static long put_semid(uint32_t addr, const struct semid_ds *h)
{
    struct guest_semid64_ds g;
    memset(&g, 0, sizeof g);
    perm_from_host(&g.sem_perm, &h->sem_perm);
    split_time(&g.sem_otime, &g.sem_otime_high, h->sem_otime);
    split_time(&g.sem_ctime, &g.sem_ctime_high, h->sem_ctime);
    g.sem_nsems = (uint32_t)h->sem_nsems;
    return guest_copy_to(addr, &g, sizeof g);
}

static long host_semctl(int id, int num, int cmd, unsigned long a)
{
    return host_result(syscall(SYS_semctl, id, num, cmd, a));
}

/* semctl(semid, semnum, cmd, union semun arg): the union is passed by
 * value (an int or a 32-bit pointer). */
long sys_semctl(struct guest_thread *thread, const uint32_t *arg)
{
    int id = (int)arg[0], num = (int)arg[1], cmd;
    uint32_t a = arg[3];
    uint32_t base_cmd = arg[2] & ~(uint32_t)GUEST_IPC_64;
    bool has_struct = base_cmd == IPC_STAT || base_cmd == IPC_SET ||
                      base_cmd == SEM_STAT || base_cmd == SEM_STAT_ANY;
    long r = parse_cmd(arg[2], has_struct, "semctl", &cmd);
    if (r < 0)
        return r;
    switch (cmd) {
    case IPC_RMID: case GETPID: case GETVAL: case GETNCNT: case GETZCNT:
        return host_semctl(id, num, cmd, 0);
    case SETVAL:
        return host_semctl(id, num, cmd, (unsigned long)(int32_t)a);
    case IPC_STAT: case SEM_STAT: case SEM_STAT_ANY: {
        if (!guest_access_ok(a, sizeof(struct guest_semid64_ds), GUEST_PROT_WRITE))
            return -EFAULT;
        struct semid_ds h;
        r = host_semctl(id, num, cmd, (unsigned long)&h);
        return r < 0 ? r : (put_semid(a, &h) < 0 ? -EFAULT : r);
    }
    case IPC_SET: {
        struct guest_semid64_ds g;
        if (guest_copy_from(&g, a, sizeof g) < 0)
            return -EFAULT;
        struct semid_ds h;
        memset(&h, 0, sizeof h);
        perm_to_host(&h.sem_perm, &g.sem_perm);
        return host_semctl(id, num, cmd, (unsigned long)&h);
    }
    case IPC_INFO: case SEM_INFO:
        /* struct seminfo: 10 ints, the same everywhere */
        if (!guest_access_ok(a, GUEST_SEMINFO_SIZE, GUEST_PROT_WRITE))
            return -EFAULT;
        return host_semctl(id, num, cmd, (unsigned long)guest_to_host(a));
    case GETALL: case SETALL: {
        /* an array of nsems unsigned shorts: its length comes from the set */
        struct semid_ds h;
        r = host_semctl(id, 0, IPC_STAT, (unsigned long)&h);
        if (r < 0)
            return r;
        uint32_t bytes = (uint32_t)h.sem_nsems * 2u;
        if (!guest_access_ok(a, bytes, cmd == GETALL ? GUEST_PROT_WRITE : GUEST_PROT_READ))
            return -EFAULT;
        return host_semctl(id, num, cmd, (unsigned long)guest_to_host(a));
    }
    default:
        return -EINVAL;
    }
}

/* ---- shared memory ---- */

long sys_shmget(struct guest_thread *thread, const uint32_t *arg)
{
    return host_result(shmget((key_t)arg[0], (size_t)arg[1], (int)arg[2]));
}

/* Attached segments: guest address and size, for shmdt. Copied with the
 * process by fork, as the attachments are. */
struct shm_attachment { uint32_t addr, size; };
static struct shm_attachment *attachments;
static size_t attachment_count, attachment_cap;
static pthread_mutex_t attachment_lock = PTHREAD_MUTEX_INITIALIZER;

long sys_shmat(struct guest_thread *thread, const uint32_t *arg)
{
    int id = (int)arg[0], flags = (int)arg[2];
    uint32_t addr = arg[1];
    if (addr & (GUEST_SHMLBA - 1)) {
        if (flags & SHM_RND) {
            addr &= ~(GUEST_SHMLBA - 1);
            if (addr == 0 && (flags & SHM_REMAP))
                return -EINVAL;
        } else if (addr & (GUEST_PAGE_SIZE - 1)) {
            return -EINVAL;
        }
    } else if (addr == 0 && (flags & SHM_REMAP)) {
        return -EINVAL;
    }
    struct shmid_ds st;
    if (shmctl(id, IPC_STAT, &st) < 0)
        return -errno;
    if (st.shm_segsz > 0xffffffffu)
        return -ENOMEM;
    pthread_mutex_lock(&attachment_lock);
    if (attachment_count == attachment_cap) {
        size_t cap = attachment_cap ? attachment_cap * 2 : 16;
        struct shm_attachment *bigger = realloc(attachments, cap * sizeof *bigger);
        if (!bigger) {
            pthread_mutex_unlock(&attachment_lock);
            return -ENOMEM;
        }
        attachments = bigger;
        attachment_cap = cap;
    }
    int64_t r = guest_shm_attach(id, addr, (uint32_t)st.shm_segsz, flags);
    if (r >= 0) {
        /* A remap over an older attachment replaced it. */
        for (size_t i = 0; i < attachment_count;) {
            struct shm_attachment *at = &attachments[i];
            if (at->addr < (uint64_t)r + st.shm_segsz && (uint64_t)r < (uint64_t)at->addr + at->size)
                *at = attachments[--attachment_count];
            else
                i++;
        }
        attachments[attachment_count++] = (struct shm_attachment){ (uint32_t)r, (uint32_t)st.shm_segsz };
    }
    pthread_mutex_unlock(&attachment_lock);
    return (long)r;
}

long sys_shmdt(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t addr = arg[0];
    if (addr & (GUEST_PAGE_SIZE - 1))
        return -EINVAL;
    pthread_mutex_lock(&attachment_lock);
    long r = -EINVAL;
    for (size_t i = 0; i < attachment_count; i++) {
        if (attachments[i].addr != addr)
            continue;
        struct shm_attachment at = attachments[i];
        attachments[i] = attachments[--attachment_count];
        /* Unmapped by the guest meanwhile (munmap): nothing is attached. */
        if (guest_page_flags[addr >> GUEST_PAGE_SHIFT] & GPAGE_MAPPED)
            r = guest_shm_detach(at.addr, at.size);
        break;
    }
    pthread_mutex_unlock(&attachment_lock);
    return r;
}

static long put_shmid(uint32_t addr, const struct shmid_ds *h)
{
    struct guest_shmid64_ds g;
    memset(&g, 0, sizeof g);
    perm_from_host(&g.shm_perm, &h->shm_perm);
    g.shm_segsz = (uint32_t)h->shm_segsz;
    split_time(&g.shm_atime, &g.shm_atime_high, h->shm_atime);
    split_time(&g.shm_dtime, &g.shm_dtime_high, h->shm_dtime);
    split_time(&g.shm_ctime, &g.shm_ctime_high, h->shm_ctime);
    g.shm_cpid = h->shm_cpid;
    g.shm_lpid = h->shm_lpid;
    g.shm_nattch = (uint32_t)h->shm_nattch;
    return guest_copy_to(addr, &g, sizeof g);
}

static uint32_t clamp32(unsigned long v)
{
    return v > 0xffffffffu ? 0xffffffffu : (uint32_t)v;
}

long sys_shmctl(struct guest_thread *thread, const uint32_t *arg)
{
    int id = (int)arg[0], cmd;
    uint32_t buf = arg[2];
    uint32_t base_cmd = arg[1] & ~(uint32_t)GUEST_IPC_64;
    bool has_struct = base_cmd != IPC_RMID && base_cmd != SHM_LOCK && base_cmd != SHM_UNLOCK;
    long r = parse_cmd(arg[1], has_struct, "shmctl", &cmd);
    if (r < 0)
        return r;
    switch (cmd) {
    case IPC_RMID: case SHM_LOCK: case SHM_UNLOCK:
        return host_result(shmctl(id, cmd, NULL));
    case IPC_STAT: case SHM_STAT: case SHM_STAT_ANY: {
        if (!guest_access_ok(buf, sizeof(struct guest_shmid64_ds), GUEST_PROT_WRITE))
            return -EFAULT;
        struct shmid_ds h;
        r = host_result(shmctl(id, cmd, &h));
        return r < 0 ? r : (put_shmid(buf, &h) < 0 ? -EFAULT : r);
    }
    case IPC_SET: {
        struct guest_shmid64_ds g;
        if (guest_copy_from(&g, buf, sizeof g) < 0)
            return -EFAULT;
        struct shmid_ds h;
        memset(&h, 0, sizeof h);
        perm_to_host(&h.shm_perm, &g.shm_perm);
        return host_result(shmctl(id, cmd, &h));
    }
    case IPC_INFO: {
        if (!guest_access_ok(buf, sizeof(struct guest_shminfo64), GUEST_PROT_WRITE))
            return -EFAULT;
        struct shminfo h;
        r = host_result(shmctl(id, cmd, (struct shmid_ds *)&h));
        if (r < 0)
            return r;
        /* the compat layer clamps shmmax/shmall to what a long holds */
        struct guest_shminfo64 g = {
            clamp32(h.shmmax), clamp32(h.shmmin), clamp32(h.shmmni),
            clamp32(h.shmseg), clamp32(h.shmall), { 0 },
        };
        return guest_copy_to(buf, &g, sizeof g) < 0 ? -EFAULT : r;
    }
    case SHM_INFO: {
        if (!guest_access_ok(buf, sizeof(struct guest_shm_info), GUEST_PROT_WRITE))
            return -EFAULT;
        struct shm_info h;
        r = host_result(shmctl(id, cmd, (struct shmid_ds *)&h));
        if (r < 0)
            return r;
        struct guest_shm_info g = {
            h.used_ids, (uint32_t)h.shm_tot, (uint32_t)h.shm_rss, (uint32_t)h.shm_swp,
            (uint32_t)h.swap_attempts, (uint32_t)h.swap_successes,
        };
        return guest_copy_to(buf, &g, sizeof g) < 0 ? -EFAULT : r;
    }
    default:
        return -EINVAL;
    }
}
