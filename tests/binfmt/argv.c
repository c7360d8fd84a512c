/*
 * Guest program of tests/binfmt/run.sh: prints its argv, one per line
 * ("argv[N]=..."), and where /proc/self/exe points, so the test can check
 * what binfmt_misc and a32run together hand to a program run by path.
 */
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    for (int i = 0; i < argc; i++)
        printf("argv[%d]=%s\n", i, argv[i]);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = 0;
    printf("exe=%s\n", exe);
#if defined(__arm__)
    printf("arch=arm\n");
#else
    printf("arch=other\n");
#endif
    return 0;
}
