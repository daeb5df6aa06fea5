/**
 * azcdk/assertions: test synthesized templates with partial matching, captures and
 * failure messages that point at the mismatching path.
 */
export { Template, type TemplateOptions, type ResourceSelector, type DependsOnOptions, type DependencyKind } from './template.js';
export { Annotations } from './annotations.js';
export { Match } from './match.js';
export { Matcher } from './matcher.js';
export { MatchResult, type MatchFailure } from './match-result.js';
export { Capture } from './capture.js';
export { azcdkChai } from './chai.js';
export { MismatchError, AssertionUsageError } from './errors.js';
