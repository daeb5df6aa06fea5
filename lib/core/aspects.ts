/**
 * Aspects: visitors applied to every construct under a scope just before synthesis
 * (how Tags work, and how users enforce policies across a whole app).
 */
import type { IConstruct } from 'constructs';

/** A visitor called once for every construct under the scope it was added to. */
export interface IAspect {
  /** Called for each construct; may change it or add annotations. */
  visit(node: IConstruct): void;
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
      aspects = new Aspects();
      Object.defineProperty(scope, ASPECTS, { value: aspects, enumerable: false });
    }
    return aspects;
  }

  private readonly list: IAspect[] = [];

  private constructor() {}

  /** Adds an aspect; it visits this scope and everything under it. */
  public add(aspect: IAspect): void {
    this.list.push(aspect);
    aspectsAdded++;
  }

  /** The aspects added directly to this scope, in order. */
  public get all(): readonly IAspect[] {
    return this.list;
  }
}

const MAX_PASSES = 10;

/**
 * Applies all aspects: each aspect of a scope visits the scope and its descendants, outer scopes
 * first. Aspects that add constructs (or more aspects) are handled by re-walking until nothing
 * new appears; each (aspect, construct) pair is visited at most once.
 */
export function invokeAspects(root: IConstruct): void {
  if (aspectsAdded === 0) return;
  const visited = new WeakMap<IConstruct, Set<IAspect>>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let didWork = false;
    const walk = (construct: IConstruct, inherited: readonly IAspect[]): void => {
      const own = (construct as unknown as Record<symbol, Aspects | undefined>)[ASPECTS]?.all ?? [];
      const aspects = own.length ? [...inherited, ...own] : inherited;
      if (aspects.length) {
        let done = visited.get(construct);
        if (!done) visited.set(construct, (done = new Set()));
        for (const aspect of aspects) {
          if (done.has(aspect)) continue;
          done.add(aspect);
          aspect.visit(construct);
          didWork = true;
        }
      }
      for (const child of construct.node.children) walk(child, aspects);
    };
    walk(root, []);
    if (!didWork) return;
  }
}
