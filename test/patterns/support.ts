/**
 * Helpers to find resources in a synthesized template, and facts about the scenario's server.
 */
import { expect } from 'chai';
import type { ResourceSelector, Template } from '../../lib/assertions/index.js';

/** The only resource of `type` (fails if there is not exactly one). */
export function resourceOf(template: any, type: string): any {
  const found = template.resources.filter((r: any) => r.type === type);
  expect(found, `resources of type ${type}`).to.have.length(1);
  return found[0];
}

/** All resources of `type`. */
export function resourcesOf(template: any, type: string): any[] {
  return template.resources.filter((r: any) => r.type === type);
}

/** The ARM expression of the default server name used by the scenario ('Db'). */
export const SERVER_NAME = "format('{0}-{1}', 'db', uniqueString(resourceGroup().id))";
/** resourceId() of the scenario's server. */
export const SERVER_ID = `[resourceId('Microsoft.DBforPostgreSQL/flexibleServers', ${SERVER_NAME})]`;

/** Why PostgresFlexibleServer orders its children one after another (the start of the recorded reason). */
export const SERVER_IS_BUSY = 'serialize child writes (ServerIsBusy)';

/**
 * `from` deploys after `on` by an ordering edge, and that is its only ordering edge, recorded in
 * the manifest with exactly `reason`. (`Template.dependsOn` checks the kind of an edge but not
 * its reason, and `dependenciesOf` names targets by logical id only, hence the filter.)
 */
export function expectOrderedAfter(template: Template, from: ResourceSelector, on: ResourceSelector, reason: string): void {
  template.dependsOn(from, on, { kind: 'ordering' });
  const ordering = template.dependenciesOf(from).filter((e) => e.kind === 'ordering');
  expect(ordering.map((e) => e.reason), 'reasons of its ordering edges').to.deep.equal([reason]);
}
