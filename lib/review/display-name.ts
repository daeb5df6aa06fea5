/**
 * Short, readable renderings of the manifest's structured resource names (NameValue) for
 * pictures and listings: `{ concat: [{ parameter: 'prefix' }, '-vnet'] }` reads as `{prefix}-vnet`,
 * and format('{0}-{1}', 'db', uniqueString(resourceGroup().id)) as `db-{uniqueString(resourceGroup().id)}`.
 * Nothing here parses template expressions: a name given as an `[expression]` string (a
 * template's, or a manifest written by an older azcdk) is shown as it is.
 */

/**
 * A readable form of a name. With `values`, parameters that have a string, number or boolean
 * value read as that value (`demo-vnet` rather than `{prefix}-vnet`).
 */
export function displayName(name: unknown, values: Readonly<Record<string, unknown>> = {}): string {
  if (typeof name === 'string') return name;
  return piece(name, values);
}

type Structured = Record<string, unknown>;

/** Text for one part: literals as text, parameters as their value or {name}, formats expanded, anything else as {expression}. */
function piece(value: unknown, values: Readonly<Record<string, unknown>>): string {
  if (value === null || typeof value !== 'object') return String(value);
  const v = value as Structured;
  if (typeof v.parameter === 'string') {
    const given = Object.hasOwn(values, v.parameter) ? values[v.parameter] : undefined;
    return ['string', 'number', 'boolean'].includes(typeof given) ? String(given) : `{${v.parameter}}`;
  }
  if (typeof v.variable === 'string') return `{${v.variable}}`;
  if (Array.isArray(v.concat)) return v.concat.map((p) => piece(p, values)).join('');
  if (v.call === 'format' && Array.isArray(v.args) && typeof v.args[0] === 'string') {
    const args = v.args.slice(1);
    return v.args[0].replace(/\{\{|\}\}|\{(\d+)\}/g, (m: string, i?: string) =>
      m === '{{' ? '{' : m === '}}' ? '}' : args[Number(i)] !== undefined ? piece(args[Number(i)], values) : m);
  }
  return `{${expressionText(value)}}`;
}

/** A call or property read written out as in a template expression, e.g. `uniqueString(resourceGroup().id)`. */
function expressionText(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  if (value === null || typeof value !== 'object') return String(value);
  const v = value as Structured;
  if (typeof v.parameter === 'string') return `parameters('${v.parameter}')`;
  if (typeof v.variable === 'string') return `variables('${v.variable}')`;
  if (typeof v.call === 'string' && Array.isArray(v.args)) return `${v.call}(${v.args.map(expressionText).join(', ')})`;
  if ('of' in v && Array.isArray(v.path)) {
    return expressionText(v.of) + v.path.map((k) => (typeof k === 'number' ? `[${k}]` : /^[A-Za-z_]\w*$/.test(String(k)) ? `.${k}` : `['${k}']`)).join('');
  }
  if (Array.isArray(v.concat)) return `concat(${v.concat.map(expressionText).join(', ')})`;
  return JSON.stringify(value);
}
