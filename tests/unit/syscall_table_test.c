/*
 * The syscall table classifies every entry: each line is either a handler
 * (SYSCALL) or a refusal (NOSYS) with a non-empty written reason; numbers
 * are strictly increasing (sorted, no duplicates) and every regular number
 * from 0 to the last is present except the ones ARM never assigned.
 * (scripts/syscall_coverage.py checks the table against the ARM header.)
 */
#include <stdio.h>
#include <string.h>
#include <stdint.h>

struct entry { uint32_t nr; const char *name; const char *reason; int has_handler; };

#define SYSCALL(nr, name, handler, ret, ...) { nr, #name, NULL, 1 },
#define NOSYS(nr, name, reason) { nr, #name, reason, 0 },
static const struct entry table[] = {
#include "linux/syscall_table.h"
};
#undef SYSCALL
#undef NOSYS

int main(void)
{
    int failures = 0, translated = 0, refused = 0;
    size_t n = sizeof table / sizeof table[0];
    for (size_t i = 0; i < n; i++) {
        const struct entry *e = &table[i];
        if (i > 0 && e->nr <= table[i - 1].nr) {
            fprintf(stderr, "entry %s (%u) out of order or duplicated\n", e->name, e->nr);
            failures++;
        }
        if (e->has_handler) {
            translated++;
        } else if (!e->reason || !e->reason[0]) {
            fprintf(stderr, "NOSYS %u %s has no written reason\n", e->nr, e->name);
            failures++;
        } else {
            refused++;
        }
    }
    if (n < 400) {
        fprintf(stderr, "only %zu entries: the ARM EABI table has about 410\n", n);
        failures++;
    }
    printf("syscall table: %zu entries, %d translated, %d refused with a reason\n",
           n, translated, refused);
    return failures ? 1 : 0;
}
