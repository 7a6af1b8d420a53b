// chronicle — bench-time comparison point: chrono-node 2.x over the same
// text as build/timetag. Usage: node chrono_bench.js FILE YYYY-MM-DD
// Parses paragraph by paragraph (blank-line separated) with chrono.parse(text,
// ref) after one warm-up pass over the first 2 MB; prints one JSON line with
// wall-clock and CPU-time throughput.
'use strict';
const fs = require('fs');
const path = require('path');
const chrono = require(path.join(__dirname, 'node_modules', 'chrono-node'));

const [file, refArg] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const ref = new Date((refArg || '2024-05-14') + 'T12:00:00Z');
const paras = text.split(/\n\s*\n/);
let warm = 0;
for (const p of paras) {
  chrono.parse(p, ref);
  warm += p.length;
  if (warm > 2e6) break;
}
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
let n = 0;
for (const p of paras) n += chrono.parse(p, ref).length;
const sec = Number(process.hrtime.bigint() - t0) / 1e9;
const cu = process.cpuUsage(c0);
const cpu = (cu.user + cu.system) / 1e6;
const bytes = Buffer.byteLength(text, 'utf8');
console.log(JSON.stringify({
  bytes, seconds: sec, cpu_seconds: cpu, mb_per_s: bytes / sec / 1e6,
  cpu_mb_per_s: bytes / cpu / 1e6, results: n,
}));
