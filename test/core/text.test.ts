import { expect } from 'chai';
import { article } from '../../lib/core/text.js';

describe('article', () => {
  it("is 'an' before a vowel (any case) and 'a' otherwise", () => {
    expect(['int', 'object', 'Array', 'ordering', 'string', 'bool', 'reference'].map((w) => `${article(w)} ${w}`)).to.deep.equal([
      'an int', 'an object', 'an Array', 'an ordering', 'a string', 'a bool', 'a reference',
    ]);
  });
});
