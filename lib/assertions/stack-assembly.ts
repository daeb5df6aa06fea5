/**
 * The synthesized app of a stack under test, shared by `Template.fromStack` and
 * `Annotations.fromStack`: the same checks, the same error texts, one synthesis per app.
 */
import { App } from '../core/app.js';
import type { Assembly } from '../core/assembly.js';
import { Stack } from '../core/stack.js';
import '../synth/index.js'; // registers the synthesizer, so fromStack works with only this module imported
import { AssertionUsageError } from './errors.js';
import { formatValue } from './format.js';

/** The stack's App, after checking that `stack` is a Stack inside one. `caller` names the assertion in messages. */
export function appOf(stack: Stack, caller: string): App {
  if (!Stack.isStack(stack)) throw new AssertionUsageError(`${caller} expects a Stack, got ${describeInstance(stack)}.`);
  const root = stack.node.root;
  if (!App.isApp(root)) throw new AssertionUsageError(`${caller}: stack '${stack.node.path}' is not inside an App; create it with new Stack(new App(), '${stack.node.id}').`);
  return root;
}

/** The synthesized app of `stack` (App.synth caches it); throws ValidationError if synthesis fails. */
export function assemblyOf(stack: Stack, caller: string): Assembly {
  const assembly = appOf(stack, caller).synth();
  if (!assembly.files.has(`${stack.stackName}.json`)) {
    throw new AssertionUsageError(`${caller}: the app was synthesized without stack '${stack.stackName}' (it has ${assembly.stackNames.join(', ')}).`);
  }
  return assembly;
}

/** `an instance of Foo` for objects, the value otherwise. */
export function describeInstance(x: unknown): string {
  const name = (x as { constructor?: { name?: string } } | null)?.constructor?.name;
  return x !== null && typeof x === 'object' && name ? `an instance of ${name}` : formatValue(x);
}
