# a32run build.
#   make                  native build        -> build/a32run
#   make HOST=aarch64     AArch64 cross build -> build-aarch64/a32run
#   make SANITIZE=1       ASan+UBSan build    -> build-asan/a32run
#   make CC=clang         any of the above with clang
#   make test             installs deps, builds everything, runs the suite
#   make demo             installs deps, builds, runs the bundled example
#   make difftest N=... SEED=...   long random-instruction differential test
#   make bench            benchmark report against qemu-arm and native (build-bench/report.md)

NATIVE_ARCH := $(shell uname -m)
HOST ?= $(NATIVE_ARCH)
SANITIZE ?= 0

ifeq ($(HOST),aarch64)
  ifneq ($(NATIVE_ARCH),aarch64)
    CC := aarch64-linux-gnu-gcc
  endif
  BUILD ?= build-aarch64
else
  ifeq ($(SANITIZE),1)
    BUILD ?= build-asan
  else
    BUILD ?= build
  endif
endif

# -frounding-math: the VFP emulation changes the host rounding mode around
# floating-point operations; the compiler must not fold or move them.
CFLAGS_BASE := -std=gnu11 -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter \
               -Isrc -MMD -MP -fno-strict-aliasing -D_GNU_SOURCE -frounding-math
ifeq ($(SANITIZE),1)
  OPTFLAGS ?= -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
              -fno-sanitize-recover=undefined
  LDFLAGS_SAN := -fsanitize=address,undefined
else
  OPTFLAGS ?= -O2 -g
endif
CFLAGS ?=
override CFLAGS := $(CFLAGS_BASE) $(OPTFLAGS) $(CFLAGS)
LDFLAGS ?=
override LDFLAGS += $(LDFLAGS_SAN) -pthread
LDLIBS := -lm

# Shared sources plus the host folder of the target host only.
SHARED_SRCS := $(shell find src -name '*.c' -not -path 'src/host/*' | sort)
HOST_SRCS := $(shell find src/host/$(HOST) -name '*.c' -o -name '*.S' 2>/dev/null | sort)
SRCS := $(SHARED_SRCS) $(HOST_SRCS)
OBJS := $(patsubst %,$(BUILD)/obj/%.o,$(SRCS))

.PHONY: all clean test demo difftest bench deps check-format
all: $(BUILD)/a32run

$(BUILD)/a32run: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

$(BUILD)/obj/%.c.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/obj/%.S.o: %.S
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

-include $(OBJS:.o=.d)

# Host unit tests: each tests/unit/NAME.c is linked with every object except
# main.c into $(BUILD)/unit/NAME and run by tests/run-all.sh.
UNIT_SRCS := $(sort $(wildcard tests/unit/*.c))
UNIT_BINS := $(patsubst tests/unit/%.c,$(BUILD)/unit/%,$(UNIT_SRCS))
LIB_OBJS := $(filter-out $(BUILD)/obj/src/main.c.o,$(OBJS))
.PHONY: unit
unit: $(UNIT_BINS)
$(BUILD)/unit/%: tests/unit/%.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB_OBJS) $(LDLIBS)

clean:
	rm -rf build build-aarch64 build-asan build-clang build-tests build-bench build-difftest*

deps:
	bash scripts/install-deps.sh

test:
	bash scripts/install-deps.sh
	bash tests/run-all.sh

demo:
	bash scripts/install-deps.sh
	bash scripts/demo.sh

N ?= 1000000
SEED ?= 1
difftest:
	bash scripts/install-deps.sh
	$(MAKE) all
	bash tests/difftest/run.sh --n $(N) --seed $(SEED)

# bench also builds a32run for AArch64 (its host-instruction counts run it
# under qemu-aarch64); that build failing only leaves those cells empty.
BENCH_A64_BUILD ?= build-aarch64
bench:
	bash scripts/install-deps.sh
	$(MAKE) all
	-$(MAKE) HOST=aarch64 BUILD=$(BENCH_A64_BUILD) all
	A32RUN=$(BUILD)/a32run A32RUN_A64=$(BENCH_A64_BUILD)/a32run bash bench/run.sh

# Guest system call coverage: every ARM EABI number with its status
# (translated, or refused with the reason written in
# src/linux/syscall_table.h) and the counts; fails if an entry is missing
# or a refusal has no reason.
.PHONY: syscall-coverage
syscall-coverage:
	python3 scripts/syscall_coverage.py

# Real programs from a Debian armhf sysroot (scripts/make-sysroot.sh, cached
# in $(SYSROOT)): tests/sysroot/run.sh and tests/realworld/run.sh
# (check-realworld), CPython's regression modules under a32run and
# qemu-arm (check-python; PYTHON_ARGS=--ci for the short subset).
SYSROOT ?= build-sysroot
REALWORLD_ARGS ?=
PYTHON_ARGS ?=
.PHONY: sysroot check-realworld check-python
sysroot:
	bash scripts/make-sysroot.sh --profile full $(SYSROOT)
check-realworld: all
	bash scripts/install-deps.sh
	bash scripts/make-sysroot.sh --profile full $(SYSROOT)
	status=0; \
	bash tests/sysroot/run.sh $(BUILD)/a32run $(SYSROOT) || status=1; \
	bash tests/realworld/run.sh $(REALWORLD_ARGS) $(BUILD)/a32run $(SYSROOT) || status=1; \
	exit $$status
check-python: all
	bash scripts/install-deps.sh
	bash scripts/make-sysroot.sh --profile full $(SYSROOT)
	bash tests/python/run.sh $(PYTHON_ARGS) $(BUILD)/a32run $(SYSROOT)
