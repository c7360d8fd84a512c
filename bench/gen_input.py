#!/usr/bin/env python3
"""Writes the deterministic compression input of bench/run.sh: text-like
data (words from a fixed vocabulary with Zipf-like frequencies, numbers,
punctuation) mixed with short runs of pseudo-random bytes, so that xz and
gzip do real match finding and entropy coding. Usage: gen_input.py SIZE OUT"""
import sys

size, out = int(sys.argv[1]), sys.argv[2]
state = 0x12345678


def rand():
    global state
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
    return state >> 8


syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "qua", "tri", "an", "el", "or", "us"]
vocab = []
for i in range(4000):
    n = 1 + rand() % 4
    vocab.append("".join(syllables[rand() % len(syllables)] for _ in range(n)))
chunks, total = [], 0
while total < size:
    if rand() % 50 == 0:
        piece = bytes(rand() & 0xFF for _ in range(16 + rand() % 48))
    else:
        words = []
        for _ in range(8 + rand() % 12):
            r = rand() % 1000
            idx = (r * r) // 250 % len(vocab)   # skewed towards the first words
            words.append(vocab[idx] if rand() % 9 else str(rand() % 100000))
        piece = (" ".join(words) + (".\n" if rand() % 3 == 0 else ", ")).encode()
    chunks.append(piece)
    total += len(piece)
with open(out, "wb") as f:
    f.write(b"".join(chunks)[:size])
