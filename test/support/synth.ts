/**
 * Test helpers: synthesize an app in memory and read its outputs as objects.
 */
import { App, type Assembly } from '../../lib/index.js';

/** Parsed template of a stack (after synthesizing the whole app). */
export function templateOf(app: App, stackName: string): any {
  return JSON.parse(fileOf(app.synth(), `${stackName}.json`));
}

/** Parsed manifest.json. */
export function manifestOf(app: App): any {
  return JSON.parse(fileOf(app.synth(), 'manifest.json'));
}

/** One file of an assembly; throws with the list of files if absent. */
export function fileOf(assembly: Assembly, name: string): string {
  const content = assembly.files.get(name);
  if (content === undefined) throw new Error(`no file ${name}; files: ${[...assembly.files.keys()].join(', ')}`);
  return content;
}

/** The message of the error `fn` throws (fails if it does not throw). */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error, but none was thrown');
}
