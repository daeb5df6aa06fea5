/** Helpers for the validation tests: one stack, and what synthesis says about it. */
import { App, ArmResource, Stack, type ArmResourceProps } from '../../lib/index.js';
import type { Annotation } from '../../lib/core/annotations.js';
import { ValidationError } from '../../lib/core/errors.js';

/** An app with one stack 'S' (location westeurope). */
export function stackOf(location = 'westeurope'): { app: App; stack: Stack } {
  const app = new App();
  return { app, stack: new Stack(app, 'S', { location }) };
}

/** Declares a resource `S/<id>`. */
export function resource(stack: Stack, id: string, props: ArmResourceProps): ArmResource {
  return new ArmResource(stack, id, props);
}

/** Synthesizes and returns the errors (`[path] message`, empty when it succeeds) and the annotations. */
export function findings(app: App): { errors: string[]; warnings: string[]; infos: string[] } {
  try {
    const { annotations } = app.synth();
    return { errors: [], warnings: texts(annotations, 'warning'), infos: texts(annotations, 'info') };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return { errors: e.problems.map((p) => `[${p.path}] ${p.message}`), warnings: [], infos: [] };
  }
}

function texts(annotations: readonly Annotation[], level: Annotation['level']): string[] {
  return annotations.filter((a) => a.level === level).map((a) => `[${a.path}] ${a.message}`);
}
