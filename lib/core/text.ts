/**
 * Small helpers for the English of messages, shared by synthesis, deployment and assertions.
 */

/** "a" or "an" before a word, by its first letter: `an int`, `a string`, `an ordering`. */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
