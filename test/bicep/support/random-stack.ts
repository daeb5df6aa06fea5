/**
 * Random stacks for the equivalence suite, from a seed (same seed, same app): parameters of every
 * type with constraints, variables, top-level and child resources, existing resources (same
 * group, other group, other subscription, children of declared and of existing parents),
 * references of every attribute, interpolations with awkward text, function calls that Bicep
 * writes as operators, conditions, ordering edges, and outputs. References only point backwards,
 * so the dependency graph has no cycle.
 */
import { App, ArmResource, ExistingResource, Expression, Fn, Literal, Output, Parameter, Stack, Variable, type Value } from '../../../lib/index.js';
import type { ResourceBase } from '../../../lib/index.js';

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Text that exercises the escapes of both languages. */
const AWKWARD = ["it's", '${x}', '[x]', '[[', '{0}', '}{', 'a\\b', 'two\nlines', 'tab\t', "''", '$', 'café', '', ' ', '[', ']'];
/**
 * Parameter names that shadow Bicep functions and decorators, so calls and decorators must be
 * qualified. (Names of types, `string`..., are refused: Bicep cannot qualify a type clause.)
 */
const SHADOWING = ['concat', 'length', 'resourceGroup', 'toLower', 'guid', 'json', 'description', 'secure', 'minLength', 'maxLength', 'allowed', 'minValue', 'deployer'];
/** Names for variables and outputs that clash with decorators, functions, types and keywords. */
const CLASHING = ['minLength', 'description', 'secure', 'allowed', 'string', 'int', 'object', 'bool', 'array', 'json', 'if', 'concat'];
/** Numbers at the edges of both languages: fractions, exponent forms, integers past 2^53 and the largest doubles within int64 (2^63 itself is refused). */
const EDGE_NUMBERS = [2.25, -0.5, 1e21, -1e21, 2 ** 63 - 1024, -(2 ** 63) + 1024, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1e-7];

class Generator {
  private readonly random: () => number;
  private readonly stack: Stack;
  private readonly strings: Expression[] = [];
  /** Names of the parameters that are not secure (`parameters('p')` may go anywhere). */
  private readonly parameterNames: string[] = [];
  private readonly others: Expression[] = [];
  private readonly bools: Expression[] = [];
  private readonly secure: Expression[] = [];
  private readonly variables: Variable[] = [];
  /** Variables that use no secure parameter (directly or through other variables). */
  private readonly plainVariables: Variable[] = [];
  private readonly declared: ArmResource[] = [];
  private readonly existing: ExistingResource[] = [];
  private readonly localParents: ResourceBase[] = [];
  private typeCount = 0;

  constructor(seed: number, app: App) {
    this.random = prng(seed);
    this.stack = new Stack(app, `Random${seed}`, this.chance(0.3) ? { description: this.awkward() } : {});
  }

  public build(): void {
    const parameterCount = this.int(6);
    for (let i = 0; i < parameterCount; i++) this.parameter(i);
    const resourceCount = 1 + this.int(9);
    for (let i = 0; i < resourceCount; i++) {
      if (this.chance(0.25)) this.existingResource(i);
      if (this.chance(0.2)) this.variable(i);
      this.resource(i);
    }
    const outputCount = this.int(4);
    for (let i = 0; i < outputCount; i++) {
      const clashing = `${this.pick(CLASHING)}${this.chance(0.5) ? '' : i}`;
      const name = this.chance(0.2) && !this.stack.node.tryFindChild(clashing) ? clashing : `out${i}`;
      const value = this.outputValue();
      // A fraction is no output type of ARM's (synth refuses it): keep it, inside an array.
      new Output(this.stack, name, { value: typeof value === 'number' && !Number.isInteger(value) ? [value] : value });
    }
  }

  /**
   * An output's value: anything whose type is known (azcdk infers the output's type from it, and
   * ARM and Bicep check the value against that type), so not null, nor a bare `if()` or
   * `coalesce()`, whose branches may differ.
   */
  private outputValue(): unknown {
    for (;;) {
      const value = this.value(2, { runtime: true, secure: false });
      if (value === null) continue; // no output type holds null
      if (!Expression.isExpression(value) || value.valueType !== undefined || (value as { kind: string }).kind !== 'call') return value;
    }
  }

  private parameter(i: number): void {
    const kind = this.pick(['string', 'string', 'int', 'bool', 'array', 'object', 'securestring', 'secureObject'] as const);
    const name = this.chance(0.3) ? this.pick(SHADOWING) + (i ? String(i) : '') : `p${i}`;
    const description = this.chance(0.4) ? this.awkward() : undefined;
    let p: Parameter;
    switch (kind) {
      case 'string': {
        const allowed = this.chance(0.3) ? ['a', "b'c", '${d}'] : undefined;
        const defaultValue = allowed ? this.pick(allowed) : this.chance(0.3) ? `x-${Fn.uniqueString(Fn.resourceGroup().get('id'))}` : this.chance(0.5) ? 'dflt' : undefined;
        p = new Parameter(this.stack, name, { type: 'string', description, allowedValues: allowed, defaultValue, maxLength: this.chance(0.3) ? 64 : undefined, minLength: this.chance(0.2) ? 0 : undefined });
        this.strings.push(p.value);
        break;
      }
      case 'int':
        p = new Parameter(this.stack, name, { type: 'int', description, minValue: -5, maxValue: this.chance(0.5) ? 100 : undefined, defaultValue: this.chance(0.5) ? -3 : undefined });
        this.others.push(p.value);
        break;
      case 'bool':
        p = new Parameter(this.stack, name, { type: 'bool', description, defaultValue: this.chance(0.5) ? false : undefined });
        this.bools.push(p.value);
        break;
      case 'array':
        p = new Parameter(this.stack, name, { type: 'array', description, defaultValue: this.chance(0.5) ? [1, 'two', { three: [null] }] : undefined, maxLength: this.chance(0.3) ? 5 : undefined });
        this.others.push(p.value);
        break;
      case 'object':
        p = new Parameter(this.stack, name, { type: 'object', description, defaultValue: this.chance(0.5) ? { 'odd-key': this.awkward(), n: 1.5 } : undefined });
        this.others.push(p.value);
        break;
      default:
        p = new Parameter(this.stack, name, { type: kind, description, minLength: kind === 'securestring' && this.chance(0.5) ? 12 : undefined });
        this.secure.push(p.value);
    }
    if (kind !== 'securestring' && kind !== 'secureObject') this.parameterNames.push(name);
  }

  private variable(i: number): void {
    // Variables built before any secure parameter exists are secret-free and may feed outputs.
    const clashing = `${this.pick(CLASHING)}${this.chance(0.5) ? '' : i}`;
    const name = this.chance(0.3) && !this.stack.node.tryFindChild(clashing) ? clashing : `v${i}`;
    const v = new Variable(this.stack, name, { value: this.value(2, { runtime: false, secure: true }) });
    this.variables.push(v);
    if (this.secure.length === 0) this.plainVariables.push(v);
  }

  private existingResource(i: number): void {
    const roll = this.random();
    let r: ExistingResource;
    if (roll < 0.3 && this.localParents.length) {
      const parent = this.pick(this.localParents);
      r = new ExistingResource(this.stack, `Existing${i}`, { type: `${parent.resourceType}/sub${this.int(2)}`, apiVersion: '2024-01-01', name: this.name(i), parent });
    } else if (roll < 0.5) {
      r = new ExistingResource(this.stack, `Existing${i}`, {
        type: this.newType(), apiVersion: '2024-01-01', name: this.name(i),
        // A group named from a declared resource: Bicep's existing symbol carries that reference over.
        resourceGroupName: this.chance(0.3) && this.declared.length ? `${this.pick(this.declared).name}-rg` : this.chance(0.5) && this.strings.length ? this.pick(this.strings) : `rg-${i}`,
        ...(this.chance(0.5) ? { subscriptionId: Fn.subscription().get('subscriptionId') } : {}),
      });
    } else {
      r = new ExistingResource(this.stack, `Existing${i}`, { type: this.newType(), apiVersion: '2023-05-01', name: this.name(i) });
    }
    if (!r.resourceGroupName) this.localParents.push(r);
    this.existing.push(r);
  }

  private resource(i: number): void {
    const child = this.localParents.length > 0 && this.chance(0.4);
    const parent = child ? this.pick(this.localParents) : undefined;
    // Some construct ids give logical ids that clash with keywords, functions or parameters.
    const base = this.pick(['Res', 'Db', 'Net', 'ResourceGroup', 'If', 'Resource', 'Param', 'P1', 'V0', 'Concat', 'Secure', 'Description', 'MinLength', 'String', 'Json', 'Int', 'Object', 'Bool']);
    const r = new ArmResource(this.stack, this.stack.node.tryFindChild(base) ? `${base}${i}` : base, {
      type: parent ? `${parent.resourceType}/kid${this.int(2)}` : this.newType(),
      apiVersion: this.pick(['2025-01-01', '2024-06-01-preview']),
      name: this.name(i),
      parent,
      location: parent ? undefined : this.chance(0.2) ? 'global' : undefined,
      tags: this.chance(0.3) ? { env: this.awkward(), ...(this.strings.length ? { owner: `${this.pick(this.strings)}` } : {}) } : undefined,
      sku: this.chance(0.2) ? { name: this.pick(['S1', 'Standard']), capacity: this.int(4) } : undefined,
      condition: this.chance(0.2) ? this.condition() : undefined,
      properties: this.chance(0.9) ? (this.object(3, { runtime: true, secure: true }) as Record<string, unknown>) : undefined,
    });
    if (this.declared.length && this.chance(0.3)) {
      const target = this.pick(this.declared);
      const reason = this.pick([`ordering ${i}: ${this.awkward()}`, '', `${'a long reason '.repeat(12)}: deploy after ${target.node.path}`, `wait for ${target.node.path}`]);
      r.addDependency(target, reason);
    }
    this.declared.push(r);
    this.localParents.push(r);
  }

  private newType(): string {
    return `Microsoft.Test${this.int(3)}/things${this.typeCount++}`;
  }

  /** A unique name: literal, or built from parameters and earlier resources' names. */
  private name(i: number): Value<string> {
    const roll = this.random();
    if (roll < 0.4 || !this.strings.length) return `n${i}${this.chance(0.3) ? "-'q" : ''}`;
    if (roll < 0.7) return `${this.pick(this.strings)}-n${i}`;
    if (roll < 0.85 && this.declared.length) return `${this.pick(this.declared).name}-n${i}`;
    if (roll < 0.92 && this.variables.length) return `${this.pick(this.variables).ref}-n${i}`;
    return Fn.toLower(`N${i}-${this.pick(this.strings)}`);
  }

  private condition(): Expression {
    const options: Array<() => Expression> = [
      () => (this.bools.length ? this.pick(this.bools) : Fn.equals(1, 1)),
      () => Fn.equals(this.strings.length ? this.pick(this.strings) : 'a', this.awkward()),
      () => Fn.not(Fn.or(Fn.empty(this.strings.length ? this.pick(this.strings) : ''), false)),
    ];
    return this.pick(options)();
  }

  private object(depth: number, opts: LeafOptions): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const n = 1 + this.int(4);
    for (let k = 0; k < n; k++) out[this.pick(['a', 'name', 'odd-key', 'id', 'x_y', 'true', 'properties', `k${k}`])] = this.value(depth - 1, opts);
    return out;
  }

  private value(depth: number, opts: LeafOptions): unknown {
    const roll = this.random();
    if (depth > 0 && roll < 0.2) return this.object(depth, opts);
    if (depth > 0 && roll < 0.3) return Array.from({ length: this.int(3) }, () => this.value(depth - 1, opts));
    return this.leaf(opts);
  }

  private leaf(opts: LeafOptions): unknown {
    const pick = this.int(14);
    const str = (): Value<string> => (this.strings.length && this.chance(0.7) ? (this.pick(this.strings) as Value<string>) : this.awkward());
    switch (pick) {
      case 0:
        return this.awkward();
      case 1:
        return this.chance(0.3) ? this.pick(EDGE_NUMBERS) : this.pick([0, 7, -2, 2.25, true, false, null]);
      case 2:
        return str();
      case 3:
        return this.others.length ? this.pick(this.others) : 'o';
      case 4:
        return opts.secure && this.secure.length ? this.pick(this.secure) : 's';
      case 5: {
        const usable = opts.secure ? this.variables : this.plainVariables;
        if (!usable.length) return 'v';
        const v = this.pick(usable);
        // Only a key or index the variable's literal value has: Bicep type-checks the access (and ARM fails it at deployment).
        const steps = this.accessibleSteps(v.value);
        return steps.length && this.chance(0.5) ? v.ref.get(this.pick(steps)) : v.ref;
      }
      case 6:
        return this.resourceAttribute(opts);
      case 7:
        return this.resourceAttribute(opts);
      case 8: // interpolation
        return [this.awkward(), str(), this.resourceAttribute({ ...opts, runtime: opts.runtime && this.chance(0.3) }), this.awkward()]
          .filter(() => this.chance(0.7))
          .map((p) => (typeof p === 'string' ? p : String(p)))
          .join('');
      case 9:
        return Fn.if(this.bools.length ? this.pick(this.bools) : true, this.leaf(opts), Fn.call('createArray', [this.pick(EDGE_NUMBERS), this.awkward()]));
      case 10:
        return this.operators(str);
      case 11:
        return Fn.call('coalesce', [Fn.call('null'), str(), Fn.call('createObject', ['k', new Literal(this.awkward())])]);
      case 12:
        return this.pick([
          Fn.resourceGroup().get('location'), Fn.subscription().get('subscriptionId'), Fn.uniqueString(Fn.resourceGroup().get('id'), str() as string),
          Fn.call('deployer', []).get('objectId'),
        ]);
      default:
        return Fn.concat(Fn.toLower(str() as string), Fn.string(this.int(9)), Fn.guid('a', this.awkward()));
    }
  }

  /**
   * Calls Bicep writes as operators, with looser operators (`??`, `||`, `?:`) as operands of
   * tighter ones, so a wrong precedence or missing parentheses changes the reading; and ARM's
   * own spelling of a parameter, `parameters('p')`.
   */
  private operators(str: () => Value<string>): Expression {
    const bool = (): Value<boolean> => (this.bools.length && this.chance(0.6) ? (this.pick(this.bools) as Value<boolean>) : this.chance(0.5));
    const coalesced = () => Fn.call('coalesce', [Fn.call('null'), str()]);
    const options: Array<() => Expression> = [
      () => Fn.and(Fn.equals(str(), 'x'), Fn.or(true, Fn.not(false)), Fn.call('less', [Fn.call('add', [1, Fn.call('sub', [3, 2])]), 5])),
      () => Fn.and(Fn.or(bool(), bool()), bool()),
      () => Fn.and(bool(), Fn.or(bool(), bool())),
      () => Fn.or(Fn.and(bool(), bool()), Fn.not(Fn.or(bool(), bool()))),
      () => Fn.equals(coalesced(), 'e'),
      () => Fn.equals('e', coalesced()),
      () => Fn.call('coalesce', [Fn.call('coalesce', [Fn.call('null'), Fn.call('null')]), str()]),
      () => Fn.or(Fn.call('coalesce', [Fn.call('null'), bool()]), bool()),
      () => Fn.call('add', [Fn.call('mul', [2, Fn.call('sub', [3, 1])]), Fn.call('sub', [4, Fn.call('sub', [2, 1])])]),
      () => Fn.call('less', [Fn.call('coalesce', [Fn.call('null'), 1]), 2]),
      () => Fn.equals(Fn.if(bool(), 'a', 'b'), Fn.call('coalesce', [Fn.call('null'), 'a'])),
      () => Fn.not(Fn.equals(Fn.if(bool(), 1, 2), 1)),
      () => Fn.call('coalesce', [Fn.if(bool(), Fn.call('null'), 'a'), 'b']),
      () => Fn.call('coalesce', [str()]),
      // (`variables('v')` is left to the unit tests: the model does not follow it to the resources v references.)
      () => (this.parameterNames.length ? Fn.call('parameters', [this.pick(this.parameterNames)]) : Fn.equals(1, 2)),
    ];
    return this.pick(options)();
  }

  /** Keys of a literal object, indexes of a literal array; none for anything else. */
  private accessibleSteps(value: unknown): Array<string | number> {
    if (Array.isArray(value)) return value.map((_, i) => i);
    if (value !== null && typeof value === 'object' && !Expression.isExpression(value)) return Object.keys(value);
    return [];
  }

  private resourceAttribute(opts: LeafOptions): unknown {
    const all: ResourceBase[] = [...this.declared, ...this.existing];
    if (!all.length) return 'r';
    const target = this.pick(all);
    const roll = this.int(opts.runtime ? 7 : 4);
    switch (roll) {
      case 0:
      case 1:
        return target.id;
      case 2:
        return target.name;
      case 3:
        return this.chance(0.5) ? new Literal(target.resourceType) : Fn.toUpper(target.name);
      case 4:
        return target.getRuntimeProperty(this.pick(['properties.state', 'properties.null', 'properties.true.false']));
      case 5:
        return target.getRuntimeProperty(`properties.list[${this.int(3)}].value`);
      default:
        return target.getRuntimeProperty(this.pick(['sku.name', 'location', 'properties']));
    }
  }

  private awkward(): string {
    return Array.from({ length: 1 + this.int(2) }, () => this.pick(AWKWARD)).join('');
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

interface LeafOptions {
  /** May the value read runtime properties (not in names, conditions or variables)? */
  readonly runtime: boolean;
  /** May the value use secure parameters (not in outputs)? */
  readonly secure: boolean;
}

/** A random app with one stack, `Random<seed>`. */
export function randomApp(seed: number): App {
  const app = new App();
  new Generator(seed, app).build();
  return app;
}
