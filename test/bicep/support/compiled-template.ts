/**
 * What Bicep's compiled template spells differently from azcdk's, with no difference to the
 * deployment, removed before both are read into the canonical form:
 * - `metadata._generator` (compiler name, version and template hash);
 * - descriptions (of the template, parameters and outputs) that read like an expression, `[...]`:
 *   Bicep escapes them as `[[...]`, as it escapes every string of that shape; ARM never evaluates
 *   metadata, and azcdk writes the description as the user wrote it.
 * Resource ids in another group are a third spelling, handled in canonical.ts:
 * `extensionResourceId('/subscriptions/S/resourceGroups/G', ...)` and `resourceId(G, ...)` are
 * `resourceId(S, G, ...)`, S being the deployment's subscription when not given.
 */

/** A copy of a compiled template with the spellings above made azcdk's. */
export function normalizeCompiledTemplate(template: any): any {
  const copy = structuredClone(template);
  if (copy.metadata) {
    delete copy.metadata._generator;
    if (Object.keys(copy.metadata).length === 0) delete copy.metadata;
  }
  const unescape = (holder: any) => {
    const d = holder?.metadata?.description;
    if (typeof d === 'string' && d.startsWith('[[') && d.endsWith(']')) holder.metadata.description = d.slice(1);
  };
  unescape(copy);
  for (const p of Object.values<any>(copy.parameters ?? {})) unescape(p);
  for (const o of Object.values<any>(copy.outputs ?? {})) unescape(o);
  return copy;
}
