/**
 * Helpers to find resources in a synthesized template.
 */
import { expect } from 'chai';

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
