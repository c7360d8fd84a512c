/* The bundled example of `make demo`: a 32-bit ARM program that does a bit
 * of everything the foundation supports (printf of integers and doubles,
 * malloc, qsort) and says where it thinks it runs. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/utsname.h>

#ifdef __thumb__
#define CODE_KIND "Thumb-2"
#else
#define CODE_KIND "A32"
#endif

static int compare(const void *a, const void *b)
{
    return *(const double *)a < *(const double *)b ? -1 : *(const double *)a > *(const double *)b;
}

int main(int argc, char **argv)
{
    struct utsname u;
    uname(&u);
    printf("Hello from a 32-bit ARM program (%s, %s code) on %s.\n",
           u.machine, CODE_KIND, u.sysname);
    double *v = malloc(5 * sizeof *v);
    for (int i = 0; i < 5; i++)
        v[i] = 1.0 / (i + 1) - 0.3;
    qsort(v, 5, sizeof *v, compare);
    printf("sorted:");
    for (int i = 0; i < 5; i++)
        printf(" %.4f", v[i]);
    printf("\nargc=%d argv[0]=%s\n", argc, argv[0]);
    free(v);
    return 0;
}
