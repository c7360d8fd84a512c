/*
 * safe_syscall(): a pending guest signal set before the call makes it
 * return -GUEST_ERESTARTSYS without entering the kernel; otherwise the raw
 * result (value or -errno) comes back; the host handler's rewind leaves a
 * context outside the stub untouched.
 */
#include <sys/syscall.h>
#include <sys/ucontext.h>
#include <unistd.h>

#include "exec_test_util.h"
#include "exec/fault.h"
#include "linux/safe_syscall.h"

int main(void)
{
    test_setup();
    test_thread.signal_pending = 0;
    CHECK_EQ(safe_syscall(SYS_getpid), (long)getpid());
    CHECK_EQ(safe_syscall(SYS_close, -1), -EBADF);
    CHECK_EQ(safe_syscall(SYS_write, -1, "x", 1), -EBADF);
    test_thread.signal_pending = 1;
    CHECK_EQ(safe_syscall(SYS_getpid), -GUEST_ERESTARTSYS);
    test_thread.signal_pending = 0;
    current_guest_thread = NULL;
    CHECK_EQ(safe_syscall(SYS_getpid), (long)getpid());

    ucontext_t uc;
    memset(&uc, 0, sizeof uc);
    safe_syscall_rewind(&uc);
    CHECK_EQ(host_signal_context_pc(&uc), 0);
    return test_report("signal_safe_syscall_test");
}
