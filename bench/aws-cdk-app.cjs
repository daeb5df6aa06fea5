/**
 * The same benchmark shape in AWS CDK, for the side-by-side ratio: one App, one Stack, N
 * `CfnResource`s of type AWS::SNS::Topic with three properties (TopicName, DisplayName, Tags);
 * every 10th (i % 10 == 0, i > 0) references the previous one (`DisplayName: previous.ref`).
 * bench/run.ts copies this file into the temporary folder where it installed aws-cdk-lib, and runs
 * `node aws-cdk-app.cjs N OUTDIR` there.
 *
 * AWS CDK's built-in CloudFormation template check is switched off (it is quadratic on one big
 * template: ~115 s at N = 20,000), and the 500-resources-per-stack check too, as azcdk's bench app
 * switches ARM's limits off. Plain JavaScript: aws-cdk-lib is not a dependency of azcdk.
 */
'use strict';
const { App, CfnResource, Stack } = require('aws-cdk-lib');

const n = Number(process.argv[2] ?? '1000');
const outdir = process.argv[3];
if (!outdir) throw new Error('usage: node aws-cdk-app.cjs N OUTDIR');

const app = new App({
  outdir,
  builtinCloudFormationValidation: false,
  context: { '@aws-cdk/core:stackResourceLimit': 0 },
});
const stack = new Stack(app, 'Bench');
let previous;
for (let i = 0; i < n; i++) {
  previous = new CfnResource(stack, `Topic${i}`, {
    type: 'AWS::SNS::Topic',
    properties: {
      TopicName: `topic-${i}`,
      DisplayName: i % 10 === 0 && i > 0 ? previous.ref : `topic number ${i}`,
      Tags: [{ Key: 'index', Value: String(i) }],
    },
  });
}
app.synth();
