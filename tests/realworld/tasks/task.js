// tests/realworld: node (V8) running JavaScript hot enough for V8's JIT
// tiers to compile it (code written and flushed at run time), with
// JSON, Map/Set, classes, closures, typed arrays, BigInt, regex,
// crypto (OpenSSL underneath), Promises/async and a timer.
'use strict';
const crypto = require('crypto');

function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
let hot = 0;
for (let i = 0; i < 200000; i++) hot = (hot + i * i) % 1000003;
console.log('jit', fib(22), hot);

class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  add(o) { return new Point(this.x + o.x, this.y + o.y); }
  toString() { return `(${this.x},${this.y})`; }
}
console.log('class', String([1, 2, 3].map(i => new Point(i, -i)).reduce((a, b) => a.add(b))));
const m = new Map();
for (const w of 'the quick brown fox jumps over the lazy dog the end'.split(' ')) m.set(w, (m.get(w) || 0) + 1);
console.log('map', JSON.stringify([...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3)));
const f64 = new Float64Array(1000).map((_, i) => Math.sqrt(i));
const u8 = new Uint8Array(f64.buffer, 0, 16);
console.log('typed', f64.reduce((a, b) => a + b, 0).toFixed(6), Array.from(u8.slice(8, 16)).join(','));
console.log('bigint', (2n ** 100n).toString(), (123456789n * 987654321n) % 1000000007n);
console.log('regex', 'a1b22c333'.replace(/(\d+)/g, m => `<${m.length}>`), /^(?<y>\d{4})-(?<m>\d\d)$/.exec('2024-02').groups.m);
console.log('json', JSON.stringify({ a: [1, { b: null }], c: 'x"y' }));
console.log('sha256', crypto.createHash('sha256').update('a32run').digest('hex'));
(async () => {
  const v = await new Promise(resolve => setTimeout(() => resolve('timer'), 20));
  console.log('async', v, await Promise.all([1, 2, 3].map(async x => x * 2)));
  console.log('node ok', process.arch);
})();
