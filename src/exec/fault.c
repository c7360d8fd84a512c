/*
 * Host SIGSEGV/SIGBUS handler (see fault.h). Runs on an alternate signal
 * stack so that a guest stack overflow or a corrupted host stack still
 * reaches it; it uses only async-signal-safe calls.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exec/fault.h"
#include "exec/exec.h"
#include "mem/guest_mem.h"

void (*exec_external_signal_hook)(int signo, siginfo_t *info, void *ucontext);

#define ALT_STACK_SIZE (128u * 1024u)

static __thread bool thread_has_alt_stack;
static __thread void *thread_alt_stack;
/* What the thread had before (a sanitizer runtime installs its own and
 * unmaps it at thread exit, so it must find it again). */
static __thread stack_t thread_previous_alt_stack;

void exec_fault_thread_setup(void)
{
    if (thread_has_alt_stack)
        return;
    stack_t ss = { .ss_sp = malloc(ALT_STACK_SIZE), .ss_size = ALT_STACK_SIZE, .ss_flags = 0 };
    if (ss.ss_sp && sigaltstack(&ss, &thread_previous_alt_stack) == 0) {
        thread_has_alt_stack = true;
        thread_alt_stack = ss.ss_sp;
    } else {
        free(ss.ss_sp);
    }
}

void exec_fault_thread_teardown(void)
{
    if (!thread_has_alt_stack)
        return;
    stack_t previous = thread_previous_alt_stack;
    if (!previous.ss_sp || previous.ss_size == 0)
        previous = (stack_t){ .ss_sp = NULL, .ss_size = 0, .ss_flags = SS_DISABLE };
    previous.ss_flags &= SS_DISABLE;
    if (sigaltstack(&previous, NULL) == 0) {
        free(thread_alt_stack);
        thread_alt_stack = NULL;
        thread_has_alt_stack = false;
    }
}

static void put_hex(char *p, uintptr_t v)
{
    for (int i = 15; i >= 0; i--) {
        p[i] = "0123456789abcdef"[v & 15];
        v >>= 4;
    }
}

static void report_translator_fault(int signo, const siginfo_t *info, const void *uc)
{
    char line[] = "a32run: internal fault (signal   ) at host pc 0x................ "
                  "address 0x................\n";
    char *sig = strstr(line, "   )");
    sig[1] = (char)('0' + signo / 10);
    sig[2] = (char)('0' + signo % 10);
    put_hex(strstr(line, "pc 0x") + 5, host_signal_context_pc(uc));
    put_hex(strstr(line, "address 0x") + 10, (uintptr_t)info->si_addr);
    if (write(2, line, sizeof line - 1) < 0) {
        /* nothing else to do */
    }
}

static bool guest_fault_address(uintptr_t host, uint32_t *guest)
{
    /* The guard beyond 4 GiB catches accesses that run off the top. */
    if (host < guest_base || host - guest_base >= GUEST_SPACE_SIZE + GUEST_GUARD_SIZE)
        return false;
    *guest = (uint32_t)(host - guest_base);
    return true;
}

static void host_fault_handler(int signo, siginfo_t *info, void *ucontext)
{
    int saved_errno = errno;
    struct guest_thread *t = current_guest_thread;
    uint32_t addr;

    if (info->si_code <= 0) {
        /* Sent by kill() and friends, not a fault. */
        if (exec_external_signal_hook) {
            exec_external_signal_hook(signo, info, ucontext);
            errno = saved_errno;
            return;
        }
        signal(signo, SIG_DFL);
        raise(signo);
        return;
    }
    if (t && t->in_guest_code &&
        guest_fault_address((uintptr_t)info->si_addr, &addr)) {
        if (signo == SIGSEGV && info->si_code == SEGV_ACCERR &&
            guest_mem_handle_code_write(addr)) {
            errno = saved_errno;
            return;     /* code page made writable: retry the access */
        }
        uint8_t flags = guest_page_flags ? guest_page_flags[addr >> GUEST_PAGE_SHIFT] : 0;
        if (signo == SIGBUS)
            t->fault = (struct guest_fault){ SIGBUS, info->si_code, addr };
        else
            t->fault = (struct guest_fault){
                SIGSEGV, (flags & GPAGE_MAPPED) ? SEGV_ACCERR : SEGV_MAPERR, addr };
        siglongjmp(t->fault_jump, 1);
    }
    report_translator_fault(signo, info, ucontext);
    signal(SIGABRT, SIG_DFL);
    abort();
}

int exec_fault_init(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = host_fault_handler;
    /* SA_NODEFER: the handler leaves by siglongjmp, and exec_run saves no
     * signal mask (that would cost a system call per exec_run), so the
     * handler must not block its own signal. */
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGSEGV, &sa, NULL) < 0 || sigaction(SIGBUS, &sa, NULL) < 0)
        return -1;
    exec_fault_thread_setup();
    return 0;
}
