/**
 * A reader for the Bicep subset azcdk emits, used to check that a `.bicep` file describes the
 * same deployment as its ARM template (there is no Bicep compiler on the test machines; `az bicep
 * build` remains the final check).
 *
 * `parseBicep` turns text into declarations (params with decorators, vars, resources with
 * `existing`/`if`, outputs, metadata). `readBicep` gives them Bicep's meaning, in the canonical
 * form the ARM reader also produces:
 * - symbols: `p` is a parameter, variables are inlined, `sym.id` is the resource id built from
 *   the declared type, `parent:` chain, names and `scope:`; `sym.name` the declared (short) name;
 *   `sym.properties.x` a runtime read at the declared api-version;
 * - dependencies as Bicep infers them: every reference to a declared resource in a declaration
 *   (name, parent, condition, body, dependsOn), followed through variables and through `existing`
 *   declarations to what they reference (an existing resource is never a dependency itself).
 * Anything outside the subset throws, so new emitter output cannot slip through unchecked.
 */
import {
  access, arr, call, compact, concat, lit, obj, objectKey, param, print, resourceKey, rid, runtime, toJ,
  type C, type CanonicalResource, type Deployment, type J, type Segment,
} from '../bicep/support/canonical.js';

/** Bicep expression syntax. */
export type BicepExpr =
  | { readonly k: 'str'; readonly parts: ReadonlyArray<string | BicepExpr> }
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'bool'; readonly v: boolean }
  | { readonly k: 'null' }
  | { readonly k: 'ident'; readonly name: string }
  /** `ns` is `az` or `sys` for a qualified call. */
  | { readonly k: 'call'; readonly name: string; readonly args: readonly BicepExpr[]; readonly ns?: string }
  | { readonly k: 'prop'; readonly base: BicepExpr; readonly name: string }
  | { readonly k: 'index'; readonly base: BicepExpr; readonly index: BicepExpr }
  /** Keys are identifiers or strings; a string key may be interpolated (`'${uami.id}': {}`). */
  | { readonly k: 'obj'; readonly props: ReadonlyArray<readonly [string | BicepExpr, BicepExpr]> }
  | { readonly k: 'arr'; readonly items: readonly BicepExpr[] }
  | { readonly k: 'unary'; readonly op: '!' | '-'; readonly e: BicepExpr }
  | { readonly k: 'binary'; readonly op: string; readonly l: BicepExpr; readonly r: BicepExpr }
  | { readonly k: 'ternary'; readonly c: BicepExpr; readonly t: BicepExpr; readonly f: BicepExpr };

/** A decorator such as `@minLength(3)`; `ns` is `sys` for `@sys.minLength(3)`. */
export interface Decorator {
  readonly name: string;
  readonly args: readonly BicepExpr[];
  readonly ns?: string;
}

/** The declarations of a Bicep file, in source order. */
export interface BicepFile {
  readonly metadata: Map<string, BicepExpr>;
  readonly params: Map<string, { readonly type: string; readonly decorators: readonly Decorator[]; readonly defaultValue?: BicepExpr }>;
  readonly vars: Map<string, BicepExpr>;
  readonly resources: Map<string, BicepResource>;
  readonly outputs: Map<string, { readonly type: string; readonly decorators: readonly Decorator[]; readonly value: BicepExpr }>;
}

/** A `resource` declaration. */
export interface BicepResource {
  readonly symbol: string;
  readonly type: string;
  readonly apiVersion: string;
  readonly existing: boolean;
  readonly condition?: BicepExpr;
  /** The declaration's object: parent, scope, name, body keys, dependsOn. */
  readonly props: ReadonlyMap<string, BicepExpr>;
}

const BINARY_LEVELS: readonly string[][] = [['??'], ['||'], ['&&'], ['==', '!='], ['<=', '>=', '<', '>'], ['+', '-'], ['*', '/', '%']];
/** Longest first, so `<=` is not read as `<`. */
const ALL_OPERATORS = ['??', '||', '&&', '==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '%'];
const TYPES = new Set(['string', 'int', 'bool', 'object', 'array']);
/** The lexer's literal keywords: never a declaration name, a bare object key or a `.property`. */
const LITERALS = new Set(['true', 'false', 'null']);
/** Namespaces: no referenceable symbol may take these names. */
const NAMESPACES = new Set(['az', 'sys']);
/**
 * ARM template functions that Bicep does not have (it spells them as operators, literals or
 * symbols, or not at all): a call to one of them in Bicep does not compile.
 */
const ARM_ONLY_FUNCTIONS = new Set([
  'parameters', 'variables', 'and', 'or', 'not', 'equals', 'less', 'lessorequals', 'greater', 'greaterorequals', 'add', 'sub',
  'mul', 'div', 'mod', 'if', 'coalesce', 'createarray', 'createobject', 'true', 'false', 'null', 'copyindex', 'references',
  'lambda', 'lambdavariables',
]);
/** The largest Bicep integer literal (int64). */
const INT64_MAX = 2n ** 63n - 1n;

/** Parses the Bicep subset azcdk emits. Throws with the line and column of anything else. */
export function parseBicep(text: string): BicepFile {
  return new Parser(text).file();
}

class Parser {
  private i = 0;
  constructor(private readonly text: string) {}

  public file(): BicepFile {
    const file: BicepFile = { metadata: new Map(), params: new Map(), vars: new Map(), resources: new Map(), outputs: new Map() };
    const declared = new Set<string>();
    const declare = (name: string) => {
      if (declared.has(name)) this.fail(`symbol '${name}' is declared twice`);
      if (NAMESPACES.has(name)) this.fail(`symbol '${name}' takes the name of a namespace`);
      declared.add(name);
    };
    for (this.ws(true); this.i < this.text.length; this.ws(true)) {
      const decorators: Decorator[] = [];
      while (this.eat('@')) {
        const first = this.identifier();
        const ns = this.peek('.') ? first : undefined;
        if (ns !== undefined && ns !== 'sys') this.fail(`decorators live in sys, not ${ns}`);
        if (ns !== undefined) this.i++;
        const name = ns === undefined ? first : this.identifier();
        decorators.push({ name, args: this.callArguments(), ...(ns ? { ns } : {}) });
        this.endOfLine();
        this.ws(true);
      }
      const keyword = this.identifier();
      this.ws(false);
      const name = this.identifier();
      if (LITERALS.has(name)) this.fail(`'${name}' is a literal, not a name`);
      this.ws(false);
      if (keyword === 'metadata') {
        this.expect('=');
        file.metadata.set(name, this.expression());
      } else if (keyword === 'param') {
        declare(name);
        const type = this.identifier();
        if (!TYPES.has(type)) this.fail(`unknown type '${type}'`);
        this.ws(false);
        const defaultValue = this.eat('=') ? this.expression() : undefined;
        file.params.set(name, { type, decorators, ...(defaultValue ? { defaultValue } : {}) });
      } else if (keyword === 'var') {
        declare(name);
        this.expect('=');
        file.vars.set(name, this.expression());
      } else if (keyword === 'output') {
        const type = this.identifier();
        if (!TYPES.has(type)) this.fail(`unknown type '${type}'`);
        this.ws(false);
        this.expect('=');
        if (file.outputs.has(name)) this.fail(`output '${name}' is declared twice`);
        file.outputs.set(name, { type, decorators, value: this.expression() });
      } else if (keyword === 'resource') {
        declare(name);
        file.resources.set(name, this.resource(name));
      } else {
        this.fail(`unexpected '${keyword}'`);
      }
      if (keyword !== 'param' && keyword !== 'output' && decorators.length) this.fail(`decorators on ${keyword}`);
      this.endOfLine();
    }
    return file;
  }

  private resource(symbol: string): BicepResource {
    const typeString = this.primary();
    const typeText = typeString.k === 'str' && typeString.parts.length === 1 ? typeString.parts[0] : undefined;
    if (typeof typeText !== 'string') return this.fail('expected a type string');
    const m = /^([^@]+)@(.+)$/.exec(typeText) ?? this.fail(`expected 'type@apiVersion'`);
    this.ws(false);
    const existing = this.eatWord('existing');
    this.ws(false);
    this.expect('=');
    this.ws(false);
    let condition: BicepExpr | undefined;
    if (this.eatWord('if')) {
      this.ws(false);
      this.expect('(');
      condition = this.expression();
      this.ws(false);
      this.expect(')');
      this.ws(false);
    }
    const body = this.primary();
    if (body.k !== 'obj') return this.fail('expected the resource body');
    const props = new Map<string, BicepExpr>();
    for (const [k, v] of body.props) {
      if (typeof k !== 'string') return this.fail('a resource body key must be literal');
      if (props.has(k)) this.fail(`duplicate key '${k}'`);
      props.set(k, v);
    }
    return { symbol, type: m[1], apiVersion: m[2], existing, ...(condition ? { condition } : {}), props };
  }

  public expression(): BicepExpr {
    const c = this.binary(0);
    if (this.continuesWith('?')) {
      this.i++;
      const t = this.expression();
      if (!this.continuesWith(':')) this.fail("expected ':'");
      this.i++;
      const f = this.expression();
      return { k: 'ternary', c, t, f };
    }
    return c;
  }

  /** Whether `token` comes next, on this line or (a broken ternary's `?` and `:`) at the start of a next one; skips to it if so. */
  private continuesWith(token: string): boolean {
    const start = this.i;
    this.ws(true);
    if (this.peek(token) && !this.peek(token + token)) return true; // `?`, not `??`
    this.i = start;
    this.ws(false);
    return false;
  }

  private binary(level: number): BicepExpr {
    if (level === BINARY_LEVELS.length) return this.unary();
    let l = this.binary(level + 1);
    for (;;) {
      this.ws(false);
      const op = ALL_OPERATORS.find((o) => this.peek(o));
      if (!op || !BINARY_LEVELS[level].includes(op)) return l;
      this.i += op.length;
      const r = this.binary(level + 1);
      l = { k: 'binary', op, l, r };
    }
  }

  private unary(): BicepExpr {
    this.ws(false);
    if (this.peek('!') && !this.peek('!=')) {
      this.i++;
      return { k: 'unary', op: '!', e: this.unary() };
    }
    if (this.eat('-')) return { k: 'unary', op: '-', e: this.unary() };
    return this.postfix(this.primary());
  }

  private postfix(base: BicepExpr): BicepExpr {
    for (;;) {
      if (this.peek('.')) {
        this.i++;
        const name = this.identifier();
        if (LITERALS.has(name)) this.fail(`'.${name}' is not a property access: '${name}' is a literal (use ['${name}'])`);
        if (this.peek('(')) {
          if (base.k !== 'ident' || (base.name !== 'az' && base.name !== 'sys')) this.fail('method calls are not in the subset');
          base = { k: 'call', name, args: this.callArguments(), ns: base.name };
        } else {
          base = { k: 'prop', base, name };
        }
      } else if (this.peek('[')) {
        this.i++;
        this.ws(false);
        const index = this.expression();
        this.ws(false);
        this.expect(']');
        base = { k: 'index', base, index };
      } else {
        return base;
      }
    }
  }

  private primary(): BicepExpr {
    this.ws(false);
    const c = this.text[this.i];
    if (c === "'") return this.string();
    if (c === '(') {
      this.i++;
      const e = this.expression();
      this.ws(false);
      this.expect(')');
      return e;
    }
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c !== undefined && /\d/.test(c)) {
      const m = /^\d+/.exec(this.text.slice(this.i))!;
      if (BigInt(m[0]) > INT64_MAX) this.fail(`${m[0]} is not a 64-bit integer (BCP010)`);
      // Bicep holds it exactly; a JavaScript number would not, so the comparison could not be trusted.
      if (!Number.isSafeInteger(Number(m[0]))) this.fail(`${m[0]} is past the integers the reader compares exactly`);
      this.i += m[0].length;
      if (/[.eE]/.test(this.text[this.i] ?? '')) this.fail('Bicep has integer literals only');
      return { k: 'num', v: Number(m[0]) };
    }
    const name = this.identifier();
    if (name === 'true' || name === 'false') return { k: 'bool', v: name === 'true' };
    if (name === 'null') return { k: 'null' };
    if (this.peek('(')) return { k: 'call', name, args: this.callArguments() };
    return { k: 'ident', name };
  }

  private callArguments(): BicepExpr[] {
    this.expect('(');
    const args: BicepExpr[] = [];
    this.ws(true);
    while (!this.eat(')')) {
      args.push(this.expression());
      this.ws(true);
      if (!this.eat(',') && !this.peek(')')) this.fail("expected ',' or ')'");
      this.ws(true);
    }
    return args;
  }

  /** `{ a: 1, b: 2 }` or one property per line without commas. */
  private object(): BicepExpr {
    this.expect('{');
    const props: Array<[string | BicepExpr, BicepExpr]> = [];
    this.ws(true);
    while (!this.eat('}')) {
      let key: string | BicepExpr;
      if (this.peek("'")) {
        const s = this.string();
        const text = s.k === 'str' && s.parts.length === 1 ? s.parts[0] : undefined;
        key = typeof text === 'string' ? text : s;
      } else {
        key = this.identifier();
        if (LITERALS.has(key)) this.fail(`'${key}' is a literal: as a key it must be quoted`);
      }
      this.ws(false);
      this.expect(':');
      props.push([key, this.expression()]);
      this.separator('}');
    }
    return { k: 'obj', props };
  }

  private array(): BicepExpr {
    this.expect('[');
    const items: BicepExpr[] = [];
    this.ws(true);
    while (!this.eat(']')) {
      items.push(this.expression());
      this.separator(']');
    }
    return { k: 'arr', items };
  }

  /** Between items: a comma (single-line form) or a newline (multi-line form), or the closing bracket. */
  private separator(close: string): void {
    this.ws(false);
    if (this.eat(',')) {
      this.ws(true);
      return;
    }
    const before = this.i;
    this.ws(true);
    if (this.i === before && !this.peek(close)) this.fail(`expected a newline, ',' or '${close}'`);
  }

  private string(): BicepExpr {
    this.expect("'");
    const parts: Array<string | BicepExpr> = [];
    let text = '';
    for (;;) {
      const c = this.text[this.i++];
      if (c === undefined || c === '\n') this.fail('unterminated string');
      if (c === "'") break;
      if (c === '\\') {
        const e = this.text[this.i++];
        const simple: Record<string, string> = { '\\': '\\', "'": "'", n: '\n', r: '\r', t: '\t', $: '$' };
        if (e in simple) text += simple[e];
        else if (e === 'u' && this.eat('{')) {
          const end = this.text.indexOf('}', this.i);
          text += String.fromCodePoint(parseInt(this.text.slice(this.i, end), 16));
          this.i = end + 1;
        } else this.fail(`unknown escape '\\${e}'`);
      } else if (c === '$' && this.peek('{')) {
        this.i++;
        if (text) parts.push(text);
        text = '';
        parts.push(this.expression());
        this.ws(false);
        this.expect('}');
      } else {
        text += c;
      }
    }
    if (text || parts.length === 0) parts.push(text);
    return { k: 'str', parts };
  }

  private identifier(): string {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.i, this.i + 300)) ?? this.fail('expected an identifier');
    this.i += m[0].length;
    return m[0];
  }

  /** Skips spaces and comments, and newlines too when `newlines`. */
  private ws(newlines: boolean): void {
    for (;;) {
      const c = this.text[this.i];
      if (c === ' ' || (newlines && c === '\n')) this.i++;
      else if (c === '/' && this.text[this.i + 1] === '/') {
        while (this.i < this.text.length && this.text[this.i] !== '\n') this.i++;
      } else return;
    }
  }

  private endOfLine(): void {
    this.ws(false);
    if (this.i < this.text.length && this.text[this.i] !== '\n') this.fail('expected the end of the line');
  }

  private peek(s: string): boolean {
    return this.text.startsWith(s, this.i);
  }

  private eat(s: string): boolean {
    if (!this.peek(s)) return false;
    this.i += s.length;
    return true;
  }

  private eatWord(word: string): boolean {
    if (!this.peek(word) || /[A-Za-z0-9_]/.test(this.text[this.i + word.length] ?? '')) return false;
    this.i += word.length;
    return true;
  }

  private expect(s: string): void {
    this.ws(false);
    if (!this.eat(s)) this.fail(`expected '${s}'`);
  }

  private fail(message: string): never {
    const before = this.text.slice(0, this.i);
    const line = before.split('\n').length;
    const column = this.i - before.lastIndexOf('\n');
    throw new Error(`Bicep ${line}:${column}: ${message}: ${JSON.stringify(this.text.split('\n')[line - 1])}`);
  }
}

const OPERATOR_FUNCTIONS: Record<string, string> = {
  '==': 'equals', '<': 'less', '<=': 'lessOrEquals', '>': 'greater', '>=': 'greaterOrEquals',
  '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '%': 'mod', '&&': 'and', '||': 'or', '??': 'coalesce',
};
/** Keys of a resource declaration that are not part of the ARM body. */
const META_KEYS = new Set(['parent', 'name', 'scope', 'dependsOn']);

/** Reads a Bicep file into the canonical deployment (see the file comment for the semantics). */
export function readBicep(text: string): Deployment {
  return new Reader(parseBicep(text)).deployment();
}

class Reader {
  private readonly inlining = new Set<string>();
  private readonly ids = new Map<string, C>();

  constructor(private readonly file: BicepFile) {}

  public deployment(): Deployment {
    const f = this.file;
    const parameters: Deployment['parameters'] = {};
    for (const [name, p] of f.params) {
      this.checkBindings(`param ${name}`, p.type, p.decorators);
      if (p.defaultValue?.k === 'null') this.fail(`param ${name}: null is not a ${p.type} (a default must have the parameter's type)`);
      const d = decorators(p.decorators);
      const secure = d.has('secure');
      parameters[name] = compact({
        type: secure ? (p.type === 'string' ? 'securestring' : p.type === 'object' ? 'secureObject' : this.fail(`@secure() on ${p.type}`)) : p.type,
        defaultValue: p.defaultValue ? this.json(p.defaultValue) : undefined,
        allowedValues: d.has('allowed') ? (this.json(d.get('allowed')![0]) as J[]) : undefined,
        minValue: this.number(d.get('minValue')),
        maxValue: this.number(d.get('maxValue')),
        minLength: this.number(d.get('minLength')),
        maxLength: this.number(d.get('maxLength')),
        description: this.string(d.get('description')),
      });
    }
    const resources: Record<string, CanonicalResource> = {};
    for (const r of f.resources.values()) {
      if (r.existing) continue;
      const body: Record<string, J> = {};
      for (const [k, v] of r.props) if (!META_KEYS.has(k)) body[k] = this.json(v);
      const name = this.fullName(r);
      const key = resourceKey(r.type, name);
      if (resources[key]) this.fail(`two resources are keyed ${key}`);
      resources[key] = compact({
        id: print(this.resourceId(r.symbol)),
        type: r.type,
        apiVersion: r.apiVersion,
        name: toJ(name),
        condition: r.condition ? this.json(r.condition) : undefined,
        body,
        dependsOn: [...this.dependencies(r)].map((s) => print(this.resourceId(s))).sort(),
      });
    }
    const outputs: Deployment['outputs'] = {};
    for (const [name, o] of f.outputs) {
      this.checkBindings(`output ${name}`, o.type, o.decorators);
      outputs[name] = compact({ type: o.type, value: this.json(o.value), description: this.string(decorators(o.decorators).get('description')) });
    }
    const description = f.metadata.get('description');
    return compact({
      description: description ? this.string([description]) : undefined,
      parameters,
      variables: [...f.vars.keys()].map((n) => print(this.variable(n))).sort(),
      resources,
      outputs,
    });
  }

  /**
   * The declared resources a resource depends on: symbols referenced anywhere in its declaration,
   * through variables and through existing declarations (never an existing resource itself).
   */
  public dependencies(r: BicepResource): Set<string> {
    const result = new Set<string>();
    const seen = new Set<string>();
    const visit = (e: BicepExpr): void => {
      for (const name of symbolsIn(e)) {
        if (seen.has(name)) continue;
        seen.add(name);
        const v = this.file.vars.get(name);
        const target = this.file.resources.get(name);
        if (v) visit(v);
        else if (target?.existing) declarationExpressions(target).forEach(visit);
        else if (target) result.add(name);
      }
    };
    declarationExpressions(r).forEach(visit);
    result.delete(r.symbol);
    return result;
  }

  private json(e: BicepExpr): J {
    return toJ(this.canon(e));
  }

  private number(args: readonly BicepExpr[] | undefined): number | undefined {
    if (!args) return undefined;
    const c = this.canon(args[0]);
    return c.k === 'lit' && typeof c.v === 'number' ? c.v : this.fail('expected a number');
  }

  private string(args: readonly BicepExpr[] | undefined): string | undefined {
    if (!args) return undefined;
    const c = this.canon(args[0]);
    return c.k === 'lit' && typeof c.v === 'string' ? c.v : this.fail('expected a string');
  }

  private variable(name: string): C {
    const v = this.file.vars.get(name) ?? this.fail(`no variable '${name}'`);
    if (this.inlining.has(name)) this.fail(`variable '${name}' refers to itself`);
    this.inlining.add(name);
    try {
      return this.canon(v);
    } finally {
      this.inlining.delete(name);
    }
  }

  private canon(e: BicepExpr): C {
    const noVariables = (name: string): C => this.fail(`variables('${name}') is not Bicep`);
    switch (e.k) {
      case 'str':
        return concat(e.parts.map((p) => (typeof p === 'string' ? lit(p) : this.canon(p))));
      case 'num':
      case 'bool':
        return lit(e.v);
      case 'null':
        return lit(null);
      case 'obj':
        return obj(e.props.map(([k, v]) => [typeof k === 'string' ? k : objectKey(this.canon(k)), this.canon(v)] as const));
      case 'arr':
        return arr(e.items.map((x) => this.canon(x)));
      case 'call':
        // An unqualified call to a name a symbol shadows would not reach the function.
        if (!e.ns && this.isSymbol(e.name)) return this.fail(`call to '${e.name}' is shadowed by a symbol: qualify it (az./sys.)`);
        if (ARM_ONLY_FUNCTIONS.has(e.name.toLowerCase())) return this.fail(`${e.name}() is an ARM function Bicep does not have`);
        if (e.ns && e.ns !== namespaceOf(e.name)) return this.fail(`${e.name}() is in ${namespaceOf(e.name)}, not ${e.ns}`);
        return call(e.name, e.args.map((a) => this.canon(a)), noVariables);
      case 'unary':
        if (e.op === '!') return call('not', [this.canon(e.e)], noVariables);
        if (e.e.k === 'num') return lit(-e.e.v);
        return this.fail('unary minus on a non-literal');
      case 'binary': {
        const args = [this.canon(e.l), this.canon(e.r)];
        if (e.op === '!=') return call('not', [call('equals', args, noVariables)], noVariables);
        return call(OPERATOR_FUNCTIONS[e.op] ?? this.fail(`operator ${e.op}`), args, noVariables);
      }
      case 'ternary':
        return call('if', [this.canon(e.c), this.canon(e.t), this.canon(e.f)], noVariables);
      case 'ident':
      case 'prop':
      case 'index':
        return this.reference(e);
    }
  }

  /**
   * Bicep's name binding looks up file symbols before the sys/az namespaces, for type names and
   * decorators as for calls: a symbol named `string` or `description` captures them unless qualified.
   */
  private checkBindings(where: string, type: string, list: readonly Decorator[]): void {
    if (this.isSymbol(type)) this.fail(`${where}: the type '${type}' binds to the symbol '${type}' (BCP287)`);
    for (const d of list) {
      if (!d.ns && this.isSymbol(d.name)) this.fail(`${where}: @${d.name} binds to the symbol '${d.name}' (BCP059): qualify it (@sys.${d.name})`);
    }
  }

  private isSymbol(name: string): boolean {
    return this.file.params.has(name) || this.file.vars.has(name) || this.file.resources.has(name);
  }

  /** A symbol with its accessors: parameters, variables and resource attributes. */
  private reference(e: BicepExpr): C {
    const path: Segment[] = [];
    let root = e;
    for (;;) {
      if (root.k === 'prop') path.unshift(root.name);
      else if (root.k === 'index') {
        const index = this.canon(root.index);
        path.unshift(index.k === 'lit' && (typeof index.v === 'string' || typeof index.v === 'number') ? index.v : index);
      } else break;
      root = root.base;
    }
    if (root.k !== 'ident') return access(this.canon(root), path);
    const name = root.name;
    if (this.file.params.has(name)) return access(param(name), path);
    if (this.file.vars.has(name)) return access(this.variable(name), path);
    const resource = this.file.resources.get(name) ?? this.fail(`unknown symbol '${name}'`);
    const [first, ...rest] = path;
    switch (first) {
      case 'id':
        return access(this.resourceId(name), rest);
      case 'name':
        return access(this.canon(resource.props.get('name') ?? this.fail(`${name} has no name`)), rest);
      case 'type':
        return access(lit(resource.type), rest);
      case 'apiVersion':
        return access(lit(resource.apiVersion), rest);
      case 'properties':
        return runtime(this.resourceId(name), resource.apiVersion, path);
      default:
        return this.fail(`'${name}.${String(first)}' is outside the subset (Bicep may inline it from the declaration)`);
    }
  }

  /** The resource id of a symbol: scope, declared type, and the names of its parent chain. */
  private resourceId(symbol: string): C {
    const cached = this.ids.get(symbol);
    if (cached) return cached;
    const r = this.file.resources.get(symbol) ?? this.fail(`unknown resource '${symbol}'`);
    const name = this.canon(r.props.get('name') ?? this.fail(`${symbol} has no name`));
    const parent = r.props.get('parent');
    let id: C;
    if (parent) {
      if (parent.k !== 'ident') return this.fail(`parent of ${symbol} must be a symbol`);
      const parentId = this.resourceId(parent.name);
      if (parentId.k !== 'rid' || !r.type.startsWith(parentId.type + '/') || r.type.split('/').length !== parentId.type.split('/').length + 1) {
        return this.fail(`${symbol}: type ${r.type} is not a child of its parent`);
      }
      id = rid(parentId.scope, r.type, [...parentId.names, name]);
    } else {
      const scope = r.props.get('scope');
      let scopeArgs: C[] = [];
      if (scope) {
        if (scope.k !== 'call' || scope.name !== 'resourceGroup' || scope.args.length < 1 || scope.args.length > 2) return this.fail('scope must be resourceGroup(...)');
        if (!scope.ns && this.isSymbol('resourceGroup')) return this.fail("scope: 'resourceGroup' is shadowed by a symbol");
        scopeArgs = scope.args.map((a) => this.canon(a));
      }
      id = rid(scopeArgs, r.type, [name]);
    }
    this.ids.set(symbol, id);
    return id;
  }

  /** The ARM name: the parent chain's names joined with '/'. */
  private fullName(r: BicepResource): C {
    const id = this.resourceId(r.symbol);
    if (id.k !== 'rid') return this.fail('internal: not a resource id');
    return concat(id.names.flatMap((n, i) => (i === 0 ? [n] : [lit('/'), n])));
  }

  private fail(message: string): never {
    throw new Error(`Bicep reader: ${message}`);
  }
}

/** Functions of the `az` namespace; the others are in `sys`. */
const AZ_FUNCTIONS = new Set([
  'resourceGroup', 'subscription', 'tenant', 'managementGroup', 'deployment', 'deployer', 'environment', 'resourceId',
  'subscriptionResourceId', 'tenantResourceId', 'managementGroupResourceId', 'extensionResourceId', 'reference', 'pickZones', 'providers',
]);

function namespaceOf(name: string): 'az' | 'sys' {
  return AZ_FUNCTIONS.has(name) || name.startsWith('list') ? 'az' : 'sys';
}

function decorators(list: readonly Decorator[]): Map<string, readonly BicepExpr[]> {
  const map = new Map<string, readonly BicepExpr[]>();
  for (const d of list) {
    if (map.has(d.name)) throw new Error(`Bicep reader: decorator @${d.name} appears twice`);
    map.set(d.name, d.args);
  }
  return map;
}

/** Every expression of a declaration: condition, and each property (parent, scope, name, body, dependsOn). */
function declarationExpressions(r: BicepResource): BicepExpr[] {
  return [...(r.condition ? [r.condition] : []), ...r.props.values()];
}

/** Identifiers an expression refers to (property names after `.` are not symbols). */
export function symbolsIn(e: BicepExpr): Set<string> {
  const out = new Set<string>();
  const visit = (x: BicepExpr): void => {
    switch (x.k) {
      case 'ident':
        out.add(x.name);
        return;
      case 'str':
        x.parts.forEach((p) => typeof p !== 'string' && visit(p));
        return;
      case 'call':
        x.args.forEach(visit);
        return;
      case 'prop':
        visit(x.base);
        return;
      case 'index':
        visit(x.base);
        visit(x.index);
        return;
      case 'obj':
        x.props.forEach(([k, v]) => {
          if (typeof k !== 'string') visit(k);
          visit(v);
        });
        return;
      case 'arr':
        x.items.forEach(visit);
        return;
      case 'unary':
        visit(x.e);
        return;
      case 'binary':
        visit(x.l);
        visit(x.r);
        return;
      case 'ternary':
        visit(x.c);
        visit(x.t);
        visit(x.f);
        return;
    }
  };
  visit(e);
  return out;
}
