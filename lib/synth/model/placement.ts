/**
 * Placement checks of the stack model: a child is in its parent's stack, and a declared resource
 * deploys into the stack's own resource group.
 */
import type { ArmResource } from '../../core/arm-resource.js';
import type { Problem } from '../../core/errors.js';
import type { ResourceBase } from '../../core/resource-base.js';
import { Stack } from '../../core/stack.js';

/**
 * A child (declared or existing) is in its parent's stack: its name and id are built from the
 * parent's, and its template deploys (or looks up) it under a parent it knows.
 * @returns true when it is (or has no parent)
 */
export function checkParentStack(resource: ResourceBase, stack: Stack, problems: Problem[]): boolean {
  const parent = resource.parentResource;
  const parentStack = parent && Stack.tryOf(parent);
  if (!parent || parentStack === stack) return true;
  const kind = resource.isExisting ? 'an existing child' : 'a child';
  problems.push({
    path: resource.node.path,
    message:
      `parent: ${parent.node.path} belongs to ${parentStack ? `stack '${parentStack.stackName}'` : 'no stack'}, but ${kind} must be in its parent's stack (stack '${stack.stackName}'). ` +
      `Import the parent into stack '${stack.stackName}' with new ExistingResource(...) and pass that as parent, or move this resource into stack '${parentStack?.stackName ?? stack.stackName}'.`,
  });
  return false;
}

/**
 * A declared child of an imported parent in another resource group or subscription cannot be
 * deployed by a resource-group deployment: Bicep refuses it, and ARM would create it in the
 * deployment's own group, under a parent that is not there.
 */
export function checkParentScope(resource: ArmResource, problems: Problem[]): void {
  for (let p = resource.parentResource; p; p = p.parentResource) {
    if (p.isExisting && (p.resourceGroupName !== undefined || p.subscriptionId !== undefined)) {
      problems.push({
        path: resource.node.path,
        message: `is declared as a child of ${p.node.path}, which is in another resource group: a stack deploys only into its own resource group. Declare it in a stack deployed to that group.`,
      });
      return;
    }
  }
}
