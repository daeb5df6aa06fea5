/**
 * Which credential source gave the token that ARM refused (HTTP 401): AZCDK_TOKEN, or the link of
 * DefaultAzureCredential's chain that answered (environment variables, workload identity, managed
 * identity, Azure CLI, ...), with whom and which audience the token is for. A 401 alone says
 * neither, and with several sources configured the user cannot tell which one to fix.
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { TOKEN_ENV } from './credentials.js';

/** How each link of DefaultAzureCredential's chain is named to the user, by class name. */
const SOURCES: Readonly<Record<string, string>> = {
  EnvironmentCredential: 'environment variables (AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET or a certificate)',
  WorkloadIdentityCredential: 'workload identity (AZURE_FEDERATED_TOKEN_FILE)',
  ManagedIdentityCredential: 'managed identity',
  AzureCliCredential: "the Azure CLI ('az login')",
  AzurePowerShellCredential: "Azure PowerShell ('Connect-AzAccount')",
  AzureDeveloperCliCredential: "the Azure Developer CLI ('azd auth login')",
  VisualStudioCodeCredential: 'Visual Studio Code',
  BrokerCredential: 'the operating system broker (WAM)',
};

/** A chained credential that can say which of its links answered (ChainedTokenCredential does, internally). */
interface ChainWithSource extends TokenCredential {
  getTokenInternal?(scopes: string | string[], options?: GetTokenOptions): Promise<{ token: AccessToken; successfulCredential?: TokenCredential }>;
}

/** Wraps DefaultAzureCredential and remembers which source gave the last token, for describe(). */
export class SourceNamingCredential implements TokenCredential {
  private source?: string;
  private token?: string;

  private readonly chain: ChainWithSource;

  /** @param chain DefaultAzureCredential (or another ChainedTokenCredential) */
  constructor(chain: TokenCredential) {
    this.chain = chain as ChainWithSource;
  }

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    // getTokenInternal is private in @azure/identity's typings: when a release drops it, the
    // token still comes, and the message says only "DefaultAzureCredential".
    if (typeof this.chain.getTokenInternal === 'function') {
      const { token, successfulCredential } = await this.chain.getTokenInternal(scopes, options);
      this.source = successfulCredential?.constructor?.name;
      this.token = token.token;
      return token;
    }
    const token = await this.chain.getToken(scopes, options);
    this.token = token?.token;
    return token;
  }

  /** What to tell the user after a 401: the source, whom the token is for, what to do. */
  describe(): string {
    const source = this.source ? `${SOURCES[this.source] ?? this.source} (${this.source}, through DefaultAzureCredential)` : 'DefaultAzureCredential';
    const claims = this.token ? tokenClaims(this.token) : undefined;
    return (
      `The token came from ${source}${claims ? `; ${claims}` : ''}. ` +
      `Sign in again with that source, or make sure it is signed in to the right tenant and cloud for --endpoint; ` +
      `AZURE_TOKEN_CREDENTIALS=<credential name> makes DefaultAzureCredential use one source only.`
    );
  }
}

/** The 401 hint for AZCDK_TOKEN. */
export function staticTokenSource(): string {
  return `The token came from ${TOKEN_ENV} (a static token, sent to loopback endpoints only): set it to the token the endpoint expects (npm run arm-endpoint prints one).`;
}

/**
 * Whom an access token is for, from its claims (read, not verified: only for the message): the
 * user, application or managed identity, the tenant and the audience. Undefined if it is not a JWT.
 */
export function tokenClaims(token: string): string | undefined {
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!claims || typeof claims !== 'object') return undefined;
  const text = (key: string) => (typeof claims[key] === 'string' ? (claims[key] as string) : undefined);
  const identity = text('xms_mirid')
    ? `managed identity ${text('xms_mirid')!.split('/').pop()}`
    : text('upn') ?? text('unique_name') ?? text('preferred_username') ?? (text('appid') ?? text('azp') ? `application ${text('appid') ?? text('azp')}` : undefined);
  const parts = [identity && `issued to ${identity}`, text('tid') && `tenant ${text('tid')}`, text('aud') && `audience ${text('aud')}`].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}
