/*
 * intmix: a CPU-bound integer benchmark in the spirit of CoreMark, written
 * for a32run: linked-list processing (find, reverse, merge sort), integer
 * matrix multiply with bit extraction, a state machine scanning numbers in
 * text, and CRC-16/CRC-32 over the results. The final checksum is printed so
 * runs under different executors can be compared for correctness too.
 *
 * Usage: intmix [ITERATIONS]   (default 1000)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- CRC ---------------------------------------------------------------- */
static uint16_t crc16_update(uint16_t crc, uint8_t data)
{
    for (int i = 0; i < 8; i++) {
        int mix = (crc ^ data) & 1;
        crc >>= 1;
        if (mix)
            crc ^= 0xa001;
        data >>= 1;
    }
    return crc;
}

static uint16_t crc16_u32(uint16_t crc, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        crc = crc16_update(crc, (uint8_t)(v >> (8 * i)));
    return crc;
}

static uint32_t crc32_table[256];
static void crc32_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc32_table[i] = c;
    }
}

static uint32_t crc32_buf(uint32_t crc, const uint8_t *p, size_t n)
{
    crc = ~crc;
    while (n--)
        crc = crc32_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

/* ---- Lists -------------------------------------------------------------- */
struct node {
    struct node *next;
    int16_t key;
    int16_t value;
};

static struct node *list_reverse(struct node *list)
{
    struct node *prev = NULL;
    while (list) {
        struct node *next = list->next;
        list->next = prev;
        prev = list;
        list = next;
    }
    return prev;
}

static struct node *list_find(struct node *list, int16_t key)
{
    while (list && list->key != key)
        list = list->next;
    return list;
}

/* Bottom-up merge sort on value (stable). */
static struct node *list_sort(struct node *list)
{
    int insize = 1;
    for (;;) {
        struct node *p = list, *tail = NULL;
        list = NULL;
        int merges = 0;
        while (p) {
            merges++;
            struct node *q = p;
            int psize = 0;
            for (int i = 0; i < insize && q; i++) {
                psize++;
                q = q->next;
            }
            int qsize = insize;
            while (psize > 0 || (qsize > 0 && q)) {
                struct node *e;
                if (psize == 0) {
                    e = q; q = q->next; qsize--;
                } else if (qsize == 0 || !q || p->value <= q->value) {
                    e = p; p = p->next; psize--;
                } else {
                    e = q; q = q->next; qsize--;
                }
                if (tail)
                    tail->next = e;
                else
                    list = e;
                tail = e;
            }
            p = q;
        }
        tail->next = NULL;
        if (merges <= 1)
            return list;
        insize *= 2;
    }
}

static uint16_t bench_list(struct node *nodes, unsigned count, uint32_t seed, uint16_t crc)
{
    for (unsigned i = 0; i < count; i++) {
        seed = seed * 1664525u + 1013904223u;
        nodes[i].key = (int16_t)i;
        nodes[i].value = (int16_t)(seed >> 16);
        nodes[i].next = i + 1 < count ? &nodes[i + 1] : NULL;
    }
    struct node *list = &nodes[0];
    for (unsigned f = 0; f < 40; f++) {
        struct node *hit = list_find(list, (int16_t)((f * 37) % (count + 10)));
        crc = crc16_u32(crc, hit ? (uint32_t)(uint16_t)hit->value : 0xffffu);
        list = list_reverse(list);
    }
    list = list_sort(list);
    for (struct node *n = list; n; n = n->next)
        crc = crc16_update(crc, (uint8_t)n->value);
    return crc;
}

/* ---- Matrix ------------------------------------------------------------- */
#define MAT_N 24
static uint16_t bench_matrix(int16_t a[MAT_N][MAT_N], int16_t b[MAT_N][MAT_N],
                             int32_t c[MAT_N][MAT_N], uint32_t seed, uint16_t crc)
{
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++) {
            seed = seed * 1664525u + 1013904223u;
            a[i][j] = (int16_t)(seed >> 20);
            b[i][j] = (int16_t)((seed >> 8) & 0xfff) - 2048;
        }
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++) {
            int32_t sum = 0;
            for (int k = 0; k < MAT_N; k++)
                sum += a[i][k] * b[k][j];
            c[i][j] = sum;
        }
    /* Bit extraction and multiply-accumulate on the product. */
    int64_t acc = 0;
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++) {
            int32_t v = c[i][j];
            int32_t bits = (v >> 2) & 0xf;
            acc += (int64_t)bits * ((v >> 5) & 0x7f) + (v < 0 ? -v : v) / (1 + (j & 7));
            crc = crc16_update(crc, (uint8_t)(v ^ (v >> 9)));
        }
    return crc16_u32(crc, (uint32_t)acc ^ (uint32_t)(acc >> 32));
}

/* ---- State machine ------------------------------------------------------ */
enum state { S_START, S_INT, S_FLOAT, S_EXP, S_SCI, S_INVALID, S_COUNT };

static enum state next_state(enum state s, char c)
{
    int digit = c >= '0' && c <= '9';
    switch (s) {
    case S_START:
        if (digit) return S_INT;
        if (c == '+' || c == '-') return S_START;
        if (c == '.') return S_FLOAT;
        return S_INVALID;
    case S_INT:
        if (digit) return S_INT;
        if (c == '.') return S_FLOAT;
        if (c == 'e' || c == 'E') return S_EXP;
        return S_INVALID;
    case S_FLOAT:
        if (digit) return S_FLOAT;
        if (c == 'e' || c == 'E') return S_EXP;
        return S_INVALID;
    case S_EXP:
        if (digit || c == '+' || c == '-') return S_SCI;
        return S_INVALID;
    case S_SCI:
        return digit ? S_SCI : S_INVALID;
    default:
        return S_INVALID;
    }
}

static uint16_t bench_state(char *text, size_t size, uint32_t seed, uint16_t crc)
{
    static const char alphabet[] = "0123456789+-.eE,5x31.4e-7";
    for (size_t i = 0; i < size; i++) {
        seed = seed * 1664525u + 1013904223u;
        text[i] = (seed >> 27) < 3 ? ',' : alphabet[(seed >> 16) % (sizeof alphabet - 1)];
    }
    unsigned counts[S_COUNT] = { 0 };
    for (int pass = 0; pass < 4; pass++) {
        enum state s = S_START;
        for (size_t i = 0; i < size; i++) {
            if (text[i] == ',') {
                counts[s]++;
                s = S_START;
            } else {
                s = next_state(s, text[i]);
            }
        }
        counts[s]++;
        /* Corrupt a few characters between passes, as CoreMark does. */
        for (size_t i = (size_t)pass; i < size; i += 131)
            text[i] ^= 1;
    }
    for (int i = 0; i < S_COUNT; i++)
        crc = crc16_u32(crc, counts[i]);
    return crc;
}

int main(int argc, char **argv)
{
    unsigned iterations = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 1000;
    enum { LIST_NODES = 600, TEXT_SIZE = 4096 };
    struct node *nodes = malloc(LIST_NODES * sizeof *nodes);
    static int16_t a[MAT_N][MAT_N], b[MAT_N][MAT_N];
    static int32_t c[MAT_N][MAT_N];
    char *text = malloc(TEXT_SIZE);
    crc32_init();
    uint16_t crc = 0;
    uint32_t crc32 = 0;
    for (unsigned it = 0; it < iterations; it++) {
        crc = bench_list(nodes, LIST_NODES, it * 7 + 1, crc);
        crc = bench_matrix(a, b, c, it * 13 + 5, crc);
        crc = bench_state(text, TEXT_SIZE, it * 3 + 11, crc);
        crc32 = crc32_buf(crc32, (const uint8_t *)c, sizeof c);
        crc32 = crc32_buf(crc32, (const uint8_t *)text, TEXT_SIZE);
    }
    printf("intmix: %u iterations, crc16 %04x, crc32 %08x\n", iterations, crc, crc32);
    free(nodes);
    free(text);
    return 0;
}
