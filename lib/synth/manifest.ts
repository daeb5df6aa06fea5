/**
 * manifest.json: what the CLI (deploy, list, graph, diff) and tools need to know about the
 * synthesized stacks without re-running the app.
 */
import type { Annotation } from '../core/annotations.js';
import type { IVariableTarget } from '../core/expression.js';
import { toNameValue, type NameValue, type NameValueContext } from './name-value.js';
import type { Resolved } from './resolve.js';
import { compareStrings } from './json.js';
import type { StackModel } from './stack-model.js';

/** Name of the manifest in every output folder. */
export const MANIFEST_FILE = 'manifest.json';

/** Version of the manifest format. */
export const MANIFEST_VERSION = '1';

/** A resource in the manifest. */
export interface ManifestResource {
  /** Construct path, e.g. `Network/Vnet/Resource`. */
  readonly path: string;
  /** Full ARM resource type, e.g. `Microsoft.Network/virtualNetworks`. */
  readonly type: string;
  /** The resource's api-version in the template. */
  readonly apiVersion: string;
  /**
   * The resource's full name (`parent/child` for a child): a plain string when literal, else its
   * structure (parameters, variables with their values, function calls, text parts), so that
   * tools evaluate and show it without parsing the template's `[expression]`.
   */
  readonly name: NameValue;
  /**
   * Direct dependencies: logical id, kind and reason (absent when there are none). One entry per
   * dependency; `also` lists further kinds and reasons for the same one (absent when there are none),
   * e.g. an explicit ordering of a resource that is referenced too.
   * @default absent when the resource has no dependencies
   */
  readonly dependsOn?: ReadonlyArray<ManifestDependency>;
}

/** One direct dependency of a resource in the manifest. */
export interface ManifestDependency {
  /** Logical id of the resource depended on. */
  readonly on: string;
  /** reference, parent or ordering. */
  readonly kind: string;
  /** Why the dependency exists (e.g. the referencing property, or why an ordering is needed). */
  readonly reason: string;
  /**
   * Further kinds and reasons for the same dependency.
   * @default absent when there are none
   */
  readonly also?: ReadonlyArray<{
    /** reference, parent or ordering. */
    readonly kind: string;
    /** Why this dependency kind exists. */
    readonly reason: string;
  }>;
}

/** A stack in the manifest. */
export interface ManifestStack {
  /** The deployment scope; only resource-group deployments for now. */
  readonly scope: 'resourceGroup';
  /** The ARM template's file name, `<Stack>.json`. */
  readonly template: string;
  /** The Bicep file describing the same deployment as the template. */
  readonly bicep: string;
  /** The parameters file's name, `<Stack>.parameters.json` (non-secret values given in code). */
  readonly parametersFile: string;
  /** Stacks to deploy first. */
  readonly dependencies: readonly string[];
  /** Template parameters by name: type, whether a value must be given at deploy, description. */
  readonly parameters: Record<string, {
    /** ARM parameter type, e.g. `string`, `securestring`, `int`. */
    readonly type: string;
    /** True when the parameter has no default and no value in the parameters file. */
    readonly required: boolean;
    /** The parameter's description. @default absent when it has none */
    readonly description?: string;
  }>;
  /** Template outputs by name, with their type. */
  readonly outputs: Record<string, {
    /** ARM output type, e.g. `string`. */
    readonly type: string;
  }>;
  /** Declared resources by logical id, in template order. */
  readonly resources: Record<string, ManifestResource>;
  /** Annotations (info, warnings, errors) on the stack and the constructs in it. */
  readonly annotations: readonly Annotation[];
}

/** The whole manifest. */
export interface Manifest {
  /** The manifest format version (`MANIFEST_VERSION`). */
  readonly version: string;
  /** Stacks by name. */
  readonly stacks: Record<string, ManifestStack>;
}

/** The manifest entry of one stack. */
export function manifestStack(model: StackModel, files: { template: string; bicep: string; parametersFile: string }, annotations: readonly Annotation[]): ManifestStack {
  const stackPath = model.stack.node.path;
  const variables = new Map<IVariableTarget, Resolved>(model.variables.map((v) => [v.variable, v.value]));
  const names: NameValueContext = { identityOf: model.identityOf, variableValue: (v) => variables.get(v) };
  return {
    scope: 'resourceGroup',
    template: files.template,
    bicep: files.bicep,
    parametersFile: files.parametersFile,
    dependencies: [...model.stackDependencies.keys()].map((s) => s.stackName).sort(compareStrings),
    parameters: Object.fromEntries(
      model.parameters.map(({ parameter, defaultValue }) => [
        parameter.parameterName,
        {
          type: parameter.type,
          required: defaultValue === undefined && parameter.props.value === undefined,
          ...(parameter.props.description ? { description: parameter.props.description } : {}),
        },
      ]),
    ),
    outputs: Object.fromEntries(model.outputs.map((o) => [o.output.outputName, { type: o.type }])),
    resources: Object.fromEntries(
      model.resources.map((r) => [
        r.logicalId,
        {
          path: r.resource.node.path,
          type: r.resource.resourceType,
          apiVersion: r.resource.apiVersion,
          name: toNameValue(r.identity.fullName, names),
          ...(r.dependencies.length
            ? {
                dependsOn: r.dependencies
                  .map((e) => ({ on: model.logicalIds.get(e.to)!, kind: e.kind, reason: e.reason, ...(e.also ? { also: e.also } : {}) }))
                  .sort((a, b) => compareStrings(a.on, b.on)),
              }
            : {}),
        },
      ]),
    ),
    annotations: annotations.filter((a) => a.path === stackPath || a.path.startsWith(stackPath + '/')),
  };
}
