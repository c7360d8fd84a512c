/*
 * SysV IPC and POSIX message queues, self-checking: message queues (mtype
 * as a 32-bit long, IPC_STAT/IPC_SET through the IPC_64 layout, ENOMSG,
 * EIDRM/EINVAL after removal), semaphores (SETALL/GETALL arrays, GETPID,
 * semtimedop timing out), shared memory (shmat placing segments in the
 * 32-bit space, a second attach seeing the same bytes, a forked child's
 * writes, SHM_RND and unaligned addresses, shmdt of an unknown address,
 * nattch counts), and mq_* (attributes, priorities, timed receive,
 * O_NONBLOCK, mq_notify with a signal). Expectations are Linux's for a
 * 32-bit ARM process. qemu-arm 7.2 differs: its mq_notify is ENOSYS, and
 * it fails the SHM_RND attach at a free fixed address with EINVAL.
 * Built also with 64-bit time and offsets (check_sys_ipc_t64.c).
 */
// variants: arm-O2 thumb-O2
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "check.h"

struct text_msg { long mtype; char text[64]; };

static void test_msg(void)
{
    int id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    CHECK(id >= 0, "msgget");
    struct text_msg m = { 5, "hello" };
    CHECK(msgsnd(id, &m, 6, 0) == 0, "msgsnd type 5");
    m.mtype = 9;
    strcpy(m.text, "second!");
    CHECK(msgsnd(id, &m, 8, 0) == 0, "msgsnd type 9");
    struct msqid_ds ds;
    time_t now = time(NULL);
    CHECK(msgctl(id, IPC_STAT, &ds) == 0, "msgctl IPC_STAT");
    CHECK(ds.msg_qnum == 2 && ds.__msg_cbytes == 14, "qnum %lu cbytes %lu",
          (unsigned long)ds.msg_qnum, (unsigned long)ds.__msg_cbytes);
    CHECK((ds.msg_perm.mode & 0777) == 0600 && ds.msg_perm.uid == getuid() &&
          ds.msg_perm.cuid == getuid(), "perm mode %o uid %u", ds.msg_perm.mode & 0777,
          (unsigned)ds.msg_perm.uid);
    CHECK(ds.msg_lspid == getpid() && ds.msg_lrpid == 0, "lspid/lrpid");
    CHECK(ds.msg_stime >= now - 5 && ds.msg_stime <= now + 5 && ds.msg_rtime == 0,
          "stime %lld rtime %lld", (long long)ds.msg_stime, (long long)ds.msg_rtime);
    struct text_msg r;
    memset(&r, 0, sizeof r);
    ssize_t n = msgrcv(id, &r, sizeof r.text, -6, 0);      /* lowest type <= 6 */
    CHECK(n == 6 && r.mtype == 5 && !strcmp(r.text, "hello"), "msgrcv -6: %zd type %ld", n, r.mtype);
    n = msgrcv(id, &r, 4, 9, IPC_NOWAIT);
    CHECK(n == -1 && errno == E2BIG, "msgrcv too small: E2BIG");
    n = msgrcv(id, &r, 4, 9, IPC_NOWAIT | MSG_NOERROR);
    CHECK(n == 4 && r.mtype == 9 && !memcmp(r.text, "seco", 4), "msgrcv MSG_NOERROR truncates");
    n = msgrcv(id, &r, sizeof r.text, 0, IPC_NOWAIT);
    CHECK(n == -1 && errno == ENOMSG, "msgrcv empty: ENOMSG");
    ds.msg_qbytes = 4000;
    CHECK(msgctl(id, IPC_SET, &ds) == 0, "msgctl IPC_SET");
    CHECK_HOSTDEP(msgctl(id, IPC_STAT, &ds) == 0 && ds.msg_qbytes == 4000 && ds.msg_lrpid == getpid(),
          "qbytes now %lu", (unsigned long)ds.msg_qbytes);
    struct msginfo info;
    CHECK(msgctl(0, IPC_INFO, (struct msqid_ds *)&info) >= 0 && info.msgmax > 0, "IPC_INFO msgmax %d", info.msgmax);
    /* a bad buffer: EFAULT, the queue is unchanged */
    CHECK(syscall(SYS_msgsnd, id, (void *)8, 4, IPC_NOWAIT) == -1 && errno == EFAULT, "msgsnd bad pointer: EFAULT");
    /* glibc converts msqid_ds in user space: the raw call sees the pointer */
    CHECK(syscall(SYS_msgctl, id, IPC_STAT | 0x100 /* IPC_64 */, 16) == -1 && errno == EFAULT,
          "IPC_STAT bad pointer: EFAULT");
    CHECK(msgctl(id, IPC_RMID, NULL) == 0, "IPC_RMID");
    CHECK(msgsnd(id, &m, 1, 0) == -1 && (errno == EINVAL || errno == EIDRM), "msgsnd after RMID");
}

union semun { int val; struct semid_ds *buf; unsigned short *array; };

static void test_sem(void)
{
    int id = semget(IPC_PRIVATE, 3, IPC_CREAT | 0600);
    CHECK(id >= 0, "semget");
    unsigned short vals[3] = { 1, 2, 3 }, back[3] = { 0 };
    CHECK(semctl(id, 0, SETALL, (union semun){ .array = vals }) == 0, "SETALL");
    CHECK(semctl(id, 0, GETALL, (union semun){ .array = back }) == 0 &&
          back[0] == 1 && back[1] == 2 && back[2] == 3, "GETALL %u %u %u", back[0], back[1], back[2]);
    struct sembuf op[2] = { { 1, -2, 0 }, { 2, 1, 0 } };
    CHECK(semop(id, op, 2) == 0, "semop");
    CHECK(semctl(id, 1, GETVAL) == 0 && semctl(id, 2, GETVAL) == 4, "GETVAL after semop");
    CHECK(semctl(id, 2, GETPID) == getpid(), "GETPID");
    CHECK(semctl(id, 0, SETVAL, (union semun){ .val = 7 }) == 0 && semctl(id, 0, GETVAL) == 7, "SETVAL");
    struct semid_ds ds;
    CHECK(semctl(id, 0, IPC_STAT, (union semun){ .buf = &ds }) == 0 && ds.sem_nsems == 3 &&
          (ds.sem_perm.mode & 0777) == 0600, "IPC_STAT nsems %lu", (unsigned long)ds.sem_nsems);
    struct sembuf wait_op = { 1, -1, 0 };
    struct timespec t0, t1, timeout = { 0, 50 * 1000 * 1000 };
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int r = semtimedop(id, &wait_op, 1, &timeout);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double waited = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    CHECK(r == -1 && errno == EAGAIN && waited >= 0.04, "semtimedop times out (EAGAIN after %.3f s)", waited);
    wait_op.sem_flg = IPC_NOWAIT;
    CHECK(semop(id, &wait_op, 1) == -1 && errno == EAGAIN, "IPC_NOWAIT: EAGAIN");
    CHECK(syscall(SYS_semop, id, 4, 1) == -1 && errno == EFAULT, "semop bad pointer: EFAULT");
    CHECK(semop(id, op, 0) == -1 && errno == EINVAL, "semop nsops 0: EINVAL");
    CHECK(semctl(id, 0, IPC_RMID) == 0, "IPC_RMID");
}

static void test_shm(void)
{
    int id = shmget(IPC_PRIVATE, 10000, IPC_CREAT | 0600);
    CHECK(id >= 0, "shmget");
    char *a = shmat(id, NULL, 0);
    CHECK(a != (char *)-1, "shmat at %p", (void *)a);
    if (a == (char *)-1)
        return;
    CHECK(((uintptr_t)a & 4095) == 0, "page aligned");
    strcpy(a, "shared bytes");
    a[9999] = 'z';
    char *b = shmat(id, NULL, SHM_RDONLY);
    CHECK(b != (char *)-1 && b != a && !strcmp(b, "shared bytes") && b[9999] == 'z',
          "second attach at %p sees the data", (void *)b);
    struct shmid_ds ds;
    CHECK(shmctl(id, IPC_STAT, &ds) == 0 && ds.shm_segsz == 10000 && ds.shm_nattch == 2 &&
          ds.shm_cpid == getpid(), "IPC_STAT segsz %zu nattch %lu", (size_t)ds.shm_segsz,
          (unsigned long)ds.shm_nattch);
    pid_t pid = fork();
    if (pid == 0) {
        strcpy(a, "from the child");
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    CHECK(!strcmp(b, "from the child"), "child's write seen: %s", b);
    CHECK(shmdt(b) == 0, "shmdt second");
    CHECK(shmdt(b) == -1 && errno == EINVAL, "shmdt again: EINVAL");
    CHECK(shmdt(a + 1) == -1 && errno == EINVAL, "shmdt unaligned: EINVAL");
    /* a fixed address: the first attach's address + 0x100000, rounded */
    char *want = (char *)(((uintptr_t)a - 0x400000u) & ~0x3fffu);
    char *c = shmat(id, want + 0x123, SHM_RND);
    CHECK(c == want, "SHM_RND rounds to SHMLBA (%p -> %p)", (void *)(want + 0x123), (void *)c);
    if (c != (char *)-1) {
        CHECK(c[9999] == 'z', "fixed attach sees the data");
        shmdt(c);
    }
    CHECK(shmat(id, want + 0x123, 0) == (void *)-1 && errno == EINVAL, "unaligned without SHM_RND: EINVAL");
    CHECK(shmat(id, a, 0) == (void *)-1 && errno == EINVAL, "overlapping without SHM_REMAP: EINVAL");
    CHECK(shmctl(id, IPC_STAT, &ds) == 0 && ds.shm_nattch == 1, "nattch back to 1");
    struct shminfo info;
    CHECK(shmctl(0, IPC_INFO, (struct shmid_ds *)&info) >= 0 && info.shmmni > 0, "IPC_INFO shmmni %lu", info.shmmni);
    CHECK(shmdt(a) == 0, "shmdt first");
    CHECK(shmctl(id, IPC_RMID, NULL) == 0, "IPC_RMID");
}

static volatile sig_atomic_t notified;
static void on_usr1(int sig) { notified = sig; }

static void test_mq(void)
{
    char name[64];
    snprintf(name, sizeof name, "/a32run-check-%d", (int)getpid());
    struct mq_attr attr = { .mq_maxmsg = 4, .mq_msgsize = 64 };
    mqd_t q = mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, &attr);
    if (q == (mqd_t)-1 && (errno == ENOSYS || errno == EACCES)) {
        printf("ok: message queues unavailable on this host (errno %d): skipped\n", errno);
        return;
    }
    CHECK(q != (mqd_t)-1, "mq_open");
    struct mq_attr got;
    CHECK(mq_getattr(q, &got) == 0 && got.mq_maxmsg == 4 && got.mq_msgsize == 64 &&
          got.mq_curmsgs == 0, "mq_getattr %ld %ld", got.mq_maxmsg, got.mq_msgsize);
    CHECK(mq_send(q, "low", 4, 3) == 0 && mq_send(q, "high", 5, 7) == 0, "mq_send x2");
    char buf[64];
    unsigned prio = 0;
    CHECK(mq_receive(q, buf, 10, &prio) == -1 && errno == EMSGSIZE, "small buffer: EMSGSIZE");
    CHECK(mq_receive(q, buf, sizeof buf, &prio) == 5 && prio == 7 && !strcmp(buf, "high"), "highest priority first");
    CHECK(mq_receive(q, buf, sizeof buf, &prio) == 4 && prio == 3, "then the low one");
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_nsec += 30 * 1000 * 1000;
    if (deadline.tv_nsec >= 1000000000) { deadline.tv_sec++; deadline.tv_nsec -= 1000000000; }
    CHECK(mq_timedreceive(q, buf, sizeof buf, NULL, &deadline) == -1 && errno == ETIMEDOUT, "timed receive: ETIMEDOUT");
    signal(SIGUSR1, on_usr1);
    struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1 };
    CHECK_HOSTDEP(mq_notify(q, &ev) == 0, "mq_notify SIGEV_SIGNAL");
    CHECK_HOSTDEP(mq_notify(q, &ev) == -1 && errno == EBUSY, "second registration: EBUSY");
    CHECK(mq_send(q, "ping", 5, 1) == 0, "send to wake the notification");
    for (int i = 0; i < 100 && !notified; i++)
        usleep(1000);
    CHECK_HOSTDEP(notified == SIGUSR1, "notification signal delivered");
    struct mq_attr nb = { .mq_flags = O_NONBLOCK }, old;
    CHECK(mq_setattr(q, &nb, &old) == 0 && old.mq_flags == 0, "mq_setattr O_NONBLOCK");
    CHECK(mq_receive(q, buf, sizeof buf, NULL) == 5, "receive the ping");
    CHECK(mq_receive(q, buf, sizeof buf, NULL) == -1 && errno == EAGAIN, "empty + O_NONBLOCK: EAGAIN");
    CHECK(mq_getattr(q, &got) == 0 && (got.mq_flags & O_NONBLOCK), "O_NONBLOCK reported");
    CHECK(mq_close(q) == 0 && mq_unlink(name) == 0, "close and unlink");
    CHECK(mq_unlink(name) == -1 && errno == ENOENT, "unlink again: ENOENT");
}

int main(void)
{
    test_msg();
    test_sem();
    test_shm();
    test_mq();
    printf("%s\n", failures ? "FAILED" : "all passed");
    return failures != 0;
}
