/**
 * Lexical facts about Bicep the writer relies on: identifiers, reserved words, string escaping,
 * and which namespace (`az` or `sys`) a function lives in.
 *
 * Sources: Bicep's LanguageConstants (keywords), the Bicep string-literal grammar (`\'`, `\\`,
 * `\$`, `\n`, `\r`, `\t`, `\u{...}`) and the `az`/`sys` namespaces of built-in functions.
 */

/** A Bicep identifier (symbolic names, object keys written unquoted, property access `.x`). */
export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The lexer's literal keywords: never a name, a bare key or a `.property`. */
export const LITERAL_KEYWORDS: ReadonlySet<string> = new Set(['true', 'false', 'null']);

/** Words that cannot be used as a symbolic name: literal keywords and the built-in namespaces. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([...LITERAL_KEYWORDS, 'az', 'sys']);

/**
 * Bicep's built-in types, in the `sys` namespace. A symbol of one of these names would capture
 * every type clause (`param string string`: BCP287), so parameters may not have them.
 */
export const TYPE_NAMES: ReadonlySet<string> = new Set(['string', 'int', 'bool', 'object', 'array', 'any']);

/**
 * Declaration and contextual keywords, and the type names. Bicep accepts most of them as symbol
 * names, but a resource called `resource` or `if` reads badly, so symbols we choose avoid them too.
 */
export const KEYWORDS: ReadonlySet<string> = new Set([
  ...RESERVED_WORDS,
  'metadata', 'targetScope', 'import', 'using', 'param', 'var', 'resource', 'output', 'module', 'existing',
  'if', 'for', 'in', 'type', 'func', 'assert', 'extension', 'provider', 'with', 'as', 'from', 'test', 'extends',
  ...TYPE_NAMES, 'void',
]);

/**
 * Decorators (all in `sys`). Decorators are looked up like functions: file symbols first, so a
 * symbol named `description` captures `@description(...)` (BCP059) unless it is `@sys.description`.
 */
export const DECORATORS: readonly string[] = [
  'description', 'secure', 'allowed', 'minValue', 'maxValue', 'minLength', 'maxLength', 'metadata', 'export', 'sealed',
  'discriminator', 'batchSize', 'onlyIfNotExists', 'retryOn',
];

/** Built-in functions of the `az` namespace (the rest of those we emit live in `sys`). */
const AZ_FUNCTIONS: ReadonlySet<string> = new Set([
  'resourcegroup', 'subscription', 'tenant', 'managementgroup', 'deployment', 'deployer', 'environment', 'resourceid',
  'subscriptionresourceid', 'tenantresourceid', 'managementgroupresourceid', 'extensionresourceid',
  'reference', 'pickzones', 'providers',
]);

/** The namespace of a built-in function, for calls that a declared symbol shadows (`az.resourceGroup()`). */
export function functionNamespace(name: string): 'az' | 'sys' {
  const lower = name.toLowerCase();
  return AZ_FUNCTIONS.has(lower) || lower.startsWith('list') ? 'az' : 'sys';
}

/**
 * A single-quoted Bicep string literal. Escapes the quote, the backslash, `${` (which would
 * start an interpolation) and control characters.
 */
export function bicepString(text: string): string {
  return `'${escapeStringContent(text)}'`;
}

const NEEDS_ESCAPE = /[\\'\n\r\t$\x00-\x1f\x7f]/;

/** Escapes literal text for use between the quotes of a Bicep string (also inside interpolations). */
export function escapeStringContent(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text; // the common case: no copy at all
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    switch (c) {
      case '\\':
        out += '\\\\';
        break;
      case "'":
        out += "\\'";
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      case '$':
        out += text[i + 1] === '{' ? '\\$' : '$';
        break;
      default: {
        const code = c.charCodeAt(0);
        out += code < 0x20 || code === 0x7f ? `\\u{${code.toString(16).toUpperCase()}}` : c;
      }
    }
  }
  return out;
}

/** An object key: bare when it is an identifier that is not a literal keyword, quoted otherwise. */
export function bicepKey(key: string): string {
  return IDENTIFIER.test(key) && !RESERVED_WORDS.has(key) ? key : bicepString(key);
}

/** A property accessor: `.key` for identifiers, `['key']` for other keys and literal keywords (`x['null']`). */
export function bicepAccessor(key: string): string {
  return IDENTIFIER.test(key) && !LITERAL_KEYWORDS.has(key) ? `.${key}` : `[${bicepString(key)}]`;
}
