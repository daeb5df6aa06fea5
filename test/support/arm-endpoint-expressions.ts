/**
 * The test ARM endpoint's evaluator for template expressions ("[format('{0}-nsg', parameters('p'))]").
 * Enough of the ARM function library to name resources, resolve dependsOn and compute outputs;
 * an unknown function is an error the endpoint reports as InvalidTemplate, like Azure does.
 *
 * Deliberately independent of lib/deploy's name evaluator: a test double that shares the code
 * under test could not catch its bugs. The one shared piece is uniqueString(), ARM's hash, which
 * its own unit test checks against values from Microsoft's implementation.
 */
import { createHash, randomUUID } from 'node:crypto';
import { uniqueString } from '../../lib/deploy/unique-string.js';

/** What expressions can see. */
export interface EvalContext {
  readonly subscriptionId: string;
  readonly resourceGroup: { readonly name: string; readonly location: string };
  readonly deploymentName: string;
  readonly parameters: Record<string, unknown>;
  readonly variables: Record<string, unknown>;
  /** reference(id): the resource's current state, if it exists. */
  readonly reference?: (id: string) => unknown;
}

/** An expression the endpoint cannot evaluate (unknown function, syntax error). */
export class ExpressionError extends Error {}

/** Evaluates a template value: strings starting with "[" and ending with "]" are expressions. */
export function evaluateValue(value: unknown, ctx: EvalContext): unknown {
  if (typeof value === 'string') {
    if (value.startsWith('[[')) return value.slice(1);
    if (value.startsWith('[') && value.endsWith(']')) return evaluateExpression(value.slice(1, -1), ctx);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => evaluateValue(v, ctx));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluateValue(v, ctx)]));
  }
  return value;
}

/** Evaluates the text between the brackets. */
export function evaluateExpression(text: string, ctx: EvalContext): unknown {
  const parser = new Parser(text);
  const node = parser.parseExpression();
  parser.expectEnd();
  return evaluate(node, ctx);
}

type Node =
  | { kind: 'literal'; value: unknown }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'member'; target: Node; key: Node | string };

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parseExpression(): Node {
    this.skipSpace();
    let node = this.parsePrimary();
    for (;;) {
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === '.') {
        this.pos++;
        node = { kind: 'member', target: node, key: this.parseIdentifier() };
      } else if (c === '[') {
        this.pos++;
        const key = this.parseExpression();
        this.expect(']');
        node = { kind: 'member', target: node, key };
      } else {
        return node;
      }
    }
  }

  expectEnd(): void {
    this.skipSpace();
    if (this.pos !== this.text.length) throw new ExpressionError(`unexpected '${this.text.slice(this.pos)}' in expression '${this.text}'`);
  }

  private parsePrimary(): Node {
    const c = this.text[this.pos];
    if (c === "'") return { kind: 'literal', value: this.parseString() };
    if (c !== undefined && /[-0-9]/.test(c)) {
      const match = /^-?\d+/.exec(this.text.slice(this.pos))!;
      this.pos += match[0].length;
      return { kind: 'literal', value: Number(match[0]) };
    }
    const name = this.parseIdentifier();
    this.skipSpace();
    this.expect('(');
    const args: Node[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ')') {
      this.pos++;
    } else {
      for (;;) {
        args.push(this.parseExpression());
        this.skipSpace();
        if (this.text[this.pos] === ',') { this.pos++; continue; }
        this.expect(')');
        break;
      }
    }
    return { kind: 'call', name, args };
  }

  private parseString(): string {
    let out = '';
    this.pos++;
    for (;;) {
      const c = this.text[this.pos++];
      if (c === undefined) throw new ExpressionError(`unterminated string in expression '${this.text}'`);
      if (c === "'") {
        if (this.text[this.pos] === "'") { out += "'"; this.pos++; continue; }
        return out;
      }
      out += c;
    }
  }

  private parseIdentifier(): string {
    const match = /^[A-Za-z_][\w]*/.exec(this.text.slice(this.pos));
    if (!match) throw new ExpressionError(`expected a name at '${this.text.slice(this.pos)}' in expression '${this.text}'`);
    this.pos += match[0].length;
    return match[0];
  }

  private expect(c: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== c) throw new ExpressionError(`expected '${c}' at position ${this.pos} in expression '${this.text}'`);
    this.pos++;
  }

  private skipSpace(): void {
    while (this.text[this.pos] === ' ') this.pos++;
  }
}

function evaluate(node: Node, ctx: EvalContext): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'member': {
      const target = evaluate(node.target, ctx) as Record<string, unknown> | undefined;
      const key = typeof node.key === 'string' ? node.key : String(evaluate(node.key, ctx));
      if (target === null || typeof target !== 'object') throw new ExpressionError(`cannot read '${key}' of ${JSON.stringify(target)}`);
      // ARM property access is case-insensitive.
      const found = Object.keys(target).find((k) => k.toLowerCase() === key.toLowerCase());
      if (found === undefined) throw new ExpressionError(`the object has no property '${key}'`);
      return target[found];
    }
    case 'call':
      return call(node.name.toLowerCase(), node.args.map((a) => evaluate(a, ctx)), ctx);
  }
}

function call(name: string, args: unknown[], ctx: EvalContext): unknown {
  const str = (i: number) => String(args[i]);
  switch (name) {
    case 'parameters':
      if (!(str(0) in ctx.parameters)) throw new ExpressionError(`the template parameter '${str(0)}' is not found`);
      return ctx.parameters[str(0)];
    case 'variables':
      if (!(str(0) in ctx.variables)) throw new ExpressionError(`the template variable '${str(0)}' is not found`);
      return ctx.variables[str(0)];
    case 'format':
      return str(0).replace(/\{(\d+)(:[^}]*)?\}/g, (_, i: string) => String(args[Number(i) + 1]));
    case 'concat':
      return args.every(Array.isArray) && args.length ? (args as unknown[][]).flat() : args.map(String).join('');
    case 'tolower':
      return str(0).toLowerCase();
    case 'toupper':
      return str(0).toUpperCase();
    case 'string':
      return typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0]);
    case 'int':
      return Number(args[0]);
    case 'equals':
      return JSON.stringify(args[0]) === JSON.stringify(args[1]);
    case 'if':
      return args[0] ? args[1] : args[2];
    case 'true':
      return true;
    case 'false':
      return false;
    case 'uniquestring':
      if (!args.length || args.some((a) => typeof a !== 'string')) throw new ExpressionError('uniqueString() takes one or more strings');
      return uniqueString(...(args as string[]));
    case 'guid': {
      const h = createHash('sha256').update(args.map(String).join('|')).digest('hex');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
    }
    case 'newguid':
      return randomUUID();
    case 'resourcegroup':
      return {
        id: `/subscriptions/${ctx.subscriptionId}/resourceGroups/${ctx.resourceGroup.name}`,
        name: ctx.resourceGroup.name,
        location: ctx.resourceGroup.location,
      };
    case 'subscription':
      return { id: `/subscriptions/${ctx.subscriptionId}`, subscriptionId: ctx.subscriptionId };
    case 'deployment':
      return { name: ctx.deploymentName };
    case 'resourceid':
      return resourceId(args.map(String), ctx);
    case 'reference': {
      const state = ctx.reference?.(str(0));
      if (state === undefined) throw new ExpressionError(`the resource '${str(0)}' is not defined in the template or does not exist`);
      return state;
    }
    default:
      throw new ExpressionError(`the template function '${name}' is not supported by the test ARM endpoint`);
  }
}

/** resourceId([subscriptionId], [resourceGroupName], type, name1, name2...). */
export function resourceId(args: string[], ctx: Pick<EvalContext, 'subscriptionId' | 'resourceGroup'>): string {
  const typeIndex = args.findIndex((a) => a.includes('/'));
  if (typeIndex < 0 || typeIndex > 2) throw new ExpressionError(`resourceId(${args.join(', ')}) has no resource type`);
  const sub = typeIndex === 2 ? args[0] : ctx.subscriptionId;
  const rg = typeIndex >= 1 ? args[typeIndex - 1] : ctx.resourceGroup.name;
  return buildResourceId(sub, rg, args[typeIndex], args.slice(typeIndex + 1));
}

/** `/subscriptions/s/resourceGroups/rg/providers/Ns/t1/n1/t2/n2` from a type and name segments. */
export function buildResourceId(subscriptionId: string, resourceGroup: string, type: string, names: readonly string[]): string {
  const [namespace, ...types] = type.split('/');
  const segments = names.flatMap((n) => n.split('/'));
  if (segments.length !== types.length) {
    throw new ExpressionError(`the resource type '${type}' needs ${types.length} name segment(s), got '${segments.join('/')}'`);
  }
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${namespace}/` + types.map((t, i) => `${t}/${segments[i]}`).join('/');
}
