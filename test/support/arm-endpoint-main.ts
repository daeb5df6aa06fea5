/**
 * Starts the ARM-compatible test endpoint for trying `azcdk deploy` locally:
 *   npm run arm-endpoint [-- --port 8080 --step-ms 400]
 * Prints the URL, the token to export as AZCDK_TOKEN and a deploy command. Ctrl-C stops it.
 */
import { ArmEndpoint } from './arm-endpoint.js';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const port = flag('port');
const stepMs = flag('step-ms');
const endpoint = await ArmEndpoint.start({
  ...(port ? { port: Number(port) } : {}),
  // Slow enough by default to watch progress.
  stepMs: stepMs ? Number(stepMs) : 500,
  ...(process.env.AZCDK_TOKEN ? { token: process.env.AZCDK_TOKEN } : {}),
});
const lines = [
  `ARM-compatible test endpoint listening on ${endpoint.url} (in memory; nothing reaches Azure; process id ${process.pid}).`,
  '',
  'In another shell:',
  `  export AZCDK_TOKEN=${endpoint.token}`,
  '  export AZURE_SUBSCRIPTION_ID=00000000-0000-0000-0000-000000000000',
  `  npx azcdk deploy -g demo-rg --location westeurope --endpoint ${endpoint.url} --yes --poll-interval 0.5`,
  '',
  `Ctrl-C stops the endpoint (or kill ${process.pid}).`,
];
process.stdout.write(lines.join('\n') + '\n');
process.on('SIGINT', () => {
  void endpoint.close().then(() => process.exit(0));
});
