/**
 * Symbolic names for the Bicep file. Parameters, variables and resources share one namespace
 * in Bicep (outputs do not), and a symbol may not be a keyword; a symbol that has the name of a
 * built-in function shadows it.
 *
 * Rules, all deterministic (they depend on the model only, never on creation order of tokens):
 * - parameters keep their names: they are the deployment's interface;
 * - variables and resources keep their name (the logical id for resources) unless it is a
 *   keyword, a built-in function name, or taken by a parameter or another symbol; then they get a
 *   suffix (`Var`, `Resource`) and, if needed, a number;
 * - a parameter that shadows a function or decorator makes the writer qualify the calls
 *   (`az.resourceGroup()`, `@sys.description(...)`), since the parameter cannot be renamed;
 * - a parameter named like a type (`string`) or a literal keyword, and an output named `true`,
 *   `false` or `null`, are refused: Bicep cannot qualify those, and the names are shared with ARM.
 */
import type { Problem } from '../../core/errors.js';
import type { ResourceBase } from '../../core/resource-base.js';
import type { Variable } from '../../core/variable.js';
import type { StackModel } from '../stack-model.js';
import { DECORATORS, KEYWORDS, LITERAL_KEYWORDS, RESERVED_WORDS, TYPE_NAMES } from './bicep-syntax.js';

/**
 * Built-in Bicep functions (az and sys namespaces). Symbols we choose avoid these names so that
 * calls stay unqualified; the list need not be complete because names of functions the model
 * actually calls are added to it.
 */
export const BUILT_IN_FUNCTIONS: readonly string[] = [
  'any', 'array', 'base64', 'base64ToJson', 'base64ToString', 'bool', 'buildUri', 'cidrHost', 'cidrSubnet', 'concat',
  'contains', 'dataUri', 'dataUriToString', 'dateTimeAdd', 'dateTimeFromEpoch', 'dateTimeToEpoch', 'deployer', 'deployment',
  'empty', 'endsWith', 'environment', 'extensionResourceId', 'fail', 'filter', 'first', 'flatten', 'format', 'getSecret',
  'groupBy', 'guid', 'indexOf', 'int', 'intersection', 'items', 'join', 'json', 'last', 'lastIndexOf', 'length',
  'loadFileAsBase64', 'loadJsonContent', 'loadTextContent', 'loadYamlContent', 'managementGroup', 'managementGroupResourceId',
  'map', 'mapValues', 'max', 'min', 'newGuid', 'objectKeys', 'padLeft', 'parseCidr', 'parseUri', 'pickZones', 'providers',
  'range', 'readEnvironmentVariable', 'reduce', 'reference', 'replace', 'resourceGroup', 'resourceId', 'shallowMerge', 'skip',
  'sort', 'split', 'startsWith', 'string', 'subscription', 'subscriptionResourceId', 'substring', 'take', 'tenant',
  'tenantResourceId', 'toLower', 'toObject', 'toUpper', 'trim', 'union', 'uniqueString', 'uri', 'uriComponent',
  'uriComponentToString', 'utcNow',
];

/** The symbols of one Bicep file. */
export interface BicepSymbols {
  /** Symbol of a declared or existing resource of the stack; undefined for resources of no symbol. */
  resourceSymbol(resource: ResourceBase): string | undefined;
  /** Symbol of every variable. */
  readonly variables: ReadonlyMap<Variable, string>;
  /** Lower-cased function and decorator names that a parameter shadows: calls to them are qualified. */
  readonly shadowedFunctions: ReadonlySet<string>;
}

type Candidate = { readonly key: Variable | ResourceBase; readonly name: string; readonly suffix: string };

/**
 * Chooses the symbols of a stack's Bicep file. `calledFunctions` are the functions the model
 * calls. Parameters whose names Bicep reserves are reported to `problems`.
 */
export function assignSymbols(model: StackModel, calledFunctions: ReadonlySet<string>, problems: Problem[]): BicepSymbols {
  const functions = new Set([...BUILT_IN_FUNCTIONS, ...DECORATORS, ...calledFunctions].map((f) => f.toLowerCase()));
  const taken = new Set<string>();
  const shadowedFunctions = new Set<string>();
  const shared = 'the name is the same in the ARM template and the Bicep file (it is the deployment\'s interface), so rename it';
  for (const { parameter } of model.parameters) {
    const name = parameter.parameterName;
    if (RESERVED_WORDS.has(name)) {
      problems.push({ path: parameter.node.path, message: `parameter name '${name}' is reserved in Bicep: ${shared}.` });
    } else if (TYPE_NAMES.has(name)) {
      problems.push({
        path: parameter.node.path,
        message: `parameter name '${name}' is a Bicep type: Bicep would read every '${name}' type clause (\`param x ${name}\`) as this parameter (BCP287); ${shared}, e.g. '${name}Value'.`,
      });
    }
    if (functions.has(name.toLowerCase())) shadowedFunctions.add(name.toLowerCase());
    taken.add(name);
  }
  for (const { output } of model.outputs) {
    if (LITERAL_KEYWORDS.has(output.outputName)) {
      problems.push({ path: output.node.path, message: `output name '${output.outputName}' is a literal in Bicep (\`output ${output.outputName} ...\` does not parse): ${shared}.` });
    }
  }

  // Natural names first, so a renamed symbol never takes a name another symbol has naturally.
  // Only renamed symbols are stored: the rest are the logical ids the model already maps.
  const usable = (name: string) => !taken.has(name) && !KEYWORDS.has(name) && !functions.has(name.toLowerCase());
  const renamed = new Map<Variable | ResourceBase, string>();
  const pending: Candidate[] = [];
  const claim = (key: Variable | ResourceBase, name: string, suffix: string) => {
    if (usable(name)) taken.add(name);
    else pending.push({ key, name, suffix });
  };
  for (const v of model.variables) claim(v.variable, v.variable.variableName, 'Var');
  for (const e of model.existing) claim(e.resource, e.logicalId, 'Resource');
  for (const r of model.resources) claim(r.resource, r.logicalId, 'Resource');
  for (const c of pending) {
    let name = c.name + c.suffix;
    for (let n = 2; !usable(name); n++) name = `${c.name}${c.suffix}${n}`;
    renamed.set(c.key, name);
    taken.add(name);
  }

  const variables = new Map(model.variables.map((v) => [v.variable as Variable, renamed.get(v.variable) ?? v.variable.variableName]));
  return {
    resourceSymbol: (resource) => renamed.get(resource) ?? model.logicalIds.get(resource),
    variables,
    shadowedFunctions,
  };
}
