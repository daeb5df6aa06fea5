/**
 * Short, readable renderings of ARM names for pictures and listings:
 * `[format('{0}-vnet', parameters('prefix'))]` reads as `{prefix}-vnet`, and
 * `[format('{0}-{1}', 'db', uniqueString(resourceGroup().id))]` as `db-{uniqueString(resourceGroup().id)}`.
 */

/**
 * A readable form of a template `name` value; falls back to the expression itself. With
 * `values`, parameters that have a string, number or boolean value read as that value
 * (`demo-vnet` rather than `{prefix}-vnet`).
 */
export function displayName(name: unknown, values: Readonly<Record<string, unknown>> = {}): string {
  if (typeof name !== 'string') return JSON.stringify(name);
  if (name.startsWith('[[')) return name.slice(1); // an escaped literal
  if (!(name.startsWith('[') && name.endsWith(']'))) return name;
  const expression = name.slice(1, -1).trim();
  return isReadable(expression) ? piece(expression, values) : name;
}

/** Only formats, literals and parameter/variable reads get rewritten; other calls stay as written. */
function isReadable(expression: string): boolean {
  return /^(format|parameters|variables)\(/.test(expression) || /^'.*'$/.test(expression);
}

/** Text for one argument: literals as text, parameters as their value or {name}, formats expanded, anything else as {expression}. */
function piece(expression: string, values: Readonly<Record<string, unknown>>): string {
  const literal = /^'((?:[^']|'')*)'$/.exec(expression);
  if (literal) return literal[1].replace(/''/g, "'");
  const read = /^(parameters|variables)\('([^']*)'\)$/.exec(expression);
  if (read) {
    const value = read[1] === 'parameters' && Object.hasOwn(values, read[2]) ? values[read[2]] : undefined;
    return ['string', 'number', 'boolean'].includes(typeof value) ? String(value) : `{${read[2]}}`;
  }
  const format = /^format\((.*)\)$/s.exec(expression);
  if (format) {
    const [template, ...args] = splitArguments(format[1]);
    const text = template === undefined ? undefined : /^'((?:[^']|'')*)'$/.exec(template)?.[1];
    if (text !== undefined) {
      return text
        .replace(/''/g, "'")
        .replace(/\{\{|\}\}|\{(\d+)\}/g, (m: string, i?: string) => (m === '{{' ? '{' : m === '}}' ? '}' : args[Number(i)] !== undefined ? piece(args[Number(i)], values) : m));
    }
  }
  return `{${expression}}`;
}

/** Splits `a, f(b, c), 'x, y'` at top-level commas. */
function splitArguments(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted; // '' inside a literal toggles twice: still correct
    else if (!quoted && (ch === '(' || ch === '[')) depth++;
    else if (!quoted && (ch === ')' || ch === ']')) depth--;
    else if (!quoted && depth === 0 && ch === ',') {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  args.push(text.slice(start).trim());
  return args;
}
