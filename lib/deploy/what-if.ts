/**
 * Rendering what-if results like `az deployment group what-if`: one line per resource with a
 * change symbol, its construct path, and property deltas below Modify lines.
 */
import type { PropertyChange, ResourceChange } from './client.js';
import { parseResourceId, type ResourceMap } from './resource-map.js';
import { SECURE } from './what-if-secrets.js';
import { createOnlyPath, shrunkPath } from '../common/create-only.js';
import { fmtPair } from '../common/value-text.js';

const SYMBOLS: Record<string, string> = { Create: '+', Delete: '-', Modify: '~', Deploy: '!', NoChange: '=', Ignore: '*', Unsupported: 'x', Array: '~', NoEffect: 'x' };
const ORDER = ['Delete', 'Create', 'Modify', 'Deploy', 'Unsupported', 'NoChange', 'Ignore'];

/** Change counts by type, e.g. {Create: 2, NoChange: 1}. */
export function summarize(changes: readonly ResourceChange[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of changes) counts[c.changeType] = (counts[c.changeType] ?? 0) + 1;
  return counts;
}

/** True if deploying would create, change or delete something. */
export function hasChanges(changes: readonly ResourceChange[]): boolean {
  return changes.some((c) => c.changeType !== 'NoChange' && c.changeType !== 'Ignore');
}

/** The lines to print. */
export function renderWhatIf(changes: readonly ResourceChange[], map: ResourceMap): string[] {
  const lines: string[] = [];
  const counts = summarize(changes);
  const sorted = [...changes].sort((a, b) => rank(a.changeType) - rank(b.changeType) || a.resourceId.localeCompare(b.resourceId));
  for (const c of sorted) {
    const parsed = parseResourceId(c.resourceId);
    const described = parsed ? map.describe(parsed) : undefined;
    const label = parsed ? `${parsed.type} ${parsed.name}` : c.resourceId;
    const where = described ? `  (${described})` : '';
    lines.push(`  ${SYMBOLS[c.changeType] ?? '?'} ${c.changeType.padEnd(9)} ${label}${where}${c.unsupportedReason ? `: ${c.unsupportedReason}` : ''}`);
    if (c.changeType === 'Modify' && c.delta) lines.push(...renderDelta(c.delta, '        ', c.before, c.after, { type: parsed?.type ?? '', prefix: '' }));
  }
  const summary = ORDER.filter((t) => counts[t]).map((t) => `${counts[t]} to ${verb(t)}`);
  lines.push(changes.length ? `Resource changes: ${summary.join(', ')}.` : 'Resource changes: none.');
  return lines;
}

/**
 * Property changes, nested. `before` and `after` are the values the delta's paths are relative to
 * (the full resource payloads at the top): they name array elements by their `name` ("0
 * (allow-rdp)", not just "0"), and created or deleted objects are listed property by property.
 */
function renderDelta(delta: readonly PropertyChange[], indent: string, before: unknown, after: unknown, at: DeltaPlace, inArray = false): string[] {
  const out: string[] = [];
  for (const d of delta) {
    const symbol = SYMBOLS[d.propertyChangeType] ?? '?';
    const was = valueAt(before, d.path);
    const is = valueAt(after, d.path);
    const full = inArray ? `${at.prefix}[${d.path}]` : at.prefix ? `${at.prefix}.${d.path}` : d.path;
    const inner: DeltaPlace = { type: at.type, prefix: full };
    const label = inArray ? elementLabel(d.path, d.propertyChangeType === 'Create' ? is ?? d.after : was ?? d.before) : d.path;
    switch (d.propertyChangeType) {
      case 'Create':
      case 'Delete': {
        const value = d.propertyChangeType === 'Create' ? d.after : d.before;
        const leaves = isObject(value) ? flatten(value, '') : [];
        if (leaves.length) {
          out.push(`${indent}${symbol} ${label}:${refusal(at.type, full, d)}`);
          for (const [path, leaf] of leaves) out.push(`${indent}      ${path}: ${short(leaf)}`);
        } else out.push(`${indent}${symbol} ${label}: ${short(value)}${refusal(at.type, full, d)}`);
        break;
      }
      case 'Modify':
        if (d.children?.length) {
          out.push(`${indent}${symbol} ${label}:`);
          out.push(...renderDelta(d.children, indent + '    ', was, is, inner));
        } else out.push(`${indent}${symbol} ${label}: ${shortPair(d.before, d.after).join(' => ')}${refusal(at.type, full, d)}`);
        break;
      case 'Array':
        out.push(`${indent}${symbol} ${label}: [`);
        out.push(...renderDelta(d.children ?? [], indent + '    ', was, is, inner, true));
        out.push(`${indent}  ]`);
        break;
      default:
        out.push(`${indent}${symbol} ${label} (${d.propertyChangeType})`);
    }
  }
  return out;
}

/** Where a delta is: the resource type and the full property path of its parent. */
interface DeltaPlace {
  readonly type: string;
  readonly prefix: string;
}

/**
 * What-if reports a change of a property fixed at creation as an ordinary Modify, and the
 * deployment then fails in Azure: say so beside it (the same table `azcdk diff` uses).
 */
function refusal(type: string, path: string, d: PropertyChange): string {
  const segments = path.split('.');
  if (createOnlyPath(type, segments)) return '  (fixed at creation: Azure refuses this change; the resource must be recreated)';
  if (d.propertyChangeType === 'Modify' && shrunkPath(type, segments, d.before, d.after)) return '  (can only grow: Azure refuses a smaller value)';
  return '';
}

/** An array element's index, with its name when it has one: what tells rules and subnets apart. */
function elementLabel(index: string, element: unknown): string {
  const name = isObject(element) ? element.name : undefined;
  return typeof name === 'string' && name !== SECURE ? `${index} (${name})` : index;
}

/** The value at a what-if path (`properties.subnets[0].name`, or `0` inside an array), or undefined. */
function valueAt(root: unknown, path: string): unknown {
  let value = root;
  for (const segment of path.split(/\.|\[(\d+)\]/).filter((s) => s !== undefined && s !== '')) {
    if (Array.isArray(value) && /^\d+$/.test(segment)) value = value[Number(segment)];
    else if (isObject(value)) value = value[segment];
    else return undefined;
  }
  return value;
}

/** Leaf values of an object by dotted path (array elements as `[i]`), for listing a created or deleted object. */
function flatten(value: unknown, path: string): Array<[string, unknown]> {
  if (isObject(value) && Object.keys(value).length) return Object.entries(value).flatMap(([k, v]) => flatten(v, path ? `${path}.${k}` : k));
  if (Array.isArray(value) && value.some((v) => isObject(v) || Array.isArray(v))) return value.flatMap((v, i) => flatten(v, `${path}[${i}]`));
  return [[path, value]];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function short(value: unknown): string {
  if (value === SECURE) return SECURE;
  // An absent value and one that is undefined are the same: Azure's JSON has no undefined.
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** Both sides of a change: long values are windowed around their first difference, so they never read the same. */
function shortPair(before: unknown, after: unknown): [string, string] {
  if (before === SECURE || after === SECURE || before === undefined || after === undefined) return [short(before), short(after)];
  return fmtPair(before, after, 120);
}

function rank(type: string): number {
  const i = ORDER.indexOf(type);
  return i < 0 ? ORDER.length : i;
}

function verb(type: string): string {
  return ({ Create: 'create', Delete: 'delete', Modify: 'modify', Deploy: 'deploy', NoChange: 'leave unchanged', Ignore: 'ignore', Unsupported: 'skip (unsupported)' } as Record<string, string>)[type] ?? type;
}

/** The JSON written by --what-if-json: changes with construct paths and a summary. */
export function whatIfJson(stack: string, resourceGroup: string, deploymentName: string, changes: readonly ResourceChange[], map: ResourceMap): unknown {
  return {
    stack, resourceGroup, deploymentName,
    summary: summarize(changes),
    changes: changes.map((c) => {
      const parsed = parseResourceId(c.resourceId);
      const match = parsed ? map.locate(parsed) : undefined;
      return { ...c, ...(match ? { constructPath: match.path, matchedBy: match.how } : {}) };
    }),
  };
}
