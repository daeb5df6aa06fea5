/**
 * Benchmark app: N resources in one stack, each with 3 properties; every 10th references the
 * previous one (the shape used to measure AWS CDK and CDK for Terraform on this machine).
 * N comes from AZCDK_BENCH_N. ARM limits are off so N can exceed 800.
 */
import { App, ArmResource, Stack } from '../lib/index.js';

const n = Number(process.env.AZCDK_BENCH_N ?? '1000');
const app = new App({ enforceLimits: false });
const stack = new Stack(app, 'Bench');
let previous: ArmResource | undefined;
for (let i = 0; i < n; i++) {
  previous = new ArmResource(stack, `Topic${i}`, {
    type: 'Microsoft.Network/networkSecurityGroups',
    apiVersion: '2025-07-01',
    name: `topic-${i}`,
    // `description` is a tag: NSGs have no such property, and synth-time validation would warn 20,000 times.
    tags: { index: String(i), description: i % 10 === 0 && i > 0 && previous ? previous.id : `topic number ${i}` },
    properties: {
      flushConnection: i % 2 === 0,
      securityRules: [],
    },
  });
}
