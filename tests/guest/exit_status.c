/* Exit status and death by signal must reach the parent as natively:
 * argv[1] selects how this program ends. Without arguments: exit(42). */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
// variants: arm-O2 thumb-O2
int main(int argc, char **argv)
{
    const char *how = argc > 1 ? argv[1] : "exit";
    printf("ending by %s\n", how);
    fflush(stdout);
    if (!strcmp(how, "abort"))
        abort();
    if (!strcmp(how, "segv")) {
        volatile uintptr_t bad = 16;
        *(volatile int *)bad = 1;
    }
    if (!strcmp(how, "kill"))
        raise(SIGTERM);
    return 42;
}
