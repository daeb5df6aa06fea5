/**
 * Pipeline step 1, collect: sorts the constructs below a stack into its members.
 */
import type { IConstruct } from 'constructs';
import { ArmResource } from '../../core/arm-resource.js';
import type { ExistingResource } from '../../core/existing-resource.js';
import { Output } from '../../core/output.js';
import { Parameter } from '../../core/parameter.js';
import { ResourceBase } from '../../core/resource-base.js';
import { Variable } from '../../core/variable.js';
import type { DeclaredNames } from '../resolve.js';

/** The members of one stack, each list in tree order. */
export interface Members {
  readonly parameters: Parameter[];
  readonly variables: Variable[];
  readonly resources: ArmResource[];
  readonly existing: ExistingResource[];
  readonly outputs: Output[];
  /** Constructs with `node.addDependency(...)` edges (rendered as ordering dependencies). */
  readonly withNodeDependencies: IConstruct[];
}

/** Sorts `constructs` (the constructs below a stack, in tree order) into its members. */
export function collectMembers(constructs: readonly IConstruct[]): Members {
  const members: Members = { parameters: [], variables: [], resources: [], existing: [], outputs: [], withNodeDependencies: [] };
  for (const c of constructs) {
    if (ArmResource.isArmResource(c)) members.resources.push(c);
    else if (ResourceBase.isResource(c)) members.existing.push(c as ExistingResource);
    else if (Parameter.isParameter(c)) members.parameters.push(c);
    else if (Variable.isVariable(c)) members.variables.push(c);
    else if (Output.isOutput(c)) members.outputs.push(c);
    if (c.node.dependencies.length) members.withNodeDependencies.push(c);
  }
  return members;
}

/** The members' parameters and variables by template name (maps built on first use: such calls are rare). */
export function declaredNames(members: Members): DeclaredNames {
  let parameters: Map<string, Parameter> | undefined;
  let variables: Map<string, Variable> | undefined;
  return {
    parameter: (name) => (parameters ??= new Map(members.parameters.map((p) => [p.parameterName, p]))).get(name),
    variable: (name) => (variables ??= new Map(members.variables.map((v) => [v.variableName, v]))).get(name),
  };
}
