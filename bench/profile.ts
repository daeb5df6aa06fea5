/**
 * Where one `azcdk synth` of the bench app spends its time and allocates its memory:
 *   node dist/bench/profile.js [--n 20000] [--keep DIR]
 * Runs the synth three times: under V8's CPU profiler (`--cpu-prof`), under its sampling heap
 * profiler (bench/heap-sampling.ts: every allocation, freed or not) and with `--trace-gc`; prints CPU time by category (GC, azcdk's folders, the
 * `constructs` library, Node internals), the functions with the most time of their own and the
 * most time including their callees, the bytes allocated by the same groupings, V8's heap spaces
 * at exit, and the collections with the heap's high points. The
 * profiles are written to a temporary folder (kept with --keep DIR, to open them in Chrome's
 * DevTools or speedscope). One process each, so the numbers carry the machine's noise: read
 * shares, not milliseconds.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const n = Number(flag('--n', '20000'));
const keep = flag('--keep', '');
const TOP = 15;

interface CallFrame { readonly functionName: string; readonly url: string; readonly lineNumber: number }
interface ProfileNode { readonly id: number; readonly callFrame: CallFrame; readonly children?: number[]; readonly hitCount?: number }
interface CpuProfile { readonly nodes: ProfileNode[]; readonly samples: number[]; readonly timeDeltas: number[] }
interface HeapNode { readonly callFrame: CallFrame; readonly selfSize: number; readonly children: HeapNode[] }

/** Runs the bench app's synth with `--trace-gc`; summarizes the collections and the heap's high points. */
function gcTrace(): string {
  const out = mkdtempSync(join(tmpdir(), 'azcdk-profile-out-'));
  try {
    const result = spawnSync('node', ['--trace-gc', 'dist/bin/azcdk.js', 'synth', '--app', 'dist/bench/bench-app.js', '--out', out], {
      cwd: root, env: { ...process.env, AZCDK_BENCH_N: String(n) }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) throw new Error(`synth with --trace-gc failed:\n${result.stderr}`);
    const events = [...result.stdout.matchAll(/(\d+) ms: (Scavenge|Mark-Compact|Minor Mark-Compact)[^\d]*([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB, ([\d.]+)/g)]
      .map((m) => ({ at: Number(m[1]), kind: m[2], before: Number(m[3]), reserved: Math.max(Number(m[4]), Number(m[6])), after: Number(m[5]), pause: Number(m[7]) }));
    const count = (kind: string) => events.filter((e) => e.kind === kind);
    const max = (xs: number[]) => Math.max(0, ...xs).toFixed(1);
    const full = count('Mark-Compact').map((e) => `at ${e.at} ms ${e.before} -> ${e.after} MB`).join(', ');
    return [
      `Garbage collection (--trace-gc, one more run): ${count('Scavenge').length} scavenges (${events.filter((e) => e.kind === 'Scavenge').reduce((a, e) => a + e.pause, 0).toFixed(0)} ms of pauses), ` +
        `${count('Mark-Compact').length} full collections (${full || 'none'})`,
      `  heap used at most ${max(events.map((e) => e.before))} MB, reserved at most ${max(events.map((e) => e.reserved))} MB; ` +
        `after a scavenge at most ${max(count('Scavenge').map((e) => e.after))} MB (what survived to the old generation, dead or alive, until a full collection)`,
    ].join('\n');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Runs the bench app's synth with the given profiler flags; returns the profile file. */
function profiled(profilerFlags: string[], dir: string, extension: string, env: NodeJS.ProcessEnv = {}): string {
  const out = mkdtempSync(join(tmpdir(), 'azcdk-profile-out-'));
  try {
    const result = spawnSync('node', [...profilerFlags, 'dist/bin/azcdk.js', 'synth', '--app', 'dist/bench/bench-app.js', '--out', out], {
      cwd: root, env: { ...process.env, ...env, AZCDK_BENCH_N: String(n) }, encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`profiled synth failed:\n${result.stderr}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const file = readdirSync(dir).find((f) => f.endsWith(extension));
  if (!file) throw new Error(`no ${extension} file in ${dir}`);
  return join(dir, file);
}

/**
 * Who a frame's cost belongs to: a built-in (`join`, `Map`, `push`: no script, no parentheses)
 * counts for the JavaScript function that called it; `(garbage collector)` and the like stay.
 */
function ownerOf(frame: CallFrame, caller: CallFrame | undefined): CallFrame {
  return !frame.url && !frame.functionName.startsWith('(') && caller ? caller : frame;
}

/** A place in the code, grouped: `lib/synth/arm-template.ts`-like paths, a package, or a V8 category. */
function groupOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return `package ${modules[1]}`;
  const ours = /\/dist\/((?:lib|bin|bench)\/.*)\.js$/.exec(url);
  if (ours) return ours[1].replace(/\/[^/]+$/, '/');
  return url;
}

function labelOf(frame: CallFrame): string {
  const file = frame.url.replace(/^.*\/dist\//, '').replace(/^.*node_modules\//, '');
  return `${frame.functionName || '(anonymous)'} ${file ? `${file}:${frame.lineNumber + 1}` : ''}`.trim();
}

function table(title: string, unit: string, total: number, rows: Array<[string, number]>, limit = TOP): string {
  const lines = [`${title} (total ${format(total, unit)})`];
  for (const [name, value] of rows.sort((a, b) => b[1] - a[1]).slice(0, limit)) {
    lines.push(`  ${((100 * value) / total).toFixed(1).padStart(5)}%  ${format(value, unit).padStart(9)}  ${name}`);
  }
  return lines.join('\n');
}

function format(value: number, unit: string): string {
  return unit === 'ms' ? `${Math.round(value)} ms` : `${(value / 1e6).toFixed(1)} MB`;
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

function summarizeCpu(profile: CpuProfile): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const groups = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  // Each node's own time counts once for every distinct function on its stack (recursion counted once).
  const walk = (node: ProfileNode, onStack: ReadonlySet<string>, caller: CallFrame | undefined): void => {
    const frame = ownerOf(node.callFrame, caller);
    const label = labelOf(frame);
    const stack = new Set(onStack).add(label);
    const t = self.get(node.id) ?? 0;
    if (t) {
      add(groups, groupOf(frame), t);
      add(selfByFunction, label, t);
      for (const l of stack) add(inclusive, l, t);
    }
    for (const child of node.children ?? []) walk(byId.get(child)!, stack, frame);
  };
  walk(profile.nodes[0], new Set(), undefined);
  const interesting = [...inclusive].filter(([label]) => !label.startsWith('(') && !/^\(anonymous\) (bin|node:)/.test(label));
  return [
    table('CPU time by place', 'ms', total, [...groups]),
    table('CPU time of functions, their own', 'ms', total, [...selfByFunction]),
    table('CPU time of functions with their callees', 'ms', total, interesting, 25),
  ].join('\n\n');
}

function summarizeHeap(head: HeapNode): string {
  const groups = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  const walk = (node: HeapNode, caller: CallFrame | undefined): void => {
    const frame = ownerOf(node.callFrame, caller);
    if (node.selfSize) {
      total += node.selfSize;
      add(groups, groupOf(frame), node.selfSize);
      add(byFunction, labelOf(frame), node.selfSize);
    }
    for (const child of node.children) walk(child, frame);
  };
  walk(head, undefined);
  return [
    table('Bytes allocated by place (sampled every 32 KB, freed since or not)', 'MB', total, [...groups]),
    table('Bytes allocated by function', 'MB', total, [...byFunction]),
  ].join('\n\n');
}

interface Spaces {
  readonly maxRss: number;
  readonly memory: NodeJS.MemoryUsage;
  readonly spaces: ReadonlyArray<{ readonly space: string; readonly size: number; readonly used: number }>;
}

/** What the process holds at exit against its peak: V8's spaces (reserved and used), the rest of RSS. */
function summarizeSpaces(s: Spaces): string {
  const mb = (x: number) => `${(x / 1e6).toFixed(1)} MB`;
  const lines = [
    `Memory at exit (same run): peak RSS ${mb(s.maxRss)}; RSS now ${mb(s.memory.rss)}, V8 heap reserved ${mb(s.memory.heapTotal)}, ` +
      `used ${mb(s.memory.heapUsed)}, outside the heap (buffers, strings' backing) ${mb(s.memory.external + s.memory.arrayBuffers)}`,
  ];
  for (const space of s.spaces.filter((x) => x.size > 0)) lines.push(`  ${space.space.padEnd(24)} reserved ${mb(space.size).padStart(9)}  used ${mb(space.used).padStart(9)}`);
  return lines.join('\n');
}

const dir = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'azcdk-profile-'));
try {
  const cpuDir = join(dir, 'cpu');
  const heapDir = join(dir, 'heap');
  mkdirSync(cpuDir, { recursive: true });
  mkdirSync(heapDir, { recursive: true });
  const before = loadavg()[0].toFixed(2);
  const cpu = profiled(['--cpu-prof', `--cpu-prof-dir=${cpuDir}`, '--cpu-prof-interval=500'], cpuDir, '.cpuprofile');
  const heap = profiled(['--import', './dist/bench/heap-sampling.js'], heapDir, '.heapprofile', {
    AZCDK_HEAP_PROFILE: join(heapDir, 'synth.heapprofile'),
  });
  console.log(`azcdk synth of the bench app, N = ${n}, Node ${process.version}, load average ${before} -> ${loadavg()[0].toFixed(2)}\n`);
  console.log(summarizeCpu(JSON.parse(readFileSync(cpu, 'utf8')) as CpuProfile));
  console.log('');
  console.log(summarizeHeap((JSON.parse(readFileSync(heap, 'utf8')) as { head: HeapNode }).head));
  console.log('');
  console.log(summarizeSpaces(JSON.parse(readFileSync(`${heap}.spaces.json`, 'utf8')) as Spaces));
  console.log('');
  console.log(gcTrace());
  if (keep) console.log(`\nprofiles: ${cpu}, ${heap}`);
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
