/**
 * A chai plugin: `chai.use(azcdkChai)`, then
 * `expect(stack).to.haveResourceProperties('Microsoft.Network/virtualNetworks', {...})`.
 * The subject may be a Stack or a Template. Negation (`.not`) is supported: it passes only when
 * the template genuinely does not match; a wrongly written assertion (an unknown logical id, a
 * type in the wrong case, an undefined pattern) throws its AssertionUsageError either way.
 */
import { Stack } from '../core/stack.js';
import { AssertionUsageError, MismatchError } from './errors.js';
import { Template, type DependsOnOptions, type ResourceSelector } from './template.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Chai {
    interface Assertion {
      /** The subject (Stack or Template) has a resource of `type` matching `pattern` (whole resource). */
      haveResource(type: string, pattern?: unknown): Assertion;
      /** The subject has a resource of `type` whose `properties` match `props`. */
      haveResourceProperties(type: string, props: unknown): Assertion;
      /** The subject has exactly `count` resources of `type`. */
      haveResourceCount(type: string, count: number): Assertion;
      /** In the subject, `from` depends directly on `on`. */
      haveDependency(from: ResourceSelector, on: ResourceSelector, options?: DependsOnOptions): Assertion;
    }
  }
}

/** Minimal shape of what chai passes to a plugin (avoids a hard dependency on chai's types). */
interface ChaiLike {
  /** chai's Assertion class. */
  Assertion: {
    /** Adds an assertion method, e.g. `haveResource`. */
    addMethod(name: string, fn: (this: AssertionLike, ...args: any[]) => void): void;
  };
}
/** The `this` of a chai assertion method. */
interface AssertionLike {
  _obj: unknown;
  /** Fails with `message` unless `passed`; under `.not`, fails with `negatedMessage` if `passed`. */
  assert(passed: boolean, message: string, negatedMessage: string): void;
}

/** The plugin: `chai.use(azcdkChai)`. */
export function azcdkChai(chai: ChaiLike): void {
  // `negated` is the message of a failed `.not` assertion: the template matches after all.
  const add = (name: string, negated: (...args: any[]) => string, check: (t: Template, ...args: any[]) => void) =>
    chai.Assertion.addMethod(name, function (this: AssertionLike, ...args: any[]) {
      const template = toTemplate(this._obj);
      let failure: string | undefined;
      try {
        check(template, ...args);
      } catch (error) {
        // Only a mismatch is an answer; anything else (usage errors, bugs) must not satisfy `.not`.
        if (!MismatchError.isMismatchError(error)) throw error;
        failure = error.message;
      }
      this.assert(failure === undefined, failure ?? '', negated(...args));
    });
  add('haveResource', (type: string) => `Expected no matching resource of type ${type}, but there is one.`, (t, type: string, pattern?: unknown) =>
    t.hasResource(type, pattern ?? {}),
  );
  add('haveResourceProperties', (type: string) => `Expected no resource of type ${type} with these properties, but there is one.`, (t, type: string, props: unknown) =>
    t.hasResourceProperties(type, props),
  );
  add('haveResourceCount', (type: string, count: number) => `Expected the number of resources of type ${type} not to be ${count}, but it is.`, (t, type: string, count: number) =>
    t.resourceCountIs(type, count),
  );
  add('haveDependency', () => 'Expected no such dependency, but there is one.', (t, from: ResourceSelector, on: ResourceSelector, options?: DependsOnOptions) =>
    t.dependsOn(from, on, options),
  );
}

function toTemplate(subject: unknown): Template {
  if (subject instanceof Template) return subject;
  if (Stack.isStack(subject)) return Template.fromStack(subject);
  throw new AssertionUsageError(`azcdk chai assertions apply to a Stack or a Template, got ${typeof subject === 'object' && subject ? subject.constructor.name : String(subject)}.`);
}
