/**
 * Stack: one ARM template, deployed as one resource-group deployment.
 */
import { addBrand, hasBrand, STACK_BRAND } from './brand.js';
import { Construct, type IConstruct } from 'constructs';
import { AzcdkError } from './errors.js';
import { App } from './app.js';
import type { Expression } from './expression.js';
import { Fn } from './functions.js';
import { checkLiteralOnly, METADATA_IS_LITERAL } from './literals.js';
import { Parameter } from './parameter.js';


/**
 * Stack names become file names (`<Stack>.json`, `<Stack>.parameters.json`) and deployment names:
 * letters, digits, '-' and '_', at most 64. No '.', so no stack's files can be another's.
 */
const STACK_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
/** Names taken by other files of the output folder. */
const RESERVED_STACK_NAMES = new Set(['manifest']);

/** Options for a Stack. */
export interface StackProps {
  /**
   * Default location of the stack's resources. It becomes the default value of the template's
   * `location` parameter, so a pipeline can still override it per environment.
   * @default the resource group's location (`resourceGroup().location`)
   */
  readonly location?: string;
  /**
   * Description written into the template's metadata.
   * @default none
   */
  readonly description?: string;
}

/**
 * A resource-group-scoped ARM template. Every resource under a Stack is deployed by it.
 *
 * The stack's id is its name: `Network` synthesizes to `Network.json`. Stacks may be grouped under
 * a plain construct (like AWS CDK's Stage): `new Stack(new Construct(app, 'Prod'), 'Network')` is
 * named `Prod-Network`.
 */
export class Stack extends Construct {
  /** True if `x` is a Stack (works across copies of this library). */
  public static isStack(x: unknown): x is Stack {
    return hasBrand(x, STACK_BRAND);
  }

  /** The Stack a construct belongs to. Throws if it is not inside one. */
  public static of(construct: IConstruct): Stack {
    const stack = Stack.tryOf(construct);
    if (!stack) {
      throw new AzcdkError(`[${construct.node.path || '<root>'}] is not inside a Stack: create resources under a Stack, e.g. new Stack(app, 'Network').`);
    }
    return stack;
  }

  /** The Stack a construct belongs to, or undefined. */
  public static tryOf(construct: IConstruct): Stack | undefined {
    for (let c: IConstruct | undefined = construct; c; c = c.node.scope) {
      if (Stack.isStack(c)) return c;
    }
    return undefined;
  }

  /** The stack's name: its construct id directly under the App, else its path joined with '-'. */
  public readonly stackName: string;
  /** Template description. */
  public readonly description?: string;
  /**
   * The implicit `location` parameter, emitted only if something uses `stack.location`. Declare
   * a Parameter named `location` directly under the stack to use your own (e.g. with allowedValues).
   */
  public readonly locationParameter: Parameter;
  /** The first Parameter named `location` declared directly under the stack (it replaces the implicit one). */
  private ownLocationParameter?: Parameter;

  /**
   * @param scope the App, or a construct under it that groups stacks (as AWS CDK's Stage does,
   *   e.g. `new Construct(app, 'Prod')`); not a Stack or anything inside one
   * @param id the stack's id: its name directly under the App; under a grouping construct the
   *   name is the path joined with '-' (`Prod/Network` → `Prod-Network.json`)
   */
  constructor(scope: Construct, id: string, props: StackProps = {}) {
    const path = [...(scope?.node?.scopes ?? []).map((s) => s.node.id).filter((x) => x !== ''), id].join('/');
    const enclosing = scope?.node?.scopes.find((s) => Stack.isStack(s));
    if (enclosing) {
      throw new AzcdkError(
        `[${path}] Stack '${id}' is inside stack '${enclosing.node.path}': nested stacks are not supported. ` +
          `Create it under the App or under a construct that groups stacks (new Stack(new Construct(app, 'Prod'), '${id}')).`,
      );
    }
    if (!App.isApp(scope?.node?.root)) {
      throw new AzcdkError(`[${path}] Stack '${id}' is not inside an App: create it with new Stack(app, '${id}'), or under a construct of the App that groups stacks.`);
    }
    // Directly under the App the name is the id (existing apps keep their file and deployment names).
    const name = path.replace(/\//g, '-');
    if (!STACK_NAME.test(name) || RESERVED_STACK_NAMES.has(name.toLowerCase())) {
      throw new AzcdkError(
        `[${path}] Invalid stack name '${name}'${name === id ? '' : ` (its path joined with '-')`}: use 1-64 letters, digits, '-' or '_', starting with a letter, and not 'manifest' ` +
          `(it names the template files and the deployment).`,
      );
    }
    super(scope, id);
    this.stackName = name;
    this.description = props.description;
    this.node.addValidation({ validate: () => checkLiteralOnly('description', props.description, METADATA_IS_LITERAL) });
    // Construct id 'DefaultLocation', template name 'location': a user's own Parameter 'location'
    // (or an Output 'location') does not clash with it, and replaces it (see `location`).
    this.locationParameter = new Parameter(this, 'DefaultLocation', {
      name: 'location',
      type: 'string',
      defaultValue: props.location ?? Fn.resourceGroup().get('location'),
      description: 'Location of the resources.',
      emitOnlyIfUsed: true,
    });
  }

  /**
   * The default location of resources: the Parameter named `location` you declared directly under
   * the stack, if any, else the implicit `location` parameter (default: the stack's `location` prop, or the
   * resource group's location).
   */
  public get location(): Expression {
    return (this.ownLocationParameter ?? this.locationParameter).value;
  }

  /** @internal Called by a Parameter named `location` declared directly under this stack; the first one counts. */
  public _useLocationParameter(parameter: Parameter): void {
    this.ownLocationParameter ??= parameter;
  }

  /**
   * Declares that this stack must be deployed after another one (`azcdk deploy --all` order).
   */
  public addStackDependency(other: Stack, reason = 'explicit'): void {
    if (other === this) throw new AzcdkError(`[${this.node.path}] a stack cannot depend on itself.`);
    this.stackDependencies.set(other, reason);
  }

  /** Stacks this one is deployed after, with reasons. */
  public readonly stackDependencies = new Map<Stack, string>();
}

addBrand(Stack, STACK_BRAND);
