/**
 * Random Bicep expressions as layout documents, for checking the line breaking against `bicep
 * format` itself: calls of 0 to 4 arguments, inline arrays and objects (empty ones too), ternaries,
 * parentheses, operators, `!`, property access after a call, strings and interpolations of many
 * lengths, nested up to 5 deep so that lines pass the width in every shape.
 */
import { arrayDoc, callDoc, concat, layoutDoc, objectDoc, ternaryDoc, type Doc } from '../../../lib/synth/bicep/bicep-document.js';
import { prng } from './random-stack.js';

/** A Bicep file of `count` `var` declarations, each a random expression laid out in a random place. */
export function randomLayoutFile(seed: number, count: number): { text: string; declarations: string[] } {
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const leaf = (): Doc =>
    pick([
      () => pick(['p', 'q', 'true', '12', 'rg.id', 'null', '-1', "json('2.5')"]),
      () => `'${'x'.repeat(1 + int(50))}'`,
      () => `'${'y'.repeat(int(8))}\${p}${'z'.repeat(int(30))}'`,
    ])();
  /** Ternaries and `??` bind looser than an operand: parenthesized there, as the renderer does. */
  const operand = (depth: number): Doc => {
    const [doc, loose] = expression(depth);
    return loose ? concat('(', doc, ')') : doc;
  };
  const expression = (depth: number): [Doc, boolean] => {
    if (depth <= 0 || random() < 0.2) return [leaf(), false];
    const some = (n: number) => Array.from({ length: int(n) }, () => operand(depth - 1));
    switch (int(9)) {
      case 0:
      case 1:
        return [callDoc(pick(['concat', 'union', 'f', 'toLower', 'az.resourceId']), some(5)), false];
      case 2:
        return [arrayDoc(some(4)), false];
      case 3:
        return [objectDoc(Array.from({ length: int(4) }, (_, i) => concat(pick(['a', 'bb', 'name']) + i, ': ', operand(depth - 1)))), false];
      case 4:
        return [ternaryDoc(operand(depth - 1), operand(depth - 1), operand(depth - 1)), true];
      case 5:
        return [concat('(', operand(depth - 1), ' && ', operand(depth - 1), ')'), false];
      case 6:
        return [concat(callDoc('reference', some(4)), '.properties.x'), false];
      case 7:
        return [concat('!(', operand(depth - 1), ')'), false];
      default:
        return [concat(operand(depth - 1), ' ?? ', operand(depth - 1)), true];
    }
  };
  const declarations: string[] = [];
  for (let i = 0; i < count; i++) {
    const [doc] = expression(2 + int(4));
    const place = int(4);
    if (place === 0) {
      const head = `var v${i} = `;
      declarations.push(head + layoutDoc(doc, head.length, 0));
    } else if (place === 1) {
      const head = `  key${i}: `;
      declarations.push(`var o${i} = {\n${head}${layoutDoc(doc, head.length, 1)}\n}`);
    } else if (place === 2) {
      const head = '      deep: ';
      declarations.push(`var o${i} = {\n  a: {\n    b: {\n${head}${layoutDoc(doc, head.length, 3)}\n    }\n  }\n}`);
    } else {
      declarations.push(`var a${i} = [\n  ${layoutDoc(doc, 2, 1)}\n]`);
    }
  }
  return { text: declarations.join('\n\n') + '\n', declarations };
}
