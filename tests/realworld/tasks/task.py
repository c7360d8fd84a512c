# tests/realworld: a python3 script over the standard library's pure and C
# modules (no threads): hashing, compression, json, re, struct, sqlite3,
# decimal/fractions, collections, datetime, csv, a subprocess (execve of a
# guest program), files and directories, big integers and floats.
import base64, bz2, collections, csv, datetime, decimal, fractions, hashlib
import io, itertools, json, lzma, math, os, random, re, sqlite3, struct
import subprocess, sys, tempfile, zlib

random.seed(12345)
data = bytes(random.getrandbits(8) for _ in range(50000))
print("sha256", hashlib.sha256(data).hexdigest())
print("md5", hashlib.md5(data).hexdigest(), "blake2b", hashlib.blake2b(data, digest_size=16).hexdigest())
for name, mod in (("zlib", zlib), ("bz2", bz2), ("lzma", lzma)):
    packed = mod.compress(data * 2)
    assert mod.decompress(packed) == data * 2, name
    print(name, "round trip ok")
print("crc32", zlib.crc32(data), "adler32", zlib.adler32(data))
print("b64", base64.b64encode(data[:12]).decode())

obj = {"name": "a32run", "list": [1, 2.5, None, True], "nested": {"k": [x * x for x in range(5)]}}
text = json.dumps(obj, sort_keys=True)
assert json.loads(text) == obj
print("json", text)

words = re.findall(r"\b[a-z]{4,}\b", "the quick brown fox jumps over the lazy dog quick quick brown")
print("re", collections.Counter(words).most_common(2), re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world"))
print("struct", struct.pack("<iHd", -2, 65535, 1.5).hex(), struct.calcsize("P"), struct.unpack(">Q", b"\x01" * 8)[0])

print("bigint", 2**200 % 1000000007, math.factorial(30), pow(3, 10**6, 10**9 + 7))
print("float", math.sqrt(2), 0.1 + 0.2, math.fsum([0.1] * 10), float.fromhex("0x1.8p1"), 1e308 * 10, int(-7.9))
decimal.getcontext().prec = 40
print("decimal", decimal.Decimal(1) / decimal.Decimal(7), fractions.Fraction(3, 4) + fractions.Fraction(5, 6))
print("datetime", datetime.date(2024, 2, 28) + datetime.timedelta(days=2), datetime.datetime(2038, 1, 19, 3, 14, 8).isoformat())

db = sqlite3.connect(":memory:")
db.execute("create table t(k integer primary key, v text)")
db.executemany("insert into t(v) values (?)", [(str(i * i),) for i in range(1000)])
print("sqlite3", db.execute("select count(*), sum(length(v)), max(k) from t").fetchone())

with tempfile.TemporaryDirectory() as d:
    for i in range(5):
        with open(os.path.join(d, f"f{i}.txt"), "w") as f:
            f.write("x" * i * 100)
    os.mkdir(os.path.join(d, "sub"))
    sizes = sorted((e.name, e.stat().st_size) for e in os.scandir(d) if e.is_file())
    print("files", sizes, sorted(os.listdir(d))[-1])
    os.rename(os.path.join(d, "f0.txt"), os.path.join(d, "sub", "g.txt"))
    print("walk", [(os.path.relpath(r, d), sorted(fs)) for r, _, fs in sorted(os.walk(d))])

out = subprocess.run(["sort", "-r"], input="b\na\nc\n", capture_output=True, text=True, check=True)
print("subprocess", out.stdout.split(), subprocess.call(["sh", "-c", "exit 7"]))

buf = io.StringIO()
csv.writer(buf).writerows([["a", "b,c"], [1, 'q"x']])
print("csv", repr(buf.getvalue()), list(csv.reader(io.StringIO(buf.getvalue()))))
print("itertools", list(itertools.islice(itertools.permutations("abcd", 2), 5)), sum(itertools.accumulate(range(100))))
print("sort", sorted(random.sample(range(1000), 10)), random.random())
print("python ok", sys.version_info[:2], sys.maxsize == 2**31 - 1)
