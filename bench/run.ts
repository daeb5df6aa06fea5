/**
 * Runs the synth benchmark: whole processes under /usr/bin/time, medians of K rounds, azcdk beside
 * AWS CDK and the JSON.stringify floor in the same run.
 *   node dist/bench/run.js [--ns 20000] [--runs 5] [--aws-cdk 2.276.0 | --aws-cdk none] [--aws-cdk-dir DIR]
 *
 * AWS CDK is installed by this script (`npm install aws-cdk-lib@VERSION constructs@...` into a
 * temporary folder, removed at the end; it is not a dependency of azcdk), unless --aws-cdk-dir
 * names a folder where it is installed already. Each round runs every configuration once, in an
 * order that rotates from round to round, so a burst of load on the shared machine falls on all of
 * them; the first round only warms the file cache and is not counted. Prints a Markdown table (wall
 * ms median and range, CPU time (user + system) median, peak RSS MB median and range, output MB),
 * the ratio azcdk / AWS CDK (of the medians, the median of the per-round ratios, and of CPU time,
 * which a loaded machine disturbs less than wall time) and the load average before and after.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const ns = flag('--ns', '20000').split(',').map(Number);
const runs = Number(flag('--runs', '5'));
const awsCdkVersion = flag('--aws-cdk', '2.276.0');
const awsCdkDir = flag('--aws-cdk-dir', '');

/** One timed process. */
interface Sample { readonly wallMs: number; readonly cpuMs: number; readonly rssMb: number; readonly outMb: number }

/** A configuration: how to run it for N resources writing into OUT. */
interface Config { readonly label: string; readonly cwd: string; readonly command: (n: number, out: string) => string[] }

function timed(config: Config, n: number): Sample {
  const out = mkdtempSync(join(tmpdir(), 'azcdk-bench-'));
  try {
    const result = spawnSync('/usr/bin/time', ['-v', ...config.command(n, out)], {
      cwd: config.cwd, env: { ...process.env, AZCDK_BENCH_N: String(n) }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) throw new Error(`${config.label} (N = ${n}) failed:\n${result.stderr}`);
    const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(result.stderr)!;
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)!;
    const cpu = ['User', 'System'].map((kind) => Number(new RegExp(`${kind} time \\(seconds\\): ([\\d.]+)`).exec(result.stderr)![1]));
    const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
    return { wallMs: Math.round(seconds * 1000), cpuMs: Math.round((cpu[0] + cpu[1]) * 1000), rssMb: Math.round(Number(rss[1]) / 1024), outMb: bytesUnder(out) / 1e6 };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? bytesUnder(path) : statSync(path).size;
  }
  return total;
}

/** Installs aws-cdk-lib (and the constructs version azcdk uses) into a fresh folder; returns it. */
function installAwsCdk(version: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'azcdk-bench-aws-cdk-'));
  const constructs = JSON.parse(readFileSync(join(root, 'node_modules/constructs/package.json'), 'utf8')).version as string;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, name: 'azcdk-bench-aws-cdk' }));
  console.error(`installing aws-cdk-lib@${version} constructs@${constructs} into ${dir} ...`);
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `aws-cdk-lib@${version}`, `constructs@${constructs}`], {
    cwd: dir, encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (npm.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`npm install aws-cdk-lib@${version} failed (exit ${npm.status}); pass --aws-cdk none to bench without it.`);
  }
  return dir;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

const configs: Config[] = [
  { label: 'azcdk synth', cwd: root, command: (_n, out) => ['node', 'dist/bin/azcdk.js', 'synth', '--app', 'dist/bench/bench-app.js', '--out', out] },
  { label: 'JSON.stringify floor', cwd: root, command: (n, out) => ['node', 'dist/bench/naive.js', String(n), join(out, 'naive.json')] },
];
let installed: string | undefined;
let awsCdkLabel = '';
if (awsCdkVersion !== 'none') {
  const dir = awsCdkDir ? resolve(awsCdkDir) : (installed = installAwsCdk(awsCdkVersion));
  if (!existsSync(join(dir, 'node_modules/aws-cdk-lib/package.json'))) throw new Error(`--aws-cdk-dir ${dir} has no node_modules/aws-cdk-lib.`);
  copyFileSync(join(root, 'bench/aws-cdk-app.cjs'), join(dir, 'aws-cdk-app.cjs'));
  const version = JSON.parse(readFileSync(join(dir, 'node_modules/aws-cdk-lib/package.json'), 'utf8')).version as string;
  awsCdkLabel = `AWS CDK ${version}, template check off`;
  configs.splice(1, 0, { label: awsCdkLabel, cwd: dir, command: (n, out) => ['node', 'aws-cdk-app.cjs', String(n), out] });
}

try {
  const loadBefore = load();
  const started = new Date().toISOString();
  const lines = [
    '| config | N | wall median ms (min-max) | CPU (user+sys) median ms | peak RSS MB median (min-max) | output MB |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  const ratios: string[] = [];
  for (const n of ns) {
    const samples = new Map<string, Sample[]>(configs.map((c) => [c.label, []]));
    const paired: number[] = [];
    const pairedCpu: number[] = [];
    for (let round = 0; round <= runs; round++) {
      const order = configs.map((_, i) => configs[(i + round) % configs.length]);
      const here = new Map<string, Sample>();
      for (const config of order) here.set(config.label, timed(config, n));
      if (round === 0) continue; // warm-up
      for (const [label, s] of here) samples.get(label)!.push(s);
      if (awsCdkLabel) {
        paired.push(here.get('azcdk synth')!.wallMs / here.get(awsCdkLabel)!.wallMs);
        pairedCpu.push(here.get('azcdk synth')!.cpuMs / here.get(awsCdkLabel)!.cpuMs);
      }
      console.error(`N = ${n}, round ${round}/${runs}: ${[...here].map(([l, s]) => `${l} ${s.wallMs} ms ${s.rssMb} MB`).join('; ')}`);
    }
    for (const config of configs) {
      const s = samples.get(config.label)!;
      const walls = s.map((x) => x.wallMs);
      const rss = s.map((x) => x.rssMb);
      lines.push(`| ${config.label} | ${n} | ${median(walls)} (${Math.min(...walls)}-${Math.max(...walls)}) | ${median(s.map((x) => x.cpuMs))} | ${median(rss)} (${Math.min(...rss)}-${Math.max(...rss)}) | ${median(s.map((x) => x.outMb)).toFixed(1)} |`);
    }
    if (awsCdkLabel) {
      const ours = median(samples.get('azcdk synth')!.map((x) => x.wallMs));
      const theirs = median(samples.get(awsCdkLabel)!.map((x) => x.wallMs));
      ratios.push(
        `N = ${n}: azcdk / AWS CDK = ${(ours / theirs).toFixed(2)} (medians ${ours} / ${theirs} ms); ` +
          `median of the per-round ratios ${median(paired).toFixed(2)} (${Math.min(...paired).toFixed(2)}-${Math.max(...paired).toFixed(2)}); ` +
          `CPU time ratio ${median(pairedCpu).toFixed(2)} (${Math.min(...pairedCpu).toFixed(2)}-${Math.max(...pairedCpu).toFixed(2)})`,
      );
    }
  }
  console.log(`${started}, Node ${process.version}, ${runs} counted rounds after one warm-up, load average (1/5/15 min) ${loadBefore} before, ${load()} after\n`);
  console.log(lines.join('\n'));
  if (ratios.length) console.log(`\n${ratios.join('\n')}`);
} finally {
  if (installed) rmSync(installed, { recursive: true, force: true });
}
