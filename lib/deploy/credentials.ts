/**
 * Which credential a deployment uses. Azure: DefaultAzureCredential (az login, environment,
 * managed identity, ...). A local ARM-compatible endpoint has no identity provider, so
 * `AZCDK_TOKEN` supplies a static bearer token, and only for loopback endpoints: a token meant
 * for a test server must never be sent anywhere else.
 */
import { isIP } from 'node:net';
import { UsageError } from '../core/errors.js';

/** Environment variable holding the static token for loopback endpoints. */
export const TOKEN_ENV = 'AZCDK_TOKEN';

/** How requests are authenticated. */
export type Authentication = { readonly kind: 'default' } | { readonly kind: 'static'; readonly token: string };

/** True for localhost, 127.0.0.0/8 and ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

/**
 * Checks the endpoint and picks the authentication.
 * @param endpoint `--endpoint`, or undefined for public Azure
 * @param env environment variables (AZCDK_TOKEN)
 */
export function chooseAuthentication(endpoint: string | undefined, env: Readonly<Record<string, string | undefined>>): Authentication {
  const token = env[TOKEN_ENV];
  let url: URL | undefined;
  if (endpoint !== undefined) {
    try {
      url = new URL(endpoint);
    } catch {
      throw new UsageError(`--endpoint '${endpoint}' is not a URL. Use e.g. https://management.usgovcloudapi.net or http://127.0.0.1:PORT for a local endpoint.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`--endpoint '${endpoint}' must be an http(s) URL.`);
  }
  const loopback = url !== undefined && isLoopbackHost(url.hostname);
  if (token !== undefined && token !== '') {
    if (!loopback) {
      throw new UsageError(
        `${TOKEN_ENV} is set, but the endpoint ${url ? `'${url.origin}' is not a loopback address` : 'is Azure (no --endpoint)'}. ` +
          `${TOKEN_ENV} is only sent to local test endpoints (127.0.0.1, ::1, localhost) so it can never leak to Azure. ` +
          `Unset it to deploy with your Azure login (az login / DefaultAzureCredential).`,
      );
    }
    return { kind: 'static', token };
  }
  if (url?.protocol === 'http:') {
    throw new UsageError(
      loopback
        ? `--endpoint ${url.origin} is a local http endpoint: set ${TOKEN_ENV} to the token it expects (npm run arm-endpoint prints one).`
        : `--endpoint '${url.origin}' uses http: Azure credentials are only sent over https.`,
    );
  }
  return { kind: 'default' };
}
