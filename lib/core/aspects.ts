/**
 * Aspects: visitors applied to every construct under a scope just before synthesis
 * (how Tags work, and how users enforce policies across a whole app).
 */
import type { IConstruct } from 'constructs';
import { AzcdkError } from './errors.js';

/** A visitor called once for every construct under the scope it was added to. */
export interface IAspect {
  /** Called for each construct; may change it or add annotations. */
  visit(node: IConstruct): void;
}

/**
 * When an aspect runs relative to others on the same construct: lower first. Mutating aspects
 * (Tags) run before default ones, so a policy check added anywhere sees the final tags.
 */
export const AspectPriority = {
  /** Aspects that change the tree or resources (Tags use it). */
  MUTATING: 200,
  /** The default. */
  DEFAULT: 500,
  /** Aspects that only inspect (policy checks that add annotations). */
  READONLY: 1000,
} as const;

/** Options for Aspects.add. */
export interface AspectOptions {
  /**
   * Lower runs first on each construct; on equal priority, aspects of outer scopes run first,
   * then in the order they were added.
   * @default AspectPriority.DEFAULT (500)
   */
  readonly priority?: number;
}

/** An aspect as added to a scope. */
export interface AspectApplication {
  readonly aspect: IAspect;
  readonly priority: number;
}

const ASPECTS = Symbol.for('azcdk.Aspects');
/** How many aspects were ever added in this process: when none, synthesis skips the walk. */
let aspectsAdded = 0;

/** The aspects of a scope: `Aspects.of(stack).add(new MyPolicy())`. */
export class Aspects {
  /** The aspects attached to a scope. */
  public static of(scope: IConstruct): Aspects {
    const holder = scope as unknown as Record<symbol, Aspects | undefined>;
    let aspects = holder[ASPECTS];
    if (!aspects) {
      aspects = new Aspects(scope);
      Object.defineProperty(scope, ASPECTS, { value: aspects, enumerable: false });
    }
    return aspects;
  }

  private readonly list: AspectApplication[] = [];

  private constructor(private readonly scope: IConstruct) {}

  /** Adds an aspect; it visits this scope and everything under it. */
  public add(aspect: IAspect, options: AspectOptions = {}): void {
    const priority = options.priority ?? AspectPriority.DEFAULT;
    if (!Number.isFinite(priority)) {
      throw new AzcdkError(`[${this.scope.node.path || '<root>'}] Aspects.add(): priority must be a finite number (e.g. AspectPriority.READONLY), got ${priority}.`);
    }
    this.list.push({ aspect, priority });
    aspectsAdded++;
  }

  /** The aspects added directly to this scope, in order. */
  public get all(): readonly IAspect[] {
    return this.list.map((a) => a.aspect);
  }

  /** The aspects added directly to this scope, with their priorities, in order. */
  public get applied(): readonly AspectApplication[] {
    return this.list;
  }
}

const MAX_PASSES = 10;

/**
 * Applies all aspects: on each construct, the aspects of it and its scopes run in priority order
 * (outer scopes first on ties). Aspects that add constructs (or more aspects) are handled by
 * re-walking until nothing new appears; each (aspect, construct) pair is visited at most once.
 * An aspect that throws fails synthesis with its name and the construct it was visiting.
 */
export function invokeAspects(root: IConstruct): void {
  if (aspectsAdded === 0) return;
  const visited = new WeakMap<IConstruct, Set<IAspect>>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let didWork = false;
    const walk = (construct: IConstruct, inherited: readonly AspectApplication[]): void => {
      const own = (construct as unknown as Record<symbol, Aspects | undefined>)[ASPECTS]?.applied ?? [];
      // Array.prototype.sort is stable: equal priorities keep outer-first, then added order.
      const aspects = own.length ? [...inherited, ...own].sort((a, b) => a.priority - b.priority) : inherited;
      if (aspects.length) {
        let done = visited.get(construct);
        if (!done) visited.set(construct, (done = new Set()));
        for (const { aspect } of aspects) {
          if (done.has(aspect)) continue;
          done.add(aspect);
          visitOne(aspect, construct);
          didWork = true;
        }
      }
      for (const child of construct.node.children) walk(child, aspects);
    };
    walk(root, []);
    if (!didWork) return;
  }
}

function visitOne(aspect: IAspect, construct: IConstruct): void {
  try {
    aspect.visit(construct);
  } catch (error) {
    if (AzcdkError.isAzcdkError(error)) throw error; // already says where and what
    const err = error instanceof Error ? error : new Error(String(error));
    const name = aspect.constructor && aspect.constructor !== Object ? aspect.constructor.name || 'an anonymous class' : 'an object literal';
    const wrapped = new AzcdkError(`[${construct.node.path || '<root>'}] aspect ${name} threw while visiting this construct: ${err.message}`);
    // Keep the frames of the aspect's own code: the CLI prints the user's lines of an error.
    wrapped.stack = `${wrapped.name}: ${wrapped.message}\n${(err.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).join('\n')}`;
    throw wrapped;
  }
}
