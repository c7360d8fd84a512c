# Interpreter loops: integer arithmetic, list and dict work, string
# formatting. Usage: python3 py_loops.py [N]
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 300000
total = 0
for i in range(n):
    total = (total + i * i ^ (i >> 3)) % 1000000007
squares = [i * i % 1009 for i in range(n)]
counts = {}
for s in squares:
    counts[s] = counts.get(s, 0) + 1
words = ["w%d" % (i % 997) for i in range(n // 4)]
joined = ",".join(sorted(set(words)))
def collatz(k):
    steps = 0
    while k != 1:
        k = k // 2 if k % 2 == 0 else 3 * k + 1
        steps += 1
    return steps
longest = max(range(1, n // 30), key=collatz)
print(f"n={n} total={total} distinct={len(counts)} joined={len(joined)} longest={longest}")
