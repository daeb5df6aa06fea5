/**
 * Live progress of a deployment from its operations: type, name, construct path, state and
 * elapsed time per resource. On a terminal the table is redrawn in place; otherwise (CI logs)
 * a plain line is printed whenever an operation starts or changes state, plus a "still
 * running" line when nothing changed for a while.
 */
import type { CliIo } from '../common/console-io.js';
import type { OperationInfo } from './client.js';
import type { ResourceMap } from './resource-map.js';

/** How often the plain view reports operations that are still running. */
const HEARTBEAT_MS = 30_000;

/** Renders operations as they change. */
export class ProgressView {
  private readonly seen = new Map<string, string>();
  private drawn = 0;
  private lastLine: number;

  constructor(
    private readonly io: CliIo,
    private readonly map: ResourceMap,
    private readonly live: boolean,
    private readonly started: number = Date.now(),
    private readonly now: () => number = Date.now,
    /** Terminal width for the live view (lines are cut to fit so each takes one row). */
    private readonly columns: () => number | undefined = () => process.stdout.columns,
    /** Terminal height for the live view (the table never scrolls off, where it could not be redrawn). */
    private readonly rows: () => number | undefined = () => process.stdout.rows,
  ) {
    this.lastLine = now();
  }

  /** Shows the latest list of operations. */
  update(operations: readonly OperationInfo[]): void {
    const ops = operations.filter((o) => o.target?.type || o.error);
    if (this.live) return this.redraw(ops);
    for (const op of ops) {
      const state = op.provisioningState ?? 'Unknown';
      if (this.seen.get(op.operationId) === state) continue;
      this.seen.set(op.operationId, state);
      this.io.out(this.line(op));
      this.lastLine = this.now();
    }
    if (this.now() - this.lastLine >= HEARTBEAT_MS) {
      const running = ops.filter((o) => o.provisioningState === 'Running' || o.provisioningState === 'Accepted');
      this.io.out(`  ... still running after ${formatElapsed(this.now() - this.started)}${running.length ? `: ${running.map((o) => this.label(o)).join(', ')}` : ''}`);
      this.lastLine = this.now();
    }
  }

  private redraw(ops: readonly OperationInfo[]): void {
    const width = this.columns();
    // A line longer than the terminal wraps onto more rows than the cursor moves back over.
    const fit = (l: string) => (width && width > 1 && l.length >= width ? `${l.slice(0, width - 2)}…` : l);
    // Rows that scrolled off the top cannot be moved back over either: when the table is taller
    // than the terminal, finished operations give way to a count (oldest first, if still too tall).
    const height = this.rows();
    const room = height ? Math.max(3, height - 1) - 1 : Infinity; // one row for the elapsed line
    let shown = ops;
    if (ops.length > room) {
      shown = ops.filter((o) => o.provisioningState !== 'Succeeded');
      if (shown.length > room - 1) shown = shown.slice(-(room - 1)); // a row for the count
    }
    const hidden = ops.filter((o) => !shown.includes(o));
    const lines = [
      ...(hidden.length ? [`  … ${hidden.length} more (${countStates(hidden)})`] : []),
      ...shown.map((o) => this.line(o, true)),
      `  elapsed ${formatElapsed(this.now() - this.started)}`,
    ].map(fit);
    // Move up over the previous table and clear it, then draw the new one.
    const prefix = this.drawn ? `\x1b[${this.drawn}A\r\x1b[J` : '';
    lines.forEach((l, i) => this.io.out(i === 0 ? prefix + l : l));
    this.drawn = lines.length;
  }

  /** One operation; `elapsedFirst` (the live view) keeps the time visible when the line is cut to the terminal's width. */
  private line(op: OperationInfo, elapsedFirst = false): string {
    const state = op.provisioningState ?? 'Unknown';
    // Without a target the label is the operation itself (EvaluateDeploymentOutput): no verb.
    const verb = op.target?.type && op.provisioningOperation && op.provisioningOperation !== 'Create' ? `${op.provisioningOperation} ` : '';
    const elapsed = formatElapsed(elapsedOf(op, this.now()));
    return elapsedFirst ? `  ${state.padEnd(10)} ${elapsed.padStart(6)}  ${verb}${this.label(op)}` : `  ${state.padEnd(10)} ${verb}${this.label(op)}  ${elapsed}`;
  }

  private label(op: OperationInfo): string {
    const t = op.target;
    if (!t?.type) return op.provisioningOperation ?? 'operation';
    const where = this.map.describe(t);
    return `${t.type} ${t.name ?? ''}${where ? ` (${where})` : ''}`;
  }
}

/** "9 Succeeded, 1 Failed". */
function countStates(ops: readonly OperationInfo[]): string {
  const counts = new Map<string, number>();
  for (const o of ops) counts.set(o.provisioningState ?? 'Unknown', (counts.get(o.provisioningState ?? 'Unknown') ?? 0) + 1);
  return [...counts].map(([state, n]) => `${n} ${state}`).join(', ');
}

/** Elapsed ms of an operation: its reported duration, or since its timestamp while running. */
export function elapsedOf(op: OperationInfo, now: number): number {
  const running = op.provisioningState === 'Running' || op.provisioningState === 'Accepted';
  if (!running && op.duration) {
    const parsed = parseIsoDuration(op.duration);
    if (parsed !== undefined) return parsed;
  }
  return op.timestamp ? Math.max(0, now - op.timestamp.getTime()) : 0;
}

/** PT1H2M3.5S -> ms. */
export function parseIsoDuration(text: string): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(text);
  if (!m) return undefined;
  const [, d, h, min, s] = m;
  return (((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(min ?? 0)) * 60 + Number(s ?? 0)) * 1000;
}

/** 850ms -> "0.9s", 75000 -> "1m15s". */
export function formatElapsed(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h ? `${h}h${m}m` : `${m}m${s}s`;
}
