/**
 * manifest.json: what the CLI (deploy, list, graph, diff) and tools need to know about the
 * synthesized stacks without re-running the app.
 */
import type { Annotation } from '../core/annotations.js';
import { toArmJson } from './arm-expression.js';
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
  readonly type: string;
  readonly apiVersion: string;
  /** The ARM `name` value as written in the template (literal or `[expression]`). */
  readonly name: unknown;
  /**
   * Direct dependencies: logical id, kind and reason (absent when there are none). One entry per
   * dependency; `also` lists further kinds and reasons for the same one (absent when there are none),
   * e.g. an explicit ordering of a resource that is referenced too.
   */
  readonly dependsOn?: ReadonlyArray<ManifestDependency>;
}

/** One direct dependency of a resource in the manifest. */
export interface ManifestDependency {
  /** Logical id of the resource depended on. */
  readonly on: string;
  /** reference, parent or ordering. */
  readonly kind: string;
  readonly reason: string;
  /** Further kinds and reasons for the same dependency (absent when there are none). */
  readonly also?: ReadonlyArray<{ readonly kind: string; readonly reason: string }>;
}

/** A stack in the manifest. */
export interface ManifestStack {
  readonly scope: 'resourceGroup';
  readonly template: string;
  /** The Bicep file describing the same deployment as the template. */
  readonly bicep: string;
  readonly parametersFile: string;
  /** Stacks to deploy first. */
  readonly dependencies: readonly string[];
  readonly parameters: Record<string, { readonly type: string; readonly required: boolean; readonly description?: string }>;
  readonly outputs: Record<string, { readonly type: string }>;
  /** Declared resources by logical id, in template order. */
  readonly resources: Record<string, ManifestResource>;
  readonly annotations: readonly Annotation[];
}

/** The whole manifest. */
export interface Manifest {
  readonly version: string;
  readonly stacks: Record<string, ManifestStack>;
}

/** The manifest entry of one stack. */
export function manifestStack(model: StackModel, files: { template: string; bicep: string; parametersFile: string }, annotations: readonly Annotation[]): ManifestStack {
  const stackPath = model.stack.node.path;
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
          name: toArmJson(r.fullName),
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
