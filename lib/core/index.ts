// The constructs library's base class, for helpers and grouping constructs typed `Construct`
// without a dependency of their own on 'constructs' (which azcdk pins).
export { Construct, type IConstruct } from 'constructs';
export { App, type AppProps } from './app.js';
export { Stack, type StackProps } from './stack.js';
export { ArmResource, type ArmResourceProps, type ResourceIdentity, type ExplicitDependency } from './arm-resource.js';
export { ExistingResource, type ExistingResourceProps } from './existing-resource.js';
export { ResourceBase, type ResourceIdentityProps } from './resource-base.js';
export { Parameter, type ParameterProps, type ParameterType } from './parameter.js';
export { Variable, type VariableProps } from './variable.js';
export { Output, type OutputProps } from './output.js';
export {
  Expression, ParameterReference, VariableReference, ResourceReference, FunctionCall, PropertyAccess, Interpolation, Literal, parseTokenString, visitExpression,
  type Value, type ValueType, type PathSegment, type ExpressionKind, type ExpressionVisitor, type AnyExpression,
} from './expression.js';
export { Fn } from './functions.js';
export { Tokens } from './tokens.js';
export { Annotations, type Annotation, type AnnotationLevel } from './annotations.js';
export { AspectPriority, Aspects, type AspectApplication, type AspectOptions, type IAspect } from './aspects.js';
export { Tags, TagManager } from './tags.js';
export { AzcdkError, UsageError, ValidationError, formatProblem, type Problem } from './errors.js';
export type { Assembly, SynthesisOptions } from './assembly.js';
