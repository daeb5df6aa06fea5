/**
 * Synthesis layer entry: registers the synthesizer with App (core does not import renderers).
 */
import { App } from '../core/app.js';
import { synthesize } from './synthesize.js';
import { writeAssemblyAtomically } from './write-assembly.js';
import { selectStacks } from './select-stacks.js';

App._registerSynthesizer({ synthesize, select: selectStacks, write: writeAssemblyAtomically });

export { synthesize, MANIFEST_FILE } from './synthesize.js';
export { selectStacks } from './select-stacks.js';
export { writeAssemblyAtomically, compareWithFolder, readAssemblyFiles, type FileDifference } from './write-assembly.js';
export type { Manifest, ManifestStack, ManifestResource } from './manifest.js';
export type { NameValue } from './name-value.js';
export { ARM_LIMITS } from './limits.js';
export { renderArmExpression, escapeArmString } from './arm-expression.js';
