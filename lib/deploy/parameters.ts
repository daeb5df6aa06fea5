/**
 * `--parameters`: `k=v`, `k=@file`, `k=@env:VAR` and `@params.json` (deploymentParameters
 * format), merged over the values synth wrote to `<Stack>.parameters.json`; later arguments
 * win. Values are converted to the template parameter's type. Secure values are collected so
 * the caller can keep them out of every line and file it writes.
 */
import { readFileSync } from 'node:fs';
import { MIN_REDACTABLE_LENGTH } from './redact.js';
import { UsageError } from '../core/errors.js';
import { article } from '../core/text.js';
import { jsonErrorPosition } from '../common/json-position.js';
import type { ParameterValue } from './client.js';

/** A template parameter declaration (the parts we use). */
export interface TemplateParameter {
  readonly type: string;
  readonly defaultValue?: unknown;
  readonly metadata?: { readonly description?: string };
}

/** One `--parameters` value, parsed but not yet matched to a stack. */
interface ParameterArg {
  readonly name: string;
  /** Text to convert to the parameter's type, or a value ready to send. */
  readonly input: { readonly text: string } | { readonly ready: ParameterValue };
  /** Where it came from, for messages: `k=@file`, `--parameters @p.json`, ... */
  readonly source: string;
  /** Given as text on the command line (`k=VALUE`), where shells and npm keep it. */
  readonly inline?: boolean;
}

/** Parsed `--parameters`. */
export interface ParsedParameters {
  readonly args: readonly ParameterArg[];
}

/** Where files and environment variables come from. */
export interface ParameterContext {
  resolve(path: string): string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** True for securestring / secureObject. */
export function isSecureType(type: string): boolean {
  return type.toLowerCase().startsWith('secure');
}

/** Parses every `--parameters` argument (files and environment variables are read here). */
export function parseParameterArgs(raw: readonly string[], ctx: ParameterContext): ParsedParameters {
  const args: ParameterArg[] = [];
  for (const [index, arg] of raw.entries()) {
    if (arg.startsWith('@')) {
      args.push(...readParametersFile(arg.slice(1), ctx));
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq <= 0) {
      // Not echoed: a mistyped argument may be a secret.
      throw new UsageError(`--parameters argument ${index + 1} is not NAME=VALUE, NAME=@FILE, NAME=@env:VAR or @FILE.json.`);
    }
    const name = arg.slice(0, eq);
    const value = arg.slice(eq + 1);
    if (value.startsWith('@env:')) {
      const variable = value.slice(5);
      const text = ctx.env[variable];
      if (text === undefined) throw new UsageError(`--parameters ${name}=@env:${variable}: environment variable ${variable} is not set.`);
      args.push({ name, input: { text }, source: `${name}=@env:${variable}` });
    } else if (value.startsWith('@')) {
      const file = ctx.resolve(value.slice(1));
      // One trailing newline is what `echo secret > file` adds; it is never part of the value.
      const text = readTextFile(file, `--parameters ${name}=${value}`).replace(/\r?\n$/, '');
      args.push({ name, input: { text }, source: `${name}=${value}` });
    } else {
      args.push({ name, input: { text: value }, source: `${name}=...`, inline: true });
    }
  }
  return { args };
}

function readParametersFile(path: string, ctx: ParameterContext): ParameterArg[] {
  const file = ctx.resolve(path);
  const text = readTextFile(file, `--parameters @${path}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON.parse's message: it quotes the text around the error, which may be a password.
    throw new UsageError(`--parameters @${path}: ${file} is not valid JSON (${jsonErrorPosition(text)}). Fix the file; its content is not shown here.`);
  }
  // deploymentParameters format ({$schema, contentVersion, parameters}) or its bare parameters object.
  const obj = json as Record<string, unknown>;
  const params = obj && typeof obj === 'object' && obj.parameters && typeof obj.parameters === 'object' && ('$schema' in obj || 'contentVersion' in obj) ? obj.parameters : obj;
  if (!params || typeof params !== 'object' || Array.isArray(params)) {
    throw new UsageError(`--parameters @${path}: expected {"parameters": {"NAME": {"value": ...}}} (deploymentParameters format).`);
  }
  return Object.entries(params as Record<string, unknown>).map(([name, entry]) => {
    const e = entry as Record<string, unknown> | null;
    if (!e || typeof e !== 'object' || !('value' in e || 'reference' in e)) {
      throw new UsageError(`--parameters @${path}: parameter '${name}' needs {"value": ...} or {"reference": {"keyVault": {"id": ...}, "secretName": ...}}.`);
    }
    return { name, input: { ready: ('reference' in e ? { reference: e.reference } : { value: e.value }) as ParameterValue }, source: `@${path}` };
  });
}

/** A file's text, or a usage error naming the flag and the file (missing, a folder, unreadable). */
function readTextFile(file: string, flag: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${flag}: file ${file} does not exist.`);
    if (code === 'EISDIR') throw new UsageError(`${flag}: ${file} is a folder, not a file. Name the file that holds the value.`);
    throw new UsageError(`${flag}: cannot read ${file} (${code ?? (error as Error).message}). Check its permissions.`);
  }
}

/** The parameters of one stack after merging, and what is still missing. */
export interface StackParameters {
  readonly values: Record<string, ParameterValue>;
  /** Declared without a default and supplied nowhere. */
  readonly missing: readonly string[];
  /** Values of secure parameters (strings as sent), to redact from all output. */
  readonly secrets: readonly string[];
  /** Secure parameters whose value was typed on the command line (`-p NAME=VALUE`). */
  readonly inlineSecure: readonly string[];
}

/**
 * Merges synthesized values, then `--parameters` (in order) for one stack's template.
 * @param synthesized `<Stack>.parameters.json` values
 */
export function parametersForStack(
  declared: Readonly<Record<string, TemplateParameter>>,
  synthesized: Readonly<Record<string, ParameterValue>>,
  parsed: ParsedParameters,
  /** Where the synthesized values come from, for messages. @default 'the parameters file' */
  synthesizedFrom = 'the parameters file',
): StackParameters {
  const values: Record<string, ParameterValue> = {};
  const inlineSecure = new Set<string>();
  for (const [name, v] of Object.entries(synthesized)) {
    if (!(name in declared)) continue;
    if ('value' in v) checkValueType(name, declared[name].type, v.value, synthesizedFrom);
    values[name] = v;
  }
  for (const arg of parsed.args) {
    const decl = declared[arg.name];
    if (!decl) continue; // declared by another stack; unknownParameters() reports names nobody declares
    if (arg.inline && isSecureType(decl.type)) inlineSecure.add(arg.name);
    const value: ParameterValue = 'ready' in arg.input ? arg.input.ready : { value: convert(arg.name, decl.type, arg.input.text, arg.source) };
    if ('value' in value) checkValueType(arg.name, decl.type, value.value, `--parameters ${arg.source}`);
    if ('value' in value) checkSecureValue(arg.name, decl.type, value.value, `--parameters ${arg.source}`);
    values[arg.name] = value;
  }
  const missing = Object.entries(declared)
    .filter(([name, p]) => p.defaultValue === undefined && !(name in values))
    .map(([name]) => name);
  return { values, missing, secrets: secretsOf(declared, values), inlineSecure: [...inlineSecure] };
}

/**
 * Refuses a securestring value that is empty (as an empty answer to the prompt is) or too short
 * to keep out of output by substring without garbling other text (redact.ts).
 * @param where the flag and source, or the prompt, for the message
 */
export function checkSecureValue(name: string, type: string, value: unknown, where: string): void {
  if (type.toLowerCase() !== 'securestring' || typeof value !== 'string') return;
  if (value === '') throw new UsageError(`${where}: secure parameter '${name}' is empty. Give it a value; nothing was deployed.`);
  if (value.length < MIN_REDACTABLE_LENGTH) {
    throw new UsageError(
      `${where}: secure parameter '${name}' has only ${value.length} character${value.length === 1 ? '' : 's'}; azcdk needs at least ${MIN_REDACTABLE_LENGTH} ` +
        `to keep a secret out of its output without garbling other text (Azure's password rules ask for 8 or more anyway).`,
    );
  }
}

/** The template parameter types by the JSON type a value of each must have. */
const JSON_TYPES: Readonly<Record<string, { readonly name: string; readonly test: (v: unknown) => boolean; readonly example: string }>> = {
  string: { name: 'a JSON string', test: (v) => typeof v === 'string', example: '"text"' },
  securestring: { name: 'a JSON string', test: (v) => typeof v === 'string', example: '"text"' },
  int: { name: 'a JSON integer', test: (v) => Number.isInteger(v), example: '128' },
  bool: { name: 'true or false', test: (v) => typeof v === 'boolean', example: 'true' },
  object: { name: 'a JSON object', test: (v) => v !== null && typeof v === 'object' && !Array.isArray(v), example: '{"key": "value"}' },
  secureobject: { name: 'a JSON object', test: (v) => v !== null && typeof v === 'object' && !Array.isArray(v), example: '{"key": "value"}' },
  array: { name: 'a JSON array', test: (v) => Array.isArray(v), example: '["a", "b"]' },
};

/**
 * Refuses a value whose JSON type is not the template parameter's (`"128"` for an int, `1` for a
 * string): Azure would refuse the deployment with "JToken type is not valid" and no parameter
 * name. Secure values are described by their type only.
 * @param where the flag and source, or the file, for the message
 */
export function checkValueType(name: string, type: string, value: unknown, where: string): void {
  const expected = JSON_TYPES[type.toLowerCase()];
  if (!expected || expected.test(value)) return;
  const shown = isSecureType(type) ? '' : ` (${JSON.stringify(value) ?? String(value)})`;
  throw new UsageError(
    `${where}: parameter '${name}' is ${article(type)} ${type}, so its value must be ${expected.name}; it is ${describeJsonType(value)}${shown}. ` +
      `Write it like "${name}": {"value": ${expected.example}}; nothing was deployed.`,
  );
}

function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a number' : 'a number with a fraction';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Values of the secure parameters among `values`. */
export function secretsOf(declared: Readonly<Record<string, TemplateParameter>>, values: Readonly<Record<string, ParameterValue>>): string[] {
  const out: string[] = [];
  for (const [name, v] of Object.entries(values)) {
    if (!declared[name] || !isSecureType(declared[name].type) || !('value' in v)) continue;
    const value = v.value;
    if (typeof value === 'string') out.push(value);
    else if (value !== undefined && value !== null) {
      out.push(JSON.stringify(value));
      collectStrings(value, out);
    }
  }
  return out.filter((s) => s.length > 0);
}

function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => collectStrings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => collectStrings(v, out));
}

/** Names given in `--parameters` that no selected stack declares. */
export function unknownParameters(parsed: ParsedParameters, declaredByStack: ReadonlyArray<Readonly<Record<string, TemplateParameter>>>): string[] {
  return [...new Set(parsed.args.map((a) => a.name))].filter((n) => !declaredByStack.some((d) => n in d));
}

/** Converts text to the template type: int, bool, object/array as JSON, strings as they are. */
export function convert(name: string, type: string, text: string, source: string): unknown {
  const t = type.toLowerCase();
  const secure = isSecureType(t);
  const shown = secure ? '(secure value)' : `'${text}'`;
  if (t === 'int') {
    if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`--parameters ${source}: parameter '${name}' is an int; ${shown} is not an integer.`);
    return Number(text.trim());
  }
  if (t === 'bool') {
    const lower = text.trim().toLowerCase();
    if (lower !== 'true' && lower !== 'false') throw new UsageError(`--parameters ${source}: parameter '${name}' is a bool; use true or false, not ${shown}.`);
    return lower === 'true';
  }
  if (t === 'object' || t === 'array' || t === 'secureobject') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new UsageError(`--parameters ${source}: parameter '${name}' is ${t === 'array' ? 'an array' : 'an object'}; give JSON (e.g. ${name}=@value.json), ${secure ? 'the secure value is not' : `'${text}' is not`} valid JSON.`);
    }
    const ok = t === 'array' ? Array.isArray(value) : value !== null && typeof value === 'object' && !Array.isArray(value);
    if (!ok) throw new UsageError(`--parameters ${source}: parameter '${name}' must be a JSON ${t === 'array' ? 'array' : 'object'}.`);
    return value;
  }
  return text;
}

/** Reads the values of a synthesized `<Stack>.parameters.json`. */
export function synthesizedValues(json: unknown): Record<string, ParameterValue> {
  const params = (json as { parameters?: Record<string, ParameterValue> } | null)?.parameters;
  return params && typeof params === 'object' ? { ...params } : {};
}
