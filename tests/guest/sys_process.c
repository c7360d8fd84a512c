/*
 * Processes: fork, vfork, wait4 with rusage, waitid's siginfo, exit
 * statuses and death by signal, process groups, sessions, prctl names,
 * priorities. clone is in check_sys_clone.c (qemu-arm gets
 * CLONE_PARENT_SETTID and threads wrong), execve in check_sys_exec.c
 * (qemu-arm cannot exec ARM programs without binfmt_misc). Output is deterministic: no
 * pids, only relations between them.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

extern char **environ;

static void show_status(const char *what, int status)
{
    if (WIFEXITED(status))
        printf("%s: exited %d\n", what, WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        printf("%s: killed by %d\n", what, WTERMSIG(status));
    else
        printf("%s: status 0x%x\n", what, status);
}

static void test_fork(void)
{
    fflush(stdout);
    int pipefd[2];
    if (pipe(pipefd) < 0)
        return;
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        char ok = getppid() == parent ? 'y' : 'n';
        write(pipefd[1], &ok, 1);
        _exit(42);
    }
    char c = '?';
    read(pipefd[0], &c, 1);
    close(pipefd[0]);
    close(pipefd[1]);
    int status;
    struct rusage ru;
    pid_t got = wait4(pid, &status, 0, &ru);
    printf("fork: child saw parent=%c, wait4 same pid=%d\n", c, got == pid);
    show_status("fork child", status);
    printf("wait4 rusage utime sane=%d\n", ru.ru_utime.tv_sec >= 0 && ru.ru_utime.tv_usec < 1000000);
    printf("wait4 no child: %d errno=%d\n", (int)wait4(-1, &status, 0, NULL), errno);
    printf("wait4 bad options: %d errno=%d\n", (int)wait4(-1, &status, 0x100, NULL), errno);
}

static void test_signal_death(void)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        pause();
        _exit(0);
    }
    kill(pid, SIGTERM);
    int status;
    waitpid(pid, &status, 0);
    show_status("killed child", status);

    pid = fork();
    if (pid == 0) {
        raise(SIGUSR1);
        _exit(0);
    }
    waitpid(pid, &status, 0);
    show_status("raise child", status);
}

static void test_vfork(void)
{
    fflush(stdout);
    pid_t pid = vfork();
    if (pid == 0)
        _exit(3);
    int status;
    waitpid(pid, &status, 0);
    show_status("vfork child", status);
}

static void test_waitid(void)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0)
        _exit(9);
    siginfo_t si;
    memset(&si, 0x55, sizeof si);
    int r = waitid(P_PID, (id_t)pid, &si, WEXITED);
    printf("waitid: r=%d signo=%d code=%d status=%d pid ok=%d uid ok=%d\n", r, si.si_signo,
           si.si_code, si.si_status, si.si_pid == pid, si.si_uid == getuid());

    pid = fork();
    if (pid == 0) {
        pause();
        _exit(0);
    }
    memset(&si, 0x55, sizeof si);
    r = waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG);
    printf("waitid nohang: r=%d signo=%d pid=%d\n", r, si.si_signo, si.si_pid);
    kill(pid, SIGKILL);
    r = waitid(P_ALL, 0, &si, WEXITED);
    printf("waitid killed: r=%d code=%d status=%d\n", r, si.si_code, si.si_status);
    printf("waitid none: %d errno=%d\n", waitid(P_ALL, 0, &si, WEXITED), errno);
}

static void test_groups(void)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        pid_t me = getpid();
        int ok1 = setpgid(0, 0) == 0 && getpgrp() == me && getpgid(0) == me;
        pid_t sid = setsid();
        int ok2 = sid == -1 && errno == EPERM;     /* group leader */
        _exit(ok1 * 10 + ok2);
    }
    int status;
    waitpid(pid, &status, 0);
    show_status("pgid child", status);
    pid = fork();
    if (pid == 0) {
        pid_t sid = setsid();
        _exit(sid == getpid() && getsid(0) == sid && getpgrp() == sid ? 1 : 2);
    }
    waitpid(pid, &status, 0);
    show_status("setsid child", status);
    printf("getpgid(bad): %d errno=%d\n", getpgid(999999), errno);
    printf("kill(bad): %d errno=%d\n", kill(999999, 0), errno);
}

static void test_prctl(void)
{
    char name[32] = { 0 };
    prctl(PR_SET_NAME, "a-rather-long-thread-name", 0, 0, 0);
    prctl(PR_GET_NAME, name, 0, 0, 0);
    printf("prctl name: %s\n", name);
    printf("dumpable: %d\n", prctl(PR_GET_DUMPABLE, 0, 0, 0, 0));
    int sig = -1;
    prctl(PR_SET_PDEATHSIG, SIGHUP, 0, 0, 0);
    prctl(PR_GET_PDEATHSIG, &sig, 0, 0, 0);
    printf("pdeathsig: %d\n", sig);
    errno = 0;
    int prio = getpriority(PRIO_PROCESS, 0);
    printf("getpriority: %d errno=%d\n", prio, errno);
    printf("setpriority +1: %d\n", setpriority(PRIO_PROCESS, 0, prio + 1));
    printf("getpriority now: %d\n", getpriority(PRIO_PROCESS, 0) - prio);
    printf("sched_getscheduler: %d\n", sched_getscheduler(0));
    printf("sched_yield: %d\n", sched_yield());
}

int main(void)
{
    test_fork();
    test_signal_death();
    test_vfork();
    test_waitid();
    test_groups();
    test_prctl();
    return 0;
}
