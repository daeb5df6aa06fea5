/**
 * Minimal sample props of a generated class, from the type tables: every required property with
 * a value its type accepts (the first literal of an enum, the lowest allowed integer, a string
 * of a fitting length that matches the pattern). Where no candidate string fits a pattern, or
 * the value is sensitive, the sample is a parameter's value (`unknown` gives it): a value known
 * only at deployment, which validation skips as it skips any parameter.
 */
import { isSecret } from './module-writer.js';
import { follow, READ_ONLY, REQUIRED, type ResourceTypeEntry, type TypeGraph, type TypeNode, type TypeProperty } from '../../lib/synth/validate/type-nodes.js';

/** Makes a deployment-time value: `secure` for a sensitive string. */
export type UnknownValue = (secure: boolean) => unknown;

/** Strings tried, in order, against a string type's pattern and length. */
const CANDIDATES = ['sample', 'sample1', 'default', 'a', 'abc', 'Sample1', 'sample-1', '1', '10', 'a1', 'samplename', 'sample_1', 'Sample', 'current',
  '00000000-0000-0000-0000-000000000000', '2026-01-01', '2026-01-01T00:00:00Z', 'P1D', '10.0.0.0/24', '10.0.0.1', 'a.b', 'https://example.com', 'sample@example.com'];

/** The names synthesis takes for secrets whatever the tables say (lib/synth/resolve.ts). */
const SECRET_KEY = /(password|secret|passphrase|sharedkey|accountkey|connectionstring)$/i;

/** The sample props of `entry` (the envelope's location and parent are the caller's). */
export function sampleProps(graph: TypeGraph, entry: ResourceTypeEntry, unknown: UnknownValue): Record<string, unknown> {
  const body = graph.nodes[entry.body];
  const out = sample(graph, body, unknown, 0) as Record<string, unknown>;
  delete out.location;
  const name = body.$type === 'ObjectType' ? body.properties.name : body.$type === 'DiscriminatedObjectType' ? body.baseProperties.name : undefined;
  if (name && follow(graph, name.type).$type === 'StringLiteralType') delete out.name; // the class's fixed default
  return out;
}

function sample(graph: TypeGraph, node: TypeNode, unknown: UnknownValue, depth: number): unknown {
  switch (node.$type) {
    case 'StringType':
      return node.sensitive ? unknown(true) : sampleString(node) ?? unknown(false);
    case 'StringLiteralType':
      return node.value;
    case 'IntegerType':
      return node.minValue ?? (node.maxValue !== undefined ? Math.min(1, node.maxValue) : 1);
    case 'BooleanType':
      return true;
    case 'AnyType':
      return {};
    case 'NullType':
      return null;
    case 'ArrayType': {
      const item = follow(graph, node.itemType);
      return Array.from({ length: node.minLength ?? 0 }, () => sample(graph, item, unknown, depth + 1));
    }
    case 'UnionType':
      return sample(graph, follow(graph, node.elements[0]), unknown, depth + 1);
    case 'ObjectType':
      return required(graph, node.properties, unknown, depth);
    case 'DiscriminatedObjectType': {
      const [value, ref] = Object.entries(node.elements)[0];
      const element = follow(graph, ref);
      const own = element.$type === 'ObjectType' ? required(graph, element.properties, unknown, depth) : {};
      return { ...required(graph, node.baseProperties, unknown, depth), ...own, [node.discriminator]: value };
    }
  }
}

function required(graph: TypeGraph, properties: Readonly<Record<string, TypeProperty>>, unknown: UnknownValue, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (depth > 12) return out;
  for (const [key, p] of Object.entries(properties)) {
    if (!(p.flags & REQUIRED) || p.flags & READ_ONLY) continue;
    const target = follow(graph, p.type);
    const secret = isSecret(key, p, target) || (target.$type === 'StringType' && SECRET_KEY.test(key));
    out[key] = secret ? unknown(true) : sample(graph, target, unknown, depth + 1);
  }
  return out;
}

function sampleString(node: Extract<TypeNode, { $type: 'StringType' }>): string | undefined {
  let pattern: RegExp | undefined;
  try {
    pattern = node.pattern === undefined ? undefined : new RegExp(node.pattern);
  } catch {
    pattern = undefined; // validation skips a pattern JS cannot compile, as Bicep does
  }
  const min = node.minLength ?? 0;
  const max = node.maxLength ?? Infinity;
  const fits = (s: string) => s.length >= min && s.length <= max && (!pattern || pattern.test(s));
  for (const c of CANDIDATES) if (fits(c)) return c;
  for (const c of ['a', 'sample', '1']) {
    const padded = c.repeat(Math.ceil(Math.max(min, 1) / c.length)).slice(0, Math.max(min, 1));
    if (fits(padded)) return padded;
  }
  return undefined;
}
