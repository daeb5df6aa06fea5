/**
 * Runs the synth benchmark: whole `azcdk synth` processes under /usr/bin/time, medians of K runs.
 *   node dist/bench/run.js [--ns 1000,20000,50000] [--runs 5]
 * Prints a Markdown table (wall ms median and range, peak RSS MB median) for azcdk and the floor.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const ns = flag('--ns', '1000,20000,50000').split(',').map(Number);
const runs = Number(flag('--runs', '5'));

interface Sample { wallMs: number; rssMb: number }

function timed(command: string[], env: NodeJS.ProcessEnv): Sample {
  const result = spawnSync('/usr/bin/time', ['-v', ...command], { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed:\n${result.stderr}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(result.stderr)!;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)!;
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  return { wallMs: Math.round(seconds * 1000), rssMb: Math.round(Number(rss[1]) / 1024) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(label: string, n: number, command: (out: string) => string[]): { label: string; n: number; wall: number; min: number; max: number; rss: number } {
  const samples: Sample[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const out = mkdtempSync(join(tmpdir(), 'azcdk-bench-'));
    try {
      const s = timed(command(out), { ...process.env, AZCDK_BENCH_N: String(n) });
      if (i > 0) samples.push(s); // first run warms the file cache
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  const walls = samples.map((s) => s.wallMs);
  return { label, n, wall: median(walls), min: Math.min(...walls), max: Math.max(...walls), rss: median(samples.map((s) => s.rssMb)) };
}

const rows = [];
for (const n of ns) {
  rows.push(measure('azcdk synth', n, (out) => ['node', 'dist/bin/azcdk.js', 'synth', '--app', 'dist/bench/bench-app.js', '--out', out]));
  rows.push(measure('JSON.stringify floor', n, (out) => ['node', 'dist/bench/naive.js', String(n), join(out, 'naive.json')]));
}
console.log(`| config | N | wall median ms (min-max) | peak RSS MB |\n|---|---:|---:|---:|`);
for (const r of rows) console.log(`| ${r.label} | ${r.n} | ${r.wall} (${r.min}-${r.max}) | ${r.rss} |`);
