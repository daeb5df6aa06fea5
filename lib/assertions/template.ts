/**
 * `Template`: assertions over one synthesized ARM template (and its manifest entry, which knows
 * logical ids, construct paths and why each dependsOn edge exists).
 */
import type { IConstruct } from 'constructs';
import type { Stack } from '../core/stack.js';
import type { ManifestDependency, ManifestStack } from '../synth/manifest.js';
import { AssertionUsageError, MismatchError } from './errors.js';
import { formatValue, isPlainObject } from './format.js';
import { Matcher } from './matcher.js';
import type { MatchResult } from './match-result.js';
import { AbsentMatch, ArrayMatch, asMatcher, ObjectMatch } from './matchers.js';
import { describeClosest, matchSection, plural, type SectionEntry } from './section.js';
import { assemblyOf, describeInstance } from './stack-assembly.js';
import { article } from '../core/text.js';

/** Kinds of dependsOn edges azcdk records. */
export type DependencyKind = 'reference' | 'parent' | 'ordering';
const DEPENDENCY_KINDS: readonly string[] = ['reference', 'parent', 'ordering'] satisfies DependencyKind[];

/** Options of `Template.fromJSON`. */
export interface TemplateOptions {
  /**
   * The stack's entry of manifest.json: gives resources their logical ids and construct paths,
   * and enables `dependsOn` checks by logical id or construct.
   * @default none: resources are named `resources[i]`, dependency checks are unavailable
   */
  readonly manifest?: ManifestStack;
}

/** Identifies a resource: its construct (or a construct containing exactly one resource) or its logical id. */
export type ResourceSelector = IConstruct | string;

/** Options of the dependency checks. */
export interface DependsOnOptions {
  /** Also require this kind of edge. @default any kind */
  readonly kind?: DependencyKind;
  /**
   * Also require the edge's recorded reason (e.g. the ServerIsBusy ordering of PostgreSQL
   * children): an exact string, or a matcher such as `Match.stringLikeRegexp('ServerIsBusy')`.
   * @default any reason
   */
  readonly reason?: string | Matcher;
}

const DEPENDS_ON_OPTIONS: readonly string[] = ['kind', 'reason'];

/** One resource of the template. */
interface ResourceEntry extends SectionEntry {
  /** The resource's `type` as written in the template. */
  readonly type: unknown;
  /** The logical id (Bicep identifier) from the manifest. @default absent without a manifest matching the template's resources */
  readonly logicalId?: string;
}

/**
 * An ARM template under test. Every `has*`/`*Is` method throws a MismatchError explaining a
 * mismatch, and an AssertionUsageError when the assertion itself is wrong (an unknown logical id,
 * a resource type in the wrong case, an undefined pattern): fix the test then, not the template.
 */
export class Template {
  /** Synthesizes the stack's app (once; the result is cached) and reads the stack's template. */
  public static fromStack(stack: Stack): Template {
    const assembly = assemblyOf(stack, 'Template.fromStack');
    const manifest = JSON.parse(assembly.files.get('manifest.json') ?? '{}') as { stacks?: Record<string, ManifestStack> };
    return new Template(JSON.parse(assembly.files.get(`${stack.stackName}.json`)!), manifest.stacks?.[stack.stackName]);
  }

  /** A template given as an object (e.g. read from a committed `templates/` file). */
  public static fromJSON(template: Record<string, unknown>, options: TemplateOptions = {}): Template {
    if (!isPlainObject(template)) throw new AssertionUsageError(`Template.fromJSON expects a template object, got ${formatValue(template)}.`);
    return new Template(structuredClone(template), options.manifest);
  }

  /** A template given as JSON text. */
  public static fromString(json: string, options: TemplateOptions = {}): Template {
    return Template.fromJSON(JSON.parse(json), options);
  }

  private readonly resources: readonly ResourceEntry[];

  private constructor(private readonly template: Record<string, unknown>, private readonly manifest?: ManifestStack) {
    this.resources = resourceEntries(template, manifest);
  }

  /** The template object (a copy), e.g. for snapshots. */
  public toJSON(): Record<string, unknown> {
    return structuredClone(this.template);
  }

  /** The template has exactly `count` resources of `type`. */
  public resourceCountIs(type: string, count: number): void {
    checkCount(count);
    const found = this.ofType(type);
    if (found.length !== count) {
      throw new MismatchError(`Expected ${plural(count, 'resource')} of type ${type}, found ${found.length}${found.length ? `: ${labels(found)}` : ''}.`);
    }
  }

  /** Exactly `count` resources of `type` have properties matching `props`. */
  public resourcePropertiesCountIs(type: string, props: unknown, count: number): void {
    checkCount(count);
    const { matches } = matchSection(this.ofType(type), propertiesMatcher(props));
    if (matches.length !== count) {
      throw new MismatchError(`Expected ${plural(count, 'resource')} of type ${type} with matching properties, found ${matches.length}${matches.length ? `: ${labels(matches)}` : ''}.`);
    }
  }

  /** Some resource of `type` matches `pattern` (the whole resource: name, location, sku, properties, ...). */
  public hasResource(type: string, pattern: unknown): void {
    this.assertSomeResource(type, resourceMatcher(pattern), 'the pattern');
  }

  /** Some resource of `type` has `properties` matching `props` (objectLike unless `props` is a matcher). */
  public hasResourceProperties(type: string, props: unknown): void {
    this.assertSomeResource(type, propertiesMatcher(props), 'the properties');
  }

  /** Resources of `type` matching `pattern` (whole resource), by logical id. */
  public findResources(type: string, pattern: unknown = {}): Record<string, Record<string, unknown>> {
    const { matches } = matchSection(this.ofType(type), resourceMatcher(pattern));
    return Object.fromEntries(matches.map((e) => [e.key, structuredClone(e.value) as Record<string, unknown>]));
  }

  /** Every resource of `type` (at least one) matches `pattern` (whole resource). */
  public allResources(type: string, pattern: unknown): void {
    this.assertAllResources(type, resourceMatcher(pattern));
  }

  /** Every resource of `type` (at least one) has `properties` matching `props`. */
  public allResourcesProperties(type: string, props: unknown): void {
    this.assertAllResources(type, propertiesMatcher(props));
  }

  /** A parameter named `name` (`'*'`: any) matches `pattern`, e.g. `{ type: 'string', maxLength: 10 }`. */
  public hasParameter(name: string, pattern: unknown = {}): void {
    this.assertSection('parameters', 'parameter', name, pattern);
  }

  /** Parameters named `name` (`'*'`: any) matching `pattern`, by name. */
  public findParameters(name: string, pattern: unknown = {}): Record<string, unknown> {
    return this.findInSection('parameters', name, pattern);
  }

  /** An output named `name` (`'*'`: any) matches `pattern`, e.g. `{ value: nsg.id }`. */
  public hasOutput(name: string, pattern: unknown = {}): void {
    this.assertSection('outputs', 'output', name, pattern);
  }

  /** Outputs named `name` (`'*'`: any) matching `pattern`, by name. */
  public findOutputs(name: string, pattern: unknown = {}): Record<string, unknown> {
    return this.findInSection('outputs', name, pattern);
  }

  /**
   * The whole template matches `pattern` (objectLike unless a matcher is given), as in AWS CDK.
   * ARM's `resources` is an array where CloudFormation has an object keyed by logical id, so a
   * literal `resources: [...]` in the pattern means these resources, in template order, among
   * others, each one matched objectLike (`Match.arrayWith([Match.objectLike(...), ...])`; a plain
   * object directly in `Match.arrayWith` is exact, as in AWS CDK). For exactly these resources, write
   * `resources: Match.arrayEquals([...])`. A matcher given as the whole pattern is used as it is.
   */
  public templateMatches(pattern: unknown): void {
    const amended = isPlainObject(pattern) && Array.isArray(pattern.resources)
      ? { ...pattern, resources: new ArrayMatch('arrayWith', pattern.resources, { subsequence: true, partialObjects: true }) }
      : pattern;
    const result = resourceMatcher(amended).test(this.template);
    if (!result.isSuccess) throw new MismatchError(['Template does not match:', ...result.renderMismatches().map((l) => `  ${l}`)].join('\n'));
    result.finalize();
  }

  /** Direct dependencies of a resource, from the manifest: logical id, kind and reason of each edge. */
  public dependenciesOf(from: ResourceSelector): ReadonlyArray<ManifestDependency> {
    const manifest = this.requireManifest('dependenciesOf');
    return manifest.resources[this.logicalIdOf(from, manifest)].dependsOn ?? [];
  }

  /**
   * `from` depends directly on `on`, as the manifest records it (the edges synthesis wrote as
   * the template's dependsOn, with their kind and reason), optionally with an edge of a given kind
   * — reference (uses its id or properties), parent, or ordering — and reason.
   */
  public dependsOn(from: ResourceSelector, on: ResourceSelector, options: DependsOnOptions = {}): void {
    const manifest = this.requireManifest('dependsOn');
    const unknown = Object.keys(options).filter((k) => !DEPENDS_ON_OPTIONS.includes(k));
    if (unknown.length) {
      throw new AssertionUsageError(`dependsOn: unknown option ${unknown.map((k) => `'${k}'`).join(', ')}; the options are ${DEPENDS_ON_OPTIONS.join(', ')}.`);
    }
    if (options.kind !== undefined && !DEPENDENCY_KINDS.includes(options.kind)) {
      throw new AssertionUsageError(`dependsOn: kind ${formatValue(options.kind)} is not a dependency kind; use one of ${DEPENDENCY_KINDS.join(', ')}.`);
    }
    const fromId = this.logicalIdOf(from, manifest);
    const onId = this.logicalIdOf(on, manifest);
    const edges = manifest.resources[fromId].dependsOn ?? [];
    const edge = edges.find((e) => e.on === onId);
    const list = edges.length ? edges.map((e) => `${e.on} (${e.kind}: ${e.reason})`).join(', ') : 'nothing';
    if (!edge) throw new MismatchError(`Expected ${fromId} to depend on ${onId}, but it depends on ${list}.`);
    // One dependsOn entry can have several reasons (a reference and an addDependency ordering):
    // the assertion passes when any of them has the asked kind and reason.
    const reasons = [{ kind: edge.kind, reason: edge.reason }, ...(edge.also ?? [])];
    const ofKind = options.kind ? reasons.filter((r) => r.kind === options.kind) : reasons;
    if (!ofKind.length) {
      const recorded = reasons.map((r) => `${r.kind} (${r.reason})`).join(', ');
      throw new MismatchError(`Expected ${fromId} to depend on ${onId} by ${article(options.kind!)} ${options.kind} edge, but the edge is ${recorded}.`);
    }
    if (options.reason !== undefined) {
      const matcher = asMatcher(options.reason, { partialObjects: false }, 'reason');
      const result = ofKind.map((r) => matcher.test(r.reason)).find((r) => r.isSuccess);
      if (!result) {
        const recorded = ofKind.map((r) => formatValue(r.reason)).join(' and ');
        const is = ofKind.length > 1 ? 'reasons are' : 'reason is';
        throw new MismatchError(`Expected ${fromId} to depend on ${onId} for reason ${formatValue(options.reason)}, but the recorded ${is} ${recorded}.`);
      }
      result.finalize(); // fills a Capture given as the reason
    }
  }

  /** `from` does not depend directly on `on`. */
  public doesNotDependOn(from: ResourceSelector, on: ResourceSelector): void {
    const manifest = this.requireManifest('doesNotDependOn');
    const fromId = this.logicalIdOf(from, manifest);
    const onId = this.logicalIdOf(on, manifest);
    const edge = (manifest.resources[fromId].dependsOn ?? []).find((e) => e.on === onId);
    if (edge) throw new MismatchError(`Expected ${fromId} not to depend on ${onId}, but it does (${edge.kind}: ${edge.reason}).`);
  }

  /**
   * Resources of `type`. A type that only matches in another case is a usage error, not "none":
   * otherwise a negated or zero-count assertion would pass without checking anything.
   */
  private ofType(type: string): ResourceEntry[] {
    if (typeof type !== 'string' || type === '') {
      throw new AssertionUsageError(`Expected a resource type such as 'Microsoft.Network/virtualNetworks', got ${describeInstance(type)}.`);
    }
    const found = this.resources.filter((r) => r.type === type);
    if (found.length === 0 && this.typesLike(type).length) throw new AssertionUsageError(this.noResourcesOfType(type));
    return found;
  }

  /** Types of the template equal to `type` ignoring case. */
  private typesLike(type: string): string[] {
    return [...new Set(this.resources.map((r) => String(r.type)))].filter((t) => t.toLowerCase() === type.toLowerCase()).sort();
  }

  private assertSomeResource(type: string, matcher: Matcher, what: string): void {
    const candidates = this.ofType(type);
    if (candidates.length === 0) throw new MismatchError(this.noResourcesOfType(type));
    const { matches, misses } = matchSection(candidates, matcher);
    if (matches.length) return;
    const intro = candidates.length === 1
      ? `Template has 1 resource of type ${type}, but ${what === 'the pattern' ? 'it does not match the pattern' : `${what} do not match`}.`
      : `Template has ${candidates.length} resources of type ${type}, but none match ${what}.`;
    throw new MismatchError(`${intro}\n${describeClosest(misses)}`);
  }

  private assertAllResources(type: string, matcher: Matcher): void {
    const candidates = this.ofType(type);
    if (candidates.length === 0) throw new MismatchError(this.noResourcesOfType(type));
    const { misses } = matchSection(candidates, matcher);
    if (misses.length === 0) return;
    const lines = [`${misses.length} of ${plural(candidates.length, 'resource')} of type ${type} ${misses.length === 1 ? 'does' : 'do'} not match:`];
    for (const { entry, result } of misses) {
      lines.push(`  ${entry.label}:`, ...result.renderMismatches().map((l) => `    ${l}`));
    }
    throw new MismatchError(lines.join('\n'));
  }

  private noResourcesOfType(type: string): string {
    const types = [...new Set(this.resources.map((r) => String(r.type)))].sort();
    const near = this.typesLike(type);
    return (
      `Template has no resources of type ${type}.` +
      (near.length ? ` Did you mean ${near.join(' or ')}? (types are case-sensitive here)` : '') +
      ` Types in the template: ${types.join(', ') || 'none'}.`
    );
  }

  private sectionEntries(section: 'parameters' | 'outputs', name: string): SectionEntry[] {
    const values = this.template[section];
    if (!isPlainObject(values)) return [];
    return Object.entries(values)
      .filter(([key]) => name === '*' || key === name)
      .map(([key, value]) => ({ key, label: key, value }));
  }

  private findInSection(section: 'parameters' | 'outputs', name: string, pattern: unknown): Record<string, unknown> {
    const { matches } = matchSection(this.sectionEntries(section, name), resourceMatcher(pattern));
    return Object.fromEntries(matches.map((e) => [e.key, structuredClone(e.value)]));
  }

  private assertSection(section: 'parameters' | 'outputs', noun: string, name: string, pattern: unknown): void {
    const candidates = this.sectionEntries(section, name);
    if (candidates.length === 0) {
      const names = Object.keys(isPlainObject(this.template[section]) ? (this.template[section] as object) : {});
      throw new MismatchError(`Template has no ${noun} named ${name}. ${capitalize(section)}: ${names.join(', ') || 'none'}.`);
    }
    const { matches, misses } = matchSection(candidates, resourceMatcher(pattern));
    if (matches.length) return;
    const intro = name === '*'
      ? `Template has ${plural(candidates.length, noun)}, but none match the pattern.`
      : `Template has ${noun} ${name}, but it does not match the pattern.`;
    throw new MismatchError(`${intro}\n${describeClosest(misses)}`);
  }

  private requireManifest(method: string): ManifestStack {
    if (!this.manifest) {
      throw new AssertionUsageError(`Template.${method} needs the stack's manifest entry: use Template.fromStack(stack), or Template.fromJSON(template, { manifest }).`);
    }
    return this.manifest;
  }

  /** Logical id of a resource given by logical id or construct. */
  private logicalIdOf(selector: ResourceSelector, manifest: ManifestStack): string {
    const ids = Object.keys(manifest.resources);
    if (typeof selector === 'string') {
      if (selector in manifest.resources) return selector;
      throw new AssertionUsageError(`No resource with logical id '${selector}' in this template; logical ids: ${ids.join(', ') || 'none'}.`);
    }
    const path = selector?.node?.path;
    if (typeof path !== 'string') throw new AssertionUsageError(`Expected a construct or a logical id, got ${describeInstance(selector)}.`);
    const exact = ids.find((id) => manifest.resources[id].path === path);
    if (exact) return exact;
    // An L2 construct: accept it when it holds exactly one resource.
    const inside = ids.filter((id) => manifest.resources[id].path.startsWith(path + '/'));
    if (inside.length === 1) return inside[0];
    throw new AssertionUsageError(
      inside.length
        ? `Construct '${path}' holds ${inside.length} resources (${inside.join(', ')}): pass one of them, or its logical id.`
        : `Construct '${path}' is not a resource of this template.`,
    );
  }
}

/** The resources of a template with keys and labels (logical id and construct path when the manifest is known). */
function resourceEntries(template: Record<string, unknown>, manifest?: ManifestStack): ResourceEntry[] {
  const raw = template.resources;
  if (isPlainObject(raw)) {
    // languageVersion 2.0 templates: resources keyed by symbolic name.
    return Object.entries(raw).map(([key, value]) => ({ key, label: key, value, type: (value as { type?: unknown })?.type }));
  }
  if (!Array.isArray(raw)) return [];
  const ids = manifest ? Object.keys(manifest.resources) : [];
  const byIndex = ids.length === raw.length;
  return raw.map((value, i) => {
    const type = (value as { type?: unknown } | null)?.type;
    if (byIndex) {
      const id = ids[i];
      return { key: id, label: `${id} (${manifest!.resources[id].path})`, value, type, logicalId: id };
    }
    const name = (value as { name?: unknown } | null)?.name;
    return { key: `resources[${i}]`, label: name === undefined ? `resources[${i}]` : `resources[${i}] ${formatValue(name)}`, value, type };
  });
}

/** Whole-resource pattern: literal objects mean objectLike. */
function resourceMatcher(pattern: unknown): Matcher {
  return asMatcher(pattern, { partialObjects: true });
}

/**
 * `{ properties: props }`, so mismatch paths start at /properties like the template. As in AWS
 * CDK, a resource without `properties` is matched as if it had `properties: {}`, so `{}` and
 * `{ x: Match.absent() }` pass on it; only `Match.absent()` as the whole pattern sees the key missing.
 */
function propertiesMatcher(props: unknown): Matcher {
  const matcher = new ObjectMatch('hasResourceProperties', { properties: props }, { partial: true });
  return props instanceof AbsentMatch ? matcher : new EmptyPropertiesMatch(matcher);
}

/** Tests a resource with missing `properties` as one with `properties: {}`. */
class EmptyPropertiesMatch extends Matcher {
  public readonly name = 'hasResourceProperties';
  constructor(private readonly inner: Matcher) {
    super();
  }
  public override describe(): string {
    return this.inner.describe();
  }
  public test(actual: unknown): MatchResult {
    const amended = isPlainObject(actual) && actual.properties === undefined ? { ...actual, properties: {} } : actual;
    return this.inner.test(amended);
  }
}

/** A count must be a whole number: `'1'` or `-1` would make every assertion fail, and every negation pass. */
function checkCount(count: unknown): void {
  if (!Number.isInteger(count) || (count as number) < 0) throw new AssertionUsageError(`Expected a count of resources (0, 1, 2, ...), got ${describeInstance(count)}.`);
}

function labels(entries: readonly SectionEntry[]): string {
  return entries.map((e) => e.label).join(', ');
}

function capitalize(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
