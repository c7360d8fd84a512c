/*
 * Self-checking (run under a32run only, not compared with qemu-arm, which
 * claims its own feature set): the initial process state a32run gives a
 * static program. Checks the auxv entries the ARM Linux kernel provides and
 * that AT_HWCAP claims exactly what a32run implements (VFPv4 with 32 double
 * registers, integer divide, TLS, LPAE, NEON; AT_HWCAP2: AES, PMULL, SHA1,
 * SHA2, CRC32), uname's machine and
 * the stack alignment.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <asm/hwcap.h>

static int checks, failures;
#define CHECK(cond) do { checks++; if (!(cond)) { failures++; printf("FAILED: %s (line %d)\n", #cond, __LINE__); } else printf("ok: %s\n", #cond); } while (0)

int main(int argc, char **argv, char **envp)
{
    unsigned long hwcap = getauxval(AT_HWCAP);
    CHECK(getauxval(AT_PAGESZ) == 4096);
    CHECK(getauxval(AT_CLKTCK) == 100);
    const char *platform = (const char *)getauxval(AT_PLATFORM);
    CHECK(platform && strcmp(platform, "v7l") == 0);
    const uint8_t *random = (const uint8_t *)getauxval(AT_RANDOM);
    CHECK(random != NULL);
    const char *execfn = (const char *)getauxval(AT_EXECFN);
    CHECK(execfn && strstr(execfn, "check_auxv") != NULL);
    CHECK(getauxval(AT_PHDR) != 0 && getauxval(AT_PHNUM) > 0 && getauxval(AT_PHENT) == 32);
    CHECK(getauxval(AT_ENTRY) != 0);
    CHECK(getauxval(AT_UID) == getuid() && getauxval(AT_EUID) == geteuid());
    CHECK(getauxval(AT_GID) == getgid() && getauxval(AT_EGID) == getegid());
    CHECK(getauxval(AT_SECURE) == 0);
    CHECK((hwcap & HWCAP_VFP) && (hwcap & HWCAP_VFPv3) && (hwcap & HWCAP_VFPv4) && (hwcap & HWCAP_VFPD32));
    CHECK((hwcap & HWCAP_TLS) && (hwcap & HWCAP_IDIVA) && (hwcap & HWCAP_IDIVT));
    CHECK((hwcap & HWCAP_THUMB) && (hwcap & HWCAP_EDSP) && (hwcap & HWCAP_FAST_MULT));
    CHECK(hwcap & HWCAP_NEON);
    unsigned long hwcap2 = getauxval(AT_HWCAP2);
    CHECK((hwcap2 & HWCAP2_AES) && (hwcap2 & HWCAP2_PMULL) && (hwcap2 & HWCAP2_SHA1) &&
          (hwcap2 & HWCAP2_SHA2) && (hwcap2 & HWCAP2_CRC32));
    CHECK((hwcap2 & ~0x1ful) == 0);
    CHECK(!(hwcap & HWCAP_IWMMXT) && !(hwcap & HWCAP_JAVA) && !(hwcap & HWCAP_CRUNCH));

    struct utsname u;
    CHECK(uname(&u) == 0 && strcmp(u.machine, "armv7l") == 0);

    CHECK(argc >= 1 && argv[argc] == NULL);
    CHECK(envp != NULL);
    printf("check_auxv: %d checks, %d failures\n", checks, failures);
    return failures != 0;
}
