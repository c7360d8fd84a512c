/*
 * Dynamically linked test program for tests/sysroot/run.sh: exercises
 * ld.so, libc and libm from the sysroot, the exit status, and (with
 * --exe) readlink("/proc/self/exe"), which must name this program.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    volatile double two = 2.0;
    printf("hello from a dynamic program, argc=%d\n", argc);
    for (int i = 1; i < argc; i++)
        printf("argv[%d]=%s\n", i, argv[i]);
    printf("sqrt(2)=%.9f\n", sqrt(two));
    char *copy = strdup("libc");
    printf("%s ok\n", copy);
    free(copy);
    if (argc > 1 && !strcmp(argv[1], "--exe")) {
        char buf[4096];
        ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
        buf[n > 0 ? n : 0] = 0;
        printf("exe=%s\n", buf);
    }
    return 3;
}
