/*
 * execve under a sysroot (-L): run by tests/sysroot/exec_sysroot.sh as a
 * dynamically linked program. Each child execs something only the
 * sysroot has or that needs the sysroot's libraries: /bin/bash (a
 * symlinked /bin into usr/bin inside the sysroot), a "#!/bin/bash" script
 * in /tmp (the interpreter found through the sysroot), this program again
 * through /proc/self/exe with an empty environment (the sysroot must be
 * passed on by option, not by A32RUN_SYSROOT), busybox through execveat
 * with a path and with AT_EMPTY_PATH. Prints one line per step; the
 * script compares them. With the argument "native" (run without -L) it
 * execs the host's /bin/sh, which runs natively.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static void run(const char *what, void (*child)(void *), void *arg)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        child(arg);
        printf("%s: exec failed\n", what);
        fflush(stdout);
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        printf("%s: status 0x%x\n", what, status);
}

static void exec_bash(void *arg)
{
    char *argv[] = { "bash", "-c", "echo bash-ok", NULL };
    char *envp[] = { NULL };
    execve("/bin/bash", argv, envp);
}

static void exec_script(void *arg)
{
    char *argv[] = { (char *)arg, "one", NULL };
    char *envp[] = { NULL };
    execve((char *)arg, argv, envp);
}

static void exec_self(void *arg)
{
    char *argv[] = { "renamed", "child", NULL };
    char *envp[] = { NULL };
    execve("/proc/self/exe", argv, envp);
}

static void exec_at_path(void *arg)
{
    char *argv[] = { "busybox", "echo", "execveat-path-ok", NULL };
    char *envp[] = { NULL };
    syscall(SYS_execveat, AT_FDCWD, "/usr/bin/busybox", argv, envp, 0);
}

static void exec_at_fd(void *arg)
{
    char *argv[] = { "busybox", "echo", "execveat-fd-ok", NULL };
    char *envp[] = { NULL };
    int fd = open("/usr/bin/busybox", O_RDONLY);
    syscall(SYS_execveat, fd, "", argv, envp, 0x1000 /* AT_EMPTY_PATH */);
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "native")) {
        /* without -L: the host's /bin/sh is a host program, run natively */
        char *sh_argv[] = { "sh", "-c", "echo native-ok; exit 3", NULL };
        execv("/bin/sh", sh_argv);
        return 126;
    }
    if (argc > 1 && !strcmp(argv[1], "child")) {
        printf("child-ok argv0=%s env=%s\n", argv[0], getenv("A32RUN_SYSROOT") ? "set" : "empty");
        return 0;
    }
    char script[] = "/tmp/a32run-exec-XXXXXX";
    int fd = mkstemp(script);
    const char body[] = "#!/bin/bash\necho script-ok \"$0\" \"$1\" | sed s@/tmp/a32run-exec-......@SCRIPT@\n";
    if (fd < 0 || write(fd, body, sizeof body - 1) != (ssize_t)sizeof body - 1 || fchmod(fd, 0755) < 0)
        return 2;
    close(fd);
    run("bash", exec_bash, NULL);
    run("script", exec_script, script);
    run("self", exec_self, NULL);
    run("execveat-path", exec_at_path, NULL);
    run("execveat-fd", exec_at_fd, NULL);
    unlink(script);
    printf("done\n");
    return 0;
}
