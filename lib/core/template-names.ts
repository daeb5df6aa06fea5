/**
 * Names of template parameters, variables and outputs: the identifiers ARM and Bicep accept.
 */

/** Names of parameters, variables and outputs must be valid in ARM and Bicep: identifiers, at most 255 characters. */
const TEMPLATE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;

/** Problems with a parameter, variable or output name (empty when it is valid). */
export function checkTemplateName(kind: 'Parameter' | 'Variable' | 'Output', name: string): string[] {
  return TEMPLATE_NAME.test(name)
    ? []
    : [`${kind} name '${name}' is not valid: use letters, digits and '_', starting with a letter or '_' (at most 255), as ARM and Bicep require.`];
}
