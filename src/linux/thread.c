/*
 * Guest threads (see thread.h).
 *
 * Each guest thread is a host thread (pthread_create), so host thread ids
 * are guest thread ids: tgkill, futexes with TIDs (PI, robust), gettid and
 * /proc/<pid>/task need no translation. Memory, descriptors, cwd and
 * signal dispositions are shared by construction. Thread-local
 * personality state (linux_thread, the signal layer's pending set) is
 * host TLS; the executor's per-thread state lives in struct guest_thread.
 *
 * Creation: the parent blocks every host signal around pthread_create so
 * the child starts with all signals blocked; the child writes the tid
 * requests (CLONE_PARENT_SETTID / CLONE_CHILD_SETTID, both in shared
 * memory), registers itself, posts the start semaphore, and only then
 * installs its guest signal mask on the host and runs guest code. The
 * parent returns the tid after the semaphore, so both tid words are
 * written before either side runs guest code again, as with Linux.
 *
 * Exit: the kernel walks a dying task's robust list and clears/wakes its
 * clear_child_tid word; for a 64-bit host process it can do neither on
 * the 32-bit guest structures, so this module does it. A thread that is
 * not the last one ends its host thread (longjmp back to the start
 * routine; the initial thread, which has no start routine, parks with all
 * signals blocked). The last thread ends the process with the status of
 * the initial thread, as the kernel reports a thread group's exit code
 * from its leader.
 */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/futex.h>
#include <sys/syscall.h>

#include "exec/exec.h"
#include "linux/signal.h"
#include "linux/syscall.h"
#include "linux/thread.h"
#include "mem/guest_mem.h"

/* Guest struct robust_list_head (ARM: three 32-bit words). */
#define ROBUST_HEAD_SIZE 12u
#define ROBUST_LIST_LIMIT 2048      /* the kernel's ROBUST_LIST_LIMIT */
#define GUEST_FUTEX_WAITERS 0x80000000u
#define GUEST_FUTEX_OWNER_DIED 0x40000000u
#define GUEST_FUTEX_TID_MASK 0x3fffffffu

struct thread_entry {
    struct guest_thread *thread;
    struct linux_thread_state *state;   /* the thread's TLS linux_thread */
    pid_t tid;
    bool is_main;
    sigjmp_buf *exit_jump;              /* NULL for the initial thread */
    struct thread_entry *next;
};

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static struct thread_entry *registry;
static int live_threads;
static int main_exit_status;
static __thread struct thread_entry *self_entry;

static void registry_add(struct thread_entry *entry)
{
    pthread_mutex_lock(&registry_lock);
    entry->next = registry;
    registry = entry;
    live_threads++;
    pthread_mutex_unlock(&registry_lock);
}

/* Returns the number of threads left. */
static int registry_remove(struct thread_entry *entry)
{
    pthread_mutex_lock(&registry_lock);
    for (struct thread_entry **pp = &registry; *pp; pp = &(*pp)->next) {
        if (*pp == entry) {
            *pp = entry->next;
            break;
        }
    }
    int left = --live_threads;
    pthread_mutex_unlock(&registry_lock);
    return left;
}

int linux_thread_count(void)
{
    pthread_mutex_lock(&registry_lock);
    int n = live_threads;
    pthread_mutex_unlock(&registry_lock);
    return n;
}

void linux_thread_init_main(struct guest_thread *thread)
{
    static struct thread_entry main_entry;
    if (self_entry)
        return;
    main_entry = (struct thread_entry){ .thread = thread, .state = &linux_thread,
                                        .tid = gettid(), .is_main = true };
    self_entry = &main_entry;
    registry_add(&main_entry);
}

/* ---- robust futex lists and clear_child_tid ---- */

static void host_futex_wake_shared(uint32_t guest_addr, int count)
{
    syscall(SYS_futex, guest_to_host(guest_addr), FUTEX_WAKE, count, NULL, NULL, 0);
}

/* handle_futex_death() of kernel/futex/core.c on a guest word. */
static void futex_death(uint32_t uaddr, pid_t tid, bool pi, bool pending_op)
{
    if ((uaddr & 3u) || !guest_access_ok(uaddr, 4, GUEST_PROT_READ | GUEST_PROT_WRITE))
        return;
    uint32_t *word = guest_to_host(uaddr);
    for (;;) {
        uint32_t value = __atomic_load_n(word, __ATOMIC_SEQ_CST);
        if (pending_op && !pi && value == 0) {
            host_futex_wake_shared(uaddr, 1);
            return;
        }
        if ((value & GUEST_FUTEX_TID_MASK) != (uint32_t)tid)
            return;
        uint32_t dead = (value & GUEST_FUTEX_WAITERS) | GUEST_FUTEX_OWNER_DIED;
        if (__atomic_compare_exchange_n(word, &value, dead, false, __ATOMIC_SEQ_CST,
                                        __ATOMIC_SEQ_CST)) {
            if (!pi && (value & GUEST_FUTEX_WAITERS))
                host_futex_wake_shared(uaddr, 1);
            return;
        }
    }
}

static bool fetch_robust_entry(uint32_t at, uint32_t *entry, bool *pi)
{
    uint32_t word;
    if (guest_copy_from(&word, at, 4) < 0)
        return false;
    *entry = word & ~1u;
    *pi = word & 1u;
    return true;
}

/* exit_robust_list() of the kernel, on the 32-bit guest list. */
static void walk_robust_list(const struct linux_thread_state *state, pid_t tid)
{
    uint32_t head = state->robust_list_head;
    if (!head || state->robust_list_len != ROBUST_HEAD_SIZE)
        return;
    uint32_t entry, pending, offset_word;
    bool pi, pending_pi;
    if (!fetch_robust_entry(head, &entry, &pi) ||
        guest_copy_from(&offset_word, head + 4, 4) < 0 ||
        !fetch_robust_entry(head + 8, &pending, &pending_pi))
        return;
    int32_t futex_offset = (int32_t)offset_word;
    unsigned limit = ROBUST_LIST_LIMIT;
    while (entry != head) {
        uint32_t next;
        bool next_pi;
        bool ok = fetch_robust_entry(entry, &next, &next_pi);
        if (entry != pending)
            futex_death(entry + (uint32_t)futex_offset, tid, pi, false);
        if (!ok)
            return;
        entry = next;
        pi = next_pi;
        if (!--limit)
            break;
    }
    if (pending)
        futex_death(pending + (uint32_t)futex_offset, tid, pending_pi, true);
}

/* mm_release(): clear_child_tid is zeroed and one waiter woken (shared
 * futex, as glibc's pthread_join waits). */
static void clear_child_tid(struct linux_thread_state *state)
{
    uint32_t addr = state->clear_child_tid;
    if (!addr)
        return;
    state->clear_child_tid = 0;
    uint32_t zero = 0;
    if (guest_copy_to(addr, &zero, 4) == 0)
        host_futex_wake_shared(addr, 1);
}

void linux_threads_process_exit(void)
{
    /* Other threads are still running; they die with the process right
     * after this, as in the kernel's group exit. */
    if (pthread_mutex_trylock(&registry_lock) != 0)
        return;
    for (struct thread_entry *e = registry; e; e = e->next)
        walk_robust_list(e->state, e->tid);
    pthread_mutex_unlock(&registry_lock);
}

/* ---- creation ---- */

struct thread_start {
    struct guest_thread *thread;
    struct linux_thread_state state;
    uint32_t flags, parent_tid, child_tid;
    sem_t started;
    pid_t tid;
};

static void *thread_main(void *arg)
{
    struct thread_start *start = arg;
    struct guest_thread *thread = start->thread;
    struct thread_entry entry = { .thread = thread, .state = &linux_thread, .tid = gettid() };
    sigjmp_buf exit_jump;
    entry.exit_jump = &exit_jump;
    linux_thread = start->state;
    current_guest_thread = thread;
    self_entry = &entry;

    uint32_t tid = (uint32_t)entry.tid;
    if (start->flags & GUEST_CLONE_CHILD_SETTID)
        guest_copy_to(start->child_tid, &tid, 4);
    if (start->flags & GUEST_CLONE_PARENT_SETTID)
        guest_copy_to(start->parent_tid, &tid, 4);
    registry_add(&entry);
    start->tid = entry.tid;
    sem_post(&start->started);          /* start is the parent's from here */

    if (sigsetjmp(exit_jump, 0) == 0) {
        signal_mask_changed();
        linux_thread_loop(thread);      /* returns only through exit_jump */
    }
    free(thread);
    return NULL;
}

#define THREAD_REQUIRED (GUEST_CLONE_VM | GUEST_CLONE_SIGHAND | GUEST_CLONE_THREAD)
/* Flags a thread clone may carry. CLONE_FS and CLONE_FILES are required
 * in practice: host threads always share both. */
#define THREAD_ALLOWED (THREAD_REQUIRED | GUEST_CLONE_FS | GUEST_CLONE_FILES | \
                        GUEST_CLONE_SYSVSEM | GUEST_CLONE_SETTLS |                 \
                        GUEST_CLONE_PARENT_SETTID | GUEST_CLONE_CHILD_SETTID |     \
                        GUEST_CLONE_CHILD_CLEARTID | GUEST_CLONE_DETACHED |        \
                        GUEST_CLONE_UNTRACED)

long linux_clone_thread(struct guest_thread *parent, uint32_t flags, uint32_t child_sp,
                        uint32_t parent_tid, uint32_t tls, uint32_t child_tid)
{
    /* The kernel's own consistency rules (copy_process). */
    if ((flags & GUEST_CLONE_THREAD) && !(flags & GUEST_CLONE_SIGHAND))
        return -EINVAL;
    if ((flags & GUEST_CLONE_SIGHAND) && !(flags & GUEST_CLONE_VM))
        return -EINVAL;
    if ((flags & THREAD_REQUIRED) != THREAD_REQUIRED ||
        (flags & ~(THREAD_ALLOWED | GUEST_CSIGNAL)) ||
        !(flags & GUEST_CLONE_FS) || !(flags & GUEST_CLONE_FILES)) {
        linux_report_once("clone", flags,
                          "clone flags 0x%x: shared-memory processes and threads with "
                          "private files/fs are not supported (EINVAL)", flags);
        return -EINVAL;
    }
    if (((flags & GUEST_CLONE_PARENT_SETTID) &&
         !guest_access_ok(parent_tid, 4, GUEST_PROT_WRITE)) ||
        ((flags & GUEST_CLONE_CHILD_SETTID) &&
         !guest_access_ok(child_tid, 4, GUEST_PROT_WRITE)))
        return -EFAULT;

    struct guest_thread *child = calloc(1, sizeof *child);
    if (!child)
        return -ENOMEM;
    child->cpu = parent->cpu;
    child->cpu.r[0] = 0;
    if (child_sp)
        child->cpu.r[13] = child_sp;
    if (flags & GUEST_CLONE_SETTLS)
        child->cpu.tpidruro = tls;
    child->cpu.excl_valid = 0;

    struct thread_start start = { .thread = child, .flags = flags,
                                  .parent_tid = parent_tid, .child_tid = child_tid };
    start.state = linux_thread;
    start.state.clear_child_tid = (flags & GUEST_CLONE_CHILD_CLEARTID) ? child_tid : 0;
    start.state.robust_list_head = 0;
    start.state.robust_list_len = 0;
    /* copy_process: a thread sharing the VM starts without sigaltstack. */
    memset(&start.state.altstack, 0, sizeof start.state.altstack);
    start.state.altstack.ss_flags = GUEST_SS_DISABLE;
    sem_init(&start.started, 0, 0);

    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    uint64_t old;
    signal_block_all_host(&old);
    pthread_t host;
    int err = pthread_create(&host, &attr, thread_main, &start);
    pthread_attr_destroy(&attr);
    if (err == 0) {
        while (sem_wait(&start.started) < 0 && errno == EINTR)
            continue;
    }
    signal_restore_host(old);
    sem_destroy(&start.started);
    if (err) {
        free(child);
        return err == EAGAIN ? -EAGAIN : -err;
    }
    return start.tid;
}

/* ---- exit ---- */

noreturn void linux_thread_exit(struct guest_thread *thread, int status)
{
    struct thread_entry *entry = self_entry;
    walk_robust_list(&linux_thread, gettid());
    if (!entry || linux_thread_count() <= 1)
        linux_exit_group(entry && !entry->is_main ? main_exit_status : status);

    signal_block_all_host(NULL);
    /* Signals this thread took from the process but did not deliver go
     * back to the process for another thread. */
    signal_requeue_recorded();
    if (entry->is_main)
        main_exit_status = status;
    clear_child_tid(&linux_thread);
    exec_thread_exit(thread);
    current_guest_thread = NULL;
    if (registry_remove(entry) == 0)
        linux_exit_group(entry->is_main ? status : main_exit_status);
    if (entry->exit_jump)
        siglongjmp(*entry->exit_jump, 1);
    /* The initial thread has no start routine to return to: it parks, so
     * that the process lives on with its other threads. */
    for (;;)
        pause();
}

void linux_thread_after_fork_child(struct guest_thread *self)
{
    pthread_mutex_t fresh = PTHREAD_MUTEX_INITIALIZER;
    registry_lock = fresh;
    registry = NULL;
    live_threads = 0;
    if (self_entry) {
        self_entry->tid = gettid();
        /* The child's only thread is its leader now. */
        self_entry->is_main = true;
        self_entry->exit_jump = NULL;
        registry_add(self_entry);
    }
    exec_after_fork_child(self);
}

/* clone3(struct clone_args *, size): the same creation paths as clone. The
 * structure has 64-bit fields for every task size; its first version is
 * 64 bytes, later versions add set_tid and cgroup. */
struct guest_clone_args {
    uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
    uint64_t set_tid, set_tid_size, cgroup;
};
_Static_assert(sizeof(struct guest_clone_args) == 88, "struct clone_args");
#define CLONE_ARGS_SIZE_VER0 64u

long sys_clone3(struct guest_thread *thread, const uint32_t *arg)
{
    uint32_t size = arg[1];
    struct guest_clone_args ca;
    memset(&ca, 0, sizeof ca);
    if (size < CLONE_ARGS_SIZE_VER0 || size > 4096)
        return -EINVAL;
    if (guest_copy_from(&ca, arg[0], size < sizeof ca ? size : sizeof ca) < 0)
        return -EFAULT;
    /* Bytes beyond the known structure must be zero (E2BIG otherwise). */
    for (uint32_t at = sizeof ca; at < size; at++) {
        uint8_t byte;
        if (guest_copy_from(&byte, arg[0] + at, 1) < 0)
            return -EFAULT;
        if (byte)
            return -E2BIG;
    }
    if (ca.flags >> 32 || ca.exit_signal > 64 || ca.child_tid >> 32 || ca.parent_tid >> 32 ||
        ca.stack >> 32 || ca.stack_size >> 32 || ca.tls >> 32 ||
        (ca.stack && !ca.stack_size) || (!ca.stack && ca.stack_size))
        return -EINVAL;
    if (ca.set_tid_size || (ca.flags & GUEST_CLONE_PIDFD) || ca.cgroup) {
        linux_report_once("clone3", (uint32_t)ca.flags,
                          "clone3 with pidfd, set_tid or cgroup is not supported (EINVAL)");
        return -EINVAL;
    }
    /* CSIGNAL bits belong in exit_signal with clone3. */
    if (ca.flags & GUEST_CSIGNAL)
        return -EINVAL;
    uint32_t sp = (uint32_t)(ca.stack + ca.stack_size);
    uint32_t clone_arg[5] = { (uint32_t)ca.flags | (uint32_t)ca.exit_signal, sp,
                              (uint32_t)ca.parent_tid, (uint32_t)ca.tls,
                              (uint32_t)ca.child_tid };
    return sys_clone(thread, clone_arg);
}
