/**
 * String tokens: how an expression survives being interpolated into a JavaScript string.
 *
 * `${nsg.id}` calls `Expression.toString()`, which returns `${AzCdk.Token[7]}` and remembers
 * token 7 in the process-wide token table (process-state.ts). At synth time `Tokens.split` cuts such strings back into
 * literal text and expression nodes. The token numbers never reach the output, so output stays
 * deterministic whatever order tokens were created in.
 */
import { AzcdkError } from './errors.js';
import type { Expression } from './expression.js';
import { tokenTable } from './process-state.js';

const PREFIX = '${AzCdk.Token[';
const PATTERN = /\$\{AzCdk\.Token\[(\d+)\]\}/g;

// The table is process-wide, shared by every copy of this library; process-state.ts says why.
const table = tokenTable;

/** Encoding and decoding of string tokens. */
export const Tokens = {
  /** The token string for an expression (the same expression always gets the same token). */
  encode(expression: Expression): string {
    const t = table();
    let token = t.byExpression.get(expression);
    if (token === undefined) {
      token = `${PREFIX}${t.byId.length}]}`;
      t.byId.push(expression);
      t.byExpression.set(expression, token);
    }
    return token;
  },

  /** True if the string contains at least one token (cheap check for the hot path). */
  containsToken(s: string): boolean {
    return s.includes(PREFIX);
  },

  /** Where the first token in the string starts, or -1. */
  indexOfToken(s: string): number {
    return s.indexOf(PREFIX);
  },

  /**
   * Splits a string into literal text and expressions, in order.
   * Throws if a token is not known to this process (a string copied from another run).
   */
  split(s: string): Array<string | Expression> {
    const t = table();
    const parts: Array<string | Expression> = [];
    let last = 0;
    for (const match of s.matchAll(PATTERN)) {
      const index = match.index ?? 0;
      if (index > last) parts.push(s.slice(last, index));
      const expression = t.byId[Number(match[1])];
      if (!expression) throw new AzcdkError(`Unknown token '${match[0]}': it was not created in this process.`);
      parts.push(expression);
      last = index + match[0].length;
    }
    if (last < s.length) parts.push(s.slice(last));
    return parts;
  },
};
