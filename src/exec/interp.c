/* STUB: replaced by the executor. */
#include "exec/exec.h"
__thread struct guest_thread *current_guest_thread;
int exec_init(void) { return 0; }
enum exec_exit exec_run(struct guest_thread *thread)
{
    thread->fault = (struct guest_fault){ .signo = 4, .code = 1, .addr = thread->cpu.r[15] };
    return EXEC_EXIT_SIGNAL;
}
void exec_invalidate_range(uint32_t start, uint32_t length) {}
void exec_print_stats(int fd) {}
