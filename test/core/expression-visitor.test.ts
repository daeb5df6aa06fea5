import { expect } from 'chai';
import {
  App, ArmResource, Fn, FunctionCall, Interpolation, Literal, Parameter, PropertyAccess, Stack, Variable, visitExpression, type ExpressionVisitor,
} from '../../lib/index.js';

/** A visitor naming the kind it was called for, with the extra argument it got. */
const NAMES: ExpressionVisitor<string, [string]> = {
  parameter: (_e, tag) => `parameter${tag}`,
  variable: (_e, tag) => `variable${tag}`,
  resource: (_e, tag) => `resource${tag}`,
  call: (_e, tag) => `call${tag}`,
  access: (_e, tag) => `access${tag}`,
  interpolation: (_e, tag) => `interpolation${tag}`,
  literal: (_e, tag) => `literal${tag}`,
};

describe('expression visitor', () => {
  it('calls the handler of each kind with the extra arguments', () => {
    const stack = new Stack(new App(), 'S');
    const p = new Parameter(stack, 'p', { type: 'string' });
    const v = new Variable(stack, 'v', { value: 'x' });
    const r = new ArmResource(stack, 'R', { type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2025-07-01', name: 'n' });
    const expressions = [p.value, v.ref, r.id, Fn.resourceGroup(), new PropertyAccess(Fn.resourceGroup(), ['id']), new Interpolation(['a', p.value]), new Literal(1)];
    expect(expressions.map((e) => visitExpression(e, NAMES, '!'))).to.deep.equal(
      ['parameter!', 'variable!', 'resource!', 'call!', 'access!', 'interpolation!', 'literal!'],
    );
    expect(new FunctionCall('f', []).kind).to.equal('call');
  });

  it('does not compile without a handler for every kind (a new kind fails in each visitor)', () => {
    // @ts-expect-error 'literal' is missing: the build fails here if visitors stop being exhaustive.
    const partial: ExpressionVisitor<number> = { parameter: () => 1, variable: () => 1, resource: () => 1, call: () => 1, access: () => 1, interpolation: () => 1 };
    expect(Object.keys(partial)).to.have.length(6);
  });
});
