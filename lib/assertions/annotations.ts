/**
 * `Annotations`: assertions over the info, warnings and errors of a stack, as AWS CDK's
 * `Annotations.fromStack(stack).hasWarning(path, message)`.
 */
import { collectAnnotations, type Annotation, type AnnotationLevel } from '../core/annotations.js';
import { ValidationError } from '../core/errors.js';
import type { Stack } from '../core/stack.js';
import { AssertionUsageError, MismatchError } from './errors.js';
import { formatValue } from './format.js';
import type { Matcher } from './matcher.js';
import { asMatcher } from './matchers.js';
import { assemblyOf } from './stack-assembly.js';

/**
 * The annotations of one stack. When the app synthesizes, they are those of its manifest
 * (including the warnings synthesis adds, such as a hard-coded location). When synthesis fails,
 * the errors are its problems in this stack (error annotations and failed validations, each at
 * its construct path) and the info and warnings are those the constructs added.
 *
 * Paths are construct paths (`Stack/Db`); a leading `/` as in AWS CDK (`/Stack/Db`) is accepted,
 * and `'*'` matches any construct. A message is an exact string or a matcher such as
 * `Match.stringLikeRegexp('Burstable')`.
 */
export class Annotations {
  /** Synthesizes the stack's app (once; a successful synthesis is cached) and reads the stack's annotations. */
  public static fromStack(stack: Stack): Annotations {
    try {
      const assembly = assemblyOf(stack, 'Annotations.fromStack');
      const manifest = JSON.parse(assembly.files.get('manifest.json')!) as { stacks: Record<string, { annotations: Annotation[] }> };
      return new Annotations(stack.node.path, manifest.stacks[stack.stackName].annotations);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const inStack = (path: string) => path === stack.node.path || path.startsWith(`${stack.node.path}/`);
      const added = collectAnnotations(stack.node.findAll()).filter((a) => a.level !== 'error');
      const errors = error.problems.filter((p) => inStack(p.path)).map((p): Annotation => ({ level: 'error', path: p.path, message: p.message }));
      return new Annotations(stack.node.path, [...added, ...errors]);
    }
  }

  private constructor(
    private readonly stackPath: string,
    private readonly annotations: readonly Annotation[],
  ) {}

  /** An info message at `path` matches `message`. */
  public hasInfo(path: string, message: string | Matcher): void {
    this.has('info', path, message);
  }

  /** No info message at `path` matches `message`. */
  public hasNoInfo(path: string, message: string | Matcher): void {
    this.hasNo('info', path, message);
  }

  /** The info messages at `path` matching `message`. */
  public findInfo(path: string, message: string | Matcher): Annotation[] {
    return this.find('info', path, message);
  }

  /** A warning at `path` matches `message`. */
  public hasWarning(path: string, message: string | Matcher): void {
    this.has('warning', path, message);
  }

  /** No warning at `path` matches `message`. */
  public hasNoWarning(path: string, message: string | Matcher): void {
    this.hasNo('warning', path, message);
  }

  /** The warnings at `path` matching `message`. */
  public findWarning(path: string, message: string | Matcher): Annotation[] {
    return this.find('warning', path, message);
  }

  /** An error at `path` matches `message`. */
  public hasError(path: string, message: string | Matcher): void {
    this.has('error', path, message);
  }

  /** No error at `path` matches `message`. */
  public hasNoError(path: string, message: string | Matcher): void {
    this.hasNo('error', path, message);
  }

  /** The errors at `path` matching `message`. */
  public findError(path: string, message: string | Matcher): Annotation[] {
    return this.find('error', path, message);
  }

  private find(level: AnnotationLevel, path: string, message: string | Matcher): Annotation[] {
    const at = this.normalize(path);
    if (message === undefined) throw new AssertionUsageError(`Annotations: pass the message of the ${NOUNS[level][0].split(' ').slice(1).join(' ')} to look for (a string, or Match.anyValue() for any).`);
    const matcher = asMatcher(message, { partialObjects: false }, 'message');
    return this.annotations.filter((a) => a.level === level && (at === '*' || a.path === at) && matcher.test(a.message).isSuccess);
  }

  private has(level: AnnotationLevel, path: string, message: string | Matcher): void {
    if (this.find(level, path, message).length) return;
    const at = this.normalize(path);
    const [one, many] = NOUNS[level];
    const ofLevel = this.annotations.filter((a) => a.level === level);
    const here = ofLevel.filter((a) => at === '*' || a.path === at);
    const where = at === '*' ? 'in the stack' : `at ${at}`;
    const found = here.length
      ? `the ${many} ${where} are ${here.map((a) => formatValue(a.message)).join(', ')}`
      : `there are no ${many} ${where}` + (ofLevel.length ? ` (elsewhere: ${ofLevel.map((a) => `${a.path} ${formatValue(a.message)}`).join(', ')})` : '');
    throw new MismatchError(`Expected ${one} ${where} matching ${describeMessage(message)}, but ${found}.`);
  }

  private hasNo(level: AnnotationLevel, path: string, message: string | Matcher): void {
    const found = this.find(level, path, message);
    if (!found.length) return;
    const at = this.normalize(path);
    throw new MismatchError(
      `Expected no ${NOUNS[level][1]} ${at === '*' ? 'in the stack' : `at ${at}`} matching ${describeMessage(message)}, but found ${found.map((a) => `${a.path} ${formatValue(a.message)}`).join(', ')}.`,
    );
  }

  /** `'*'`, or a construct path of this stack without a leading slash. */
  private normalize(path: string): string {
    if (typeof path !== 'string' || path === '') throw new AssertionUsageError(`Expected a construct path such as '${this.stackPath}/Db' (or '*'), got ${formatValue(path)}.`);
    const at = path.startsWith('/') ? path.slice(1) : path;
    if (at !== '*' && at !== this.stackPath && !at.startsWith(`${this.stackPath}/`)) {
      throw new AssertionUsageError(`'${path}' is not a construct path of stack ${this.stackPath}: paths start with the stack, e.g. '${this.stackPath}/Db' (or pass '*').`);
    }
    return at;
  }
}

function describeMessage(message: string | Matcher): string {
  return typeof message === 'string' ? formatValue(message) : message.describe();
}

/** Each level with its article, and its plural. */
const NOUNS: Record<AnnotationLevel, [string, string]> = {
  info: ['an info message', 'info messages'],
  warning: ['a warning', 'warnings'],
  error: ['an error', 'errors'],
};
