/**
 * Names of the generated L1 code: class names from resource types (`Arm` + the singular type
 * segments), import methods, TypeScript identifiers and property keys.
 */

/** `storageAccounts` -> `StorageAccounts`; any other character than a letter or digit splits words. */
export function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

/** English singular of a resource type segment: `policies` -> `policy`, `addresses` -> `address`, `sites` -> `site`. */
export function singular(word: string): string {
  if (/ies$/.test(word) && word.length > 4) return word.slice(0, -3) + 'y';
  if (/(sses|xes|ches|shes|zzes)$/.test(word)) return word.slice(0, -2);
  if (/[^su]s$/.test(word) && !/(is|us|ss)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * The L1 class name of each type of one namespace: `Arm` + the PascalCase singular segments after
 * the namespace (`Microsoft.Storage/storageAccounts/blobServices/containers` ->
 * `ArmStorageAccountBlobServiceContainer`). Two types whose singular names collide keep their
 * plural segments; a remaining clash gets a number, in type order (deterministic).
 */
export function classNames(types: readonly string[]): Map<string, string> {
  const segments = (type: string) => type.split('/').slice(1);
  const wanted = types.map((t) => 'Arm' + segments(t).map((s) => pascal(singular(s))).join(''));
  const counts = new Map<string, number>();
  for (const w of wanted) counts.set(w.toLowerCase(), (counts.get(w.toLowerCase()) ?? 0) + 1);
  const names = new Map<string, string>();
  const used = new Set<string>();
  types.forEach((type, i) => {
    let name = counts.get(wanted[i].toLowerCase())! > 1 ? 'Arm' + segments(type).map(pascal).join('') : wanted[i];
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${wanted[i]}${n}`;
    used.add(name.toLowerCase());
    names.set(type, name);
  });
  return names;
}

/** The name of the static import of a class: `fromStorageAccountName` for `.../storageAccounts`. */
export function importMethodName(type: string): string {
  return `from${pascal(singular(type.slice(type.lastIndexOf('/') + 1)))}Name`;
}

/** A property key as TypeScript writes it: bare when it is an identifier, else quoted. */
export function propertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}

/**
 * Names a generated shape may not take: what the generated declarations use themselves and the
 * global types a local declaration would hide.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  'Construct', 'Expression', 'ResourceBase', 'Value', 'SecureValue', 'ResourceOfType', 'ExistingOf', 'GeneratedImportOptions',
  'GeneratedResource', 'GeneratedResourceCommonProps', 'Readonly', 'Record', 'Partial', 'Required', 'Pick', 'Omit', 'Exclude',
  'Extract', 'NonNullable', 'Parameters', 'ReturnType', 'InstanceType', 'Awaited', 'PropertyKey', 'Uppercase', 'Lowercase',
  'Capitalize', 'Uncapitalize', 'ThisType', 'ArrayLike', 'ReadonlyArray', 'ReadonlyMap', 'ReadonlySet', 'Iterable', 'Iterator',
  'PromiseLike', 'TemplateStringsArray', 'IArguments', 'CallableFunction', 'NewableFunction', 'WeakKey', 'Shape',
  ...Object.getOwnPropertyNames(globalThis),
]);

/** A shape name from a type node's name (`Microsoft.Web/sites` or `Sku`): PascalCase, never a reserved or JS keyword. */
export function shapeBaseName(name: string | undefined): string {
  let base = pascal(name ?? '');
  if (base === '' || /^[0-9]/.test(base)) base = `Shape${base}`;
  return RESERVED_NAMES.has(base) ? `${base}Shape` : base;
}

/** A doc comment of `text` at `indent`, or nothing for no text. `*\/` inside the text is broken up. */
export function docComment(text: string | undefined, indent: string): string {
  const lines = (text ?? '').replace(/\*\//g, '*\\/').replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd());
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  while (lines.length && lines[0] === '') lines.shift();
  if (lines.length === 0) return '';
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => (l === '' ? `${indent} *\n` : `${indent} * ${l}\n`)).join('')}${indent} */\n`;
}
