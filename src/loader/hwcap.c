/*
 * AT_HWCAP / AT_HWCAP2: the one place that says which optional ARM
 * features the guest may rely on. glibc, OpenSSL, libgcc and others pick
 * code paths from these bits, so each one claimed must be implemented by
 * the decoder and executor; bit values are Linux's asm/hwcap.h (ARM).
 */
#include "loader/elf_loader.h"

#define HWCAP_SWP       (1u << 0)   /* SWP/SWPB */
#define HWCAP_HALF      (1u << 1)   /* LDRH/STRH and friends */
#define HWCAP_THUMB     (1u << 2)   /* Thumb and Thumb-2, interworking */
#define HWCAP_FAST_MULT (1u << 4)   /* UMULL/SMULL/UMLAL/SMLAL (64-bit results) */
#define HWCAP_VFP       (1u << 6)   /* VFP scalar arithmetic */
#define HWCAP_EDSP      (1u << 7)   /* ARMv5TE DSP: QADD, SMULxy, LDRD/STRD, PLD */
#define HWCAP_NEON      (1u << 12)  /* Advanced SIMD (ARMv7 + ARMv8 AArch32 crypto) */
#define HWCAP_VFPv3     (1u << 13)  /* VMOV immediate, fixed-point VCVT */
#define HWCAP_TLS       (1u << 15)  /* TPIDRURO via mrc p15, 0, rX, c13, c0, 3 */
#define HWCAP_VFPv4     (1u << 16)  /* fused VFMA/VFMS/VFNMA/VFNMS, half conversions */
#define HWCAP_IDIVA     (1u << 17)  /* SDIV/UDIV in A32 */
#define HWCAP_IDIVT     (1u << 18)  /* SDIV/UDIV in T32 */
#define HWCAP_VFPD32    (1u << 19)  /* d0-d31 */
#define HWCAP_LPAE      (1u << 20)  /* LDRD/STRD and LDREXD/STREXD single-copy atomic */

#define HWCAP2_AES      (1u << 0)   /* AESE/AESD/AESMC/AESIMC */
#define HWCAP2_PMULL     (1u << 1)   /* VMULL.P64 */
#define HWCAP2_SHA1      (1u << 2)   /* SHA1C/P/M/H/SU0/SU1 */
#define HWCAP2_SHA2      (1u << 3)   /* SHA256H/H2/SU0/SU1 */
#define HWCAP2_CRC32     (1u << 4)   /* CRC32B/H/W, CRC32CB/CH/CW */

uint32_t guest_hwcap(void)
{
    return HWCAP_SWP | HWCAP_HALF | HWCAP_THUMB | HWCAP_FAST_MULT | HWCAP_VFP |
           HWCAP_EDSP | HWCAP_NEON | HWCAP_TLS | HWCAP_VFPv3 | HWCAP_VFPv4 |
           HWCAP_IDIVA | HWCAP_IDIVT | HWCAP_VFPD32 | HWCAP_LPAE;
}

/* The ARMv8 AArch32 cryptographic extension and CRC32 (decode_crypto.c,
 * exec/neon_crypto.c; differential-tested against qemu-arm). */
uint32_t guest_hwcap2(void)
{
    return HWCAP2_AES | HWCAP2_PMULL | HWCAP2_SHA1 | HWCAP2_SHA2 | HWCAP2_CRC32;
}
