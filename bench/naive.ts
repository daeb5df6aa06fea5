/**
 * The serialization floor: the same template built from plain objects and written with
 * JSON.stringify, no constructs, no expressions. `node dist/bench/naive.js N OUTFILE`.
 */
import { writeFileSync } from 'node:fs';

const n = Number(process.argv[2] ?? '1000');
const resources: unknown[] = [];
for (let i = 0; i < n; i++) {
  const previousId = `[resourceId('Microsoft.Network/networkSecurityGroups', 'topic-${i - 1}')]`;
  const ref = i % 10 === 0 && i > 0;
  resources.push({
    type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2025-07-01', name: `topic-${i}`,
    location: "[parameters('location')]", tags: { index: String(i), description: ref ? previousId : `topic number ${i}` },
    properties: { flushConnection: i % 2 === 0, securityRules: [] },
    ...(ref ? { dependsOn: [previousId] } : {}),
  });
}
const template = { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources };
writeFileSync(process.argv[3] ?? '/dev/null', JSON.stringify(template, null, 2) + '\n');
