/**
 * Synthesis layer entry: registers the synthesizer for App.synth() (core does not import renderers; core/process-state.ts).
 */
import { registerSynthesizer } from '../core/process-state.js';
import { synthesize } from './synthesize.js';
import { writeAssemblyAtomically } from './write-assembly.js';
import { selectStacks } from './select-stacks.js';

registerSynthesizer({ synthesize, select: selectStacks, write: writeAssemblyAtomically });

export { synthesize, MANIFEST_FILE } from './synthesize.js';
export { selectStacks } from './select-stacks.js';
export { writeAssemblyAtomically, compareWithFolder, readAssemblyFiles, type FileDifference } from './write-assembly.js';
export type { Manifest, ManifestStack, ManifestResource } from './manifest.js';
export type { NameValue } from './name-value.js';
export { ARM_LIMITS } from './limits.js';
export { renderArmExpression, escapeArmString } from './arm-expression.js';
