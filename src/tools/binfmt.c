/*
 * binfmt_misc registration for a32run.
 *
 * An entry is one line written to /proc/sys/fs/binfmt_misc/register:
 *   :NAME:M::MAGIC:MASK:INTERPRETER:FLAGS
 * MAGIC/MASK match the first 20 bytes of the ELF header, as qemu's
 * qemu-binfmt-conf.sh does for "arm": ELFCLASS32, little-endian, version 1,
 * any OS/ABI byte, e_type 2 or 3 (ET_EXEC, ET_DYN: the mask's 0xfe ignores
 * bit 0) and e_machine 40 (EM_ARM). The EABI version in e_flags lies past
 * those bytes; a32run itself refuses anything but EABI5 with one line.
 *
 * Flags: F opens the interpreter at registration time, so the entry keeps
 * working inside containers and chroots where the interpreter's path does
 * not exist; P keeps the program's own argv[0] (argv becomes interpreter,
 * program path, original argv[0], args). A process cannot see which flags
 * started it except through AT_FLAGS_PRESERVE_ARGV0 in AT_FLAGS, which
 * Linux provides from 5.12; on older kernels `register` leaves P out, and
 * the guest's argv[0] is then the program path, exactly as in a plain
 * `a32run PATH ARGS` invocation (the same fallback as qemu without P).
 *
 * Options cannot be attached to an entry: a32run started by the kernel
 * reads them from A32RUN_* environment variables.
 */
#include "tools/binfmt.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/auxv.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/utsname.h>

#ifndef AT_FLAGS_PRESERVE_ARGV0
#define AT_FLAGS_PRESERVE_ARGV0 1       /* linux/binfmts.h, Linux 5.12 */
#endif

#define BINFMT_DIR "/proc/sys/fs/binfmt_misc"
#define BINFMT_NAME_MAX 64

/* ELF header bytes 0..19 and the bits of them that must match. */
static const unsigned char arm_elf_magic[20] = {
    0x7f, 'E', 'L', 'F', 0x01, 0x01, 0x01, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
    0x02, 0x00, 0x28, 0x00,
};
static const unsigned char arm_elf_mask[20] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xfe, 0xff, 0xff, 0xff,
};

const char binfmt_usage_text[] =
"binfmt_misc (run ARM programs directly by path; needs root):\n"
"  a32run --binfmt register [--name NAME] [--interpreter PATH]\n"
"                           [--no-preserve-argv0]\n"
"      registers PATH (default: this a32run) for ARM EABI ELF executables\n"
"      (static and dynamic) under NAME (default " BINFMT_DEFAULT_NAME "), flags F\n"
"      (interpreter opened now: works in containers and chroots) and P\n"
"      (argv[0] preserved; Linux 5.12+, left out on older kernels);\n"
"      mounts " BINFMT_DIR " if needed; replaces an entry of that NAME\n"
"  a32run --binfmt unregister [--name NAME]\n"
"  a32run --binfmt status [--name NAME]\n"
"      exit 0 done, 1 error, 2 bad usage, 3 binfmt_misc refused here\n"
"      (no kernel support, or no permission to mount or write it)\n"
"      Programs started this way take options from the A32RUN_* variables.\n";

bool binfmt_started_with_preserved_argv0(void)
{
    return (getauxval(AT_FLAGS) & AT_FLAGS_PRESERVE_ARGV0) != 0;
}

/* Errors that mean "not allowed or not available here", not a bug. */
static bool is_refusal(int err)
{
    return err == EPERM || err == EACCES || err == EROFS || err == ENODEV ||
           err == ENOENT || err == ENOSYS;
}

static int fail_errno(const char *what, int err)
{
    fprintf(stderr, "a32run: binfmt: %s: %s\n", what, strerror(err));
    if (err == EPERM || err == EACCES || err == EROFS)
        fprintf(stderr, "a32run: binfmt: this needs root (CAP_SYS_ADMIN) outside a "
                        "restricted container; in a container, register on the host\n");
    return is_refusal(err) ? BINFMT_EXIT_REFUSED : BINFMT_EXIT_ERROR;
}

/* Makes BINFMT_DIR/register exist, mounting binfmt_misc if needed. */
static int ensure_mounted(void)
{
    if (access(BINFMT_DIR "/register", F_OK) == 0)
        return 0;
    struct stat st;
    if (stat(BINFMT_DIR, &st) != 0) {
        fprintf(stderr, "a32run: binfmt: %s: %s (kernel without binfmt_misc? "
                        "try: modprobe binfmt_misc)\n", BINFMT_DIR, strerror(errno));
        return BINFMT_EXIT_REFUSED;
    }
    if (mount("binfmt_misc", BINFMT_DIR, "binfmt_misc",
              MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) != 0)
        return fail_errno("cannot mount binfmt_misc on " BINFMT_DIR, errno);
    if (access(BINFMT_DIR "/register", F_OK) != 0)
        return fail_errno(BINFMT_DIR "/register", errno);
    fprintf(stderr, "a32run: binfmt: mounted binfmt_misc on %s\n", BINFMT_DIR);
    return 0;
}

/* Writes TEXT to PATH in one write(2), as binfmt_misc requires. */
static int write_control(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    size_t len = strlen(text);
    ssize_t n = write(fd, text, len);
    int err = n < 0 ? errno : 0;
    close(fd);
    if (err)
        return -err;
    return (size_t)n == len ? 0 : -EIO;
}

static bool valid_name(const char *name)
{
    size_t len = strlen(name);
    if (len == 0 || len > BINFMT_NAME_MAX || !strcmp(name, ".") || !strcmp(name, "..") ||
        !strcmp(name, "register") || !strcmp(name, "status"))
        return false;
    for (const char *p = name; *p; p++)
        if (*p == '/' || *p == ':' || *p <= ' ' || *p == 0x7f)
            return false;
    return true;
}

/* P needs AT_FLAGS_PRESERVE_ARGV0 (Linux 5.12) to be recognisable. */
static bool kernel_reports_preserve_argv0(void)
{
    struct utsname u;
    unsigned major = 0, minor = 0;
    if (uname(&u) != 0 || sscanf(u.release, "%u.%u", &major, &minor) != 2)
        return false;
    return major > 5 || (major == 5 && minor >= 12);
}

static void append_hex(char *out, size_t size, const unsigned char *bytes, size_t n)
{
    size_t len = strlen(out);
    for (size_t i = 0; i < n && len + 4 < size; i++, len += 4)
        snprintf(out + len, size - len, "\\x%02x", bytes[i]);
}

struct binfmt_args {
    const char *name;
    const char *interpreter;
    bool preserve_argv0;
};

static int parse_args(int argc, char **argv, bool allow_register_options,
                      struct binfmt_args *a)
{
    a->name = BINFMT_DEFAULT_NAME;
    a->interpreter = NULL;
    a->preserve_argv0 = true;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        const char *value = NULL;
        if (!strcmp(s, "--name") || !strcmp(s, "--interpreter")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "a32run: binfmt: option needs an argument: %s\n", s);
                return BINFMT_EXIT_USAGE;
            }
            value = argv[++i];
        } else if (!strncmp(s, "--name=", 7)) {
            value = s + 7;
            s = "--name";
        } else if (!strncmp(s, "--interpreter=", 14)) {
            value = s + 14;
            s = "--interpreter";
        }
        if (!strcmp(s, "--name")) {
            a->name = value;
        } else if (allow_register_options && !strcmp(s, "--interpreter")) {
            a->interpreter = value;
        } else if (allow_register_options && !strcmp(s, "--no-preserve-argv0")) {
            a->preserve_argv0 = false;
        } else {
            fprintf(stderr, "a32run: binfmt: unknown option for %s: %s\n", argv[0], argv[i]);
            return BINFMT_EXIT_USAGE;
        }
    }
    if (!valid_name(a->name)) {
        fprintf(stderr, "a32run: binfmt: invalid entry name: %s\n", a->name);
        return BINFMT_EXIT_USAGE;
    }
    return BINFMT_EXIT_OK;
}

static int entry_path(char *out, size_t size, const char *name)
{
    int n = snprintf(out, size, "%s/%s", BINFMT_DIR, name);
    return n < 0 || (size_t)n >= size ? -1 : 0;
}

static int do_unregister(const char *name, bool quiet_if_absent)
{
    char path[PATH_MAX];
    entry_path(path, sizeof path, name);
    int r = write_control(path, "-1");
    if (r == -ENOENT) {
        if (quiet_if_absent)
            return BINFMT_EXIT_OK;
        fprintf(stderr, "a32run: binfmt: %s is not registered\n", name);
        return BINFMT_EXIT_ERROR;
    }
    if (r < 0)
        return fail_errno(path, -r);
    return BINFMT_EXIT_OK;
}

static int do_register(const struct binfmt_args *a)
{
    char interpreter[PATH_MAX];
    const char *source = a->interpreter ? a->interpreter : "/proc/self/exe";
    if (!realpath(source, interpreter)) {
        fprintf(stderr, "a32run: binfmt: interpreter %s: %s\n", source, strerror(errno));
        return BINFMT_EXIT_ERROR;
    }
    if (strchr(interpreter, ':') || access(interpreter, X_OK) != 0) {
        fprintf(stderr, "a32run: binfmt: interpreter %s: %s\n", interpreter,
                strchr(interpreter, ':') ? "contains ':'" : strerror(errno));
        return BINFMT_EXIT_ERROR;
    }
    bool preserve = a->preserve_argv0;
    if (preserve && !kernel_reports_preserve_argv0()) {
        fprintf(stderr, "a32run: binfmt: kernel older than 5.12: registering without P "
                        "(guest argv[0] will be the program path)\n");
        preserve = false;
    }

    int status = ensure_mounted();
    if (status != 0)
        return status;
    status = do_unregister(a->name, true);       /* replace, not stack */
    if (status != 0)
        return status;

    char line[PATH_MAX + 512];
    snprintf(line, sizeof line, ":%s:M::", a->name);
    append_hex(line, sizeof line, arm_elf_magic, sizeof arm_elf_magic);
    strncat(line, ":", sizeof line - strlen(line) - 1);
    append_hex(line, sizeof line, arm_elf_mask, sizeof arm_elf_mask);
    size_t len = strlen(line);
    int n = snprintf(line + len, sizeof line - len, ":%s:%s", interpreter, preserve ? "FP" : "F");
    if (n < 0 || (size_t)n >= sizeof line - len) {
        fprintf(stderr, "a32run: binfmt: interpreter path too long\n");
        return BINFMT_EXIT_ERROR;
    }
    int r = write_control(BINFMT_DIR "/register", line);
    if (r < 0)
        return fail_errno("cannot register (" BINFMT_DIR "/register)", -r);
    printf("registered %s: ARM EABI ELF executables run with %s (flags %s)\n",
           a->name, interpreter, preserve ? "F P" : "F");
    return BINFMT_EXIT_OK;
}

static int do_status(const char *name)
{
    if (access(BINFMT_DIR "/register", F_OK) != 0) {
        printf("binfmt_misc is not mounted on %s\n", BINFMT_DIR);
        return BINFMT_EXIT_ERROR;
    }
    char path[PATH_MAX];
    entry_path(path, sizeof path, name);
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("%s: not registered\n", name);
        return BINFMT_EXIT_ERROR;
    }
    printf("%s:\n", name);
    char buf[512];
    while (fgets(buf, sizeof buf, f))
        printf("  %s", buf);
    fclose(f);
    return BINFMT_EXIT_OK;
}

int binfmt_command(int argc, char **argv)
{
    if (argc < 1) {
        fprintf(stderr, "a32run: --binfmt needs register, unregister or status\n");
        return BINFMT_EXIT_USAGE;
    }
    const char *cmd = argv[0];
    bool is_register = !strcmp(cmd, "register");
    if (!is_register && strcmp(cmd, "unregister") && strcmp(cmd, "status")) {
        fprintf(stderr, "a32run: --binfmt: unknown command: %s "
                        "(register, unregister or status)\n", cmd);
        return BINFMT_EXIT_USAGE;
    }
    struct binfmt_args a;
    int status = parse_args(argc, argv, is_register, &a);
    if (status != 0)
        return status;
    if (is_register)
        return do_register(&a);
    if (!strcmp(cmd, "unregister")) {
        if (access(BINFMT_DIR "/register", F_OK) != 0) {
            fprintf(stderr, "a32run: binfmt: binfmt_misc is not mounted: nothing registered\n");
            return BINFMT_EXIT_ERROR;
        }
        status = do_unregister(a.name, false);
        if (status == 0)
            printf("unregistered %s\n", a.name);
        return status;
    }
    return do_status(a.name);
}
