/**
 * Short, readable renderings of ARM names for pictures and listings:
 * `[format('{0}-vnet', parameters('prefix'))]` reads as `{prefix}-vnet`.
 */

const PARAMETER = /^parameters\('([^']*)'\)$/;
const VARIABLE = /^variables\('([^']*)'\)$/;

/** A readable form of a template `name` value; falls back to the expression itself. */
export function displayName(name: unknown): string {
  if (typeof name !== 'string') return JSON.stringify(name);
  if (name.startsWith('[[')) return name.slice(1); // an escaped literal
  if (!(name.startsWith('[') && name.endsWith(']'))) return name;
  const expression = name.slice(1, -1).trim();
  const single = placeholder(expression);
  if (single) return single;
  const format = /^format\('((?:[^']|'')*)'((?:,\s*[^,()]+\([^()]*\))*)\)$/.exec(expression);
  if (format) {
    const args = [...format[2].matchAll(/,\s*([^,()]+\([^()]*\))/g)].map((m) => placeholder(m[1].trim()));
    if (args.every((a) => a !== undefined)) {
      return format[1]
        .replace(/''/g, "'")
        .replace(/\{\{|\}\}|\{(\d+)\}/g, (m: string, i?: string) => (m === '{{' ? '{' : m === '}}' ? '}' : (args[Number(i)] ?? m)));
    }
  }
  return name;
}

function placeholder(expression: string): string | undefined {
  const p = PARAMETER.exec(expression) ?? VARIABLE.exec(expression);
  return p ? `{${p[1]}}` : undefined;
}
