import { describe, expect, it } from 'vitest';
import { maskValueAfter, maskValuesAfter } from './drivers/secret-rules';
import { requiredLiterals } from './required-literals';

describe('requiredLiterals', () => {
  it.each([
    ['a plain literal', /snmp-server community/, ['snmp-server community']],
    ['each alternative', /secret|pre-shared-key/, ['secret', 'pre-shared-key']],
    ['the longest run of an alternative', /^\s*abc\d+ defgh/, [' defgh']],
    ['runs around an optional character', /ab?cde/, ['cde']],
    ['runs around a lazy quantifier', /abc.*?defg/, ['defg']],
    ['runs around a counted character', /ab{2,3}cdefg/, ['cdefg']],
    ['runs around an optional group', /(?:abcdef)?ghi/, ['ghi']],
    ['runs around a class, even one holding `|`, `(` and `]`', /key[|(\]0-9]string/, ['string']],
    ['escaped punctuation as itself', new RegExp(String.raw`a\.b\-c\/d`), ['a.b-c/d']],
    ['text beside class escapes and boundaries', /\d+\s*secret\b/, ['secret']],
    ['text after a hex escape, not its digits', /\x41bcd/, ['bcd']],
    ['text after a backreference, not its digits', /(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\10xyz/, ['xyz']],
    ['text beside a lookbehind, not inside it', /(?<=secret )value/, ['value']],
    ['text beside lookarounds, not inside them', /(?<!no )password(?= \d)/, ['password']],
    ['text beside a lookahead, not inside it', /(?=abcdef)xyz/, ['xyz']],
    ['the alternatives of a mandatory group', /^\s*(?:password|secret) \d/, ['password', 'secret']],
    ['a named group', /(?<name>abc)d/, ['abc']],
    ['a nested mandatory group', /x(?:(?:password|secret) )y/, ['password', 'secret']],
    ['a group whose shortest literal beats a run', /^(?:tacacs-server|radius-server) .* key /, ['tacacs-server', 'radius-server']],
    ['only the shorter of two literals when one contains the other', /password|xpasswordy/, ['password']],
    ['unicode property escapes as one unit', /\p{L}abc/u, ['abc']],
  ])('finds %s', (_case, pattern, expected) => expect(requiredLiterals(pattern)).toEqual(expected));

  it("does not require a character that is optional: `ab?c` needs no 'abc'", () => {
    expect(requiredLiterals(/ab?c/)).toBeUndefined();
  });

  it('looks into the alternation maskValuesAfter wraps in a group', () => {
    expect(requiredLiterals(maskValuesAfter(['^\\s*enable secret ', '\\bkey-string (?:[0-9] )?']).pattern)).toEqual([
      'enable secret ',
      'key-string ',
    ]);
    expect(requiredLiterals(maskValueAfter('^\\s*community ', { suffix: '(?= \\{)' }).pattern)).toEqual(['community ']);
  });

  it.each([
    ['anything', /.*/],
    ['a class escape', /\w+/],
    ['case-insensitive matching', /secret/i],
    ['sticky matching', /secret/y],
    ['an alternative without 3 literal characters', /secret|ab/],
    ['an empty alternative', /secret|/],
    ['a quantified group', /x(?:abc)+yz/],
    ['an unknown identity escape', /\pabc/],
    ['a brace that is no quantifier', /abc{/],
    // Node 20 cannot build one yet; only the source and flags are read.
    ['a modifier group', { source: '(?-i:abcd)', flags: '' } as RegExp],
    ['an astral character a quantifier may split', /abc😀?/u],
  ])('gives up on %s', (_case, pattern) => expect(requiredLiterals(pattern)).toBeUndefined());

  it('holds for every match of random patterns over random texts', () => {
    const random = seededRandom(7);
    const pieces = ['ab', 'c', 'd?', 'e*', 'abc', 'bcd', '(?:ef|gh)', '(xy)?', '(?:abc|abd)', '[a-c]', '.', '\\.', '\\s', ' ', '|', '^', '$', '(?<=a)', '(?!b)', '(?!abc)', '(?<!bcd)', 'x{2}', 'y+?'];
    const alphabet = 'abcdefghxy .';
    let checked = 0;
    for (let n = 0; n < 3000; n++) {
      const source = Array.from({ length: 1 + random(6) }, () => pieces[random(pieces.length)]).join('');
      const pattern = new RegExp(source, 'g');
      const literals = requiredLiterals(pattern);
      if (!literals) continue;
      for (let t = 0; t < 40; t++) {
        const text = Array.from({ length: random(16) }, () => alphabet[random(alphabet.length)]).join('') + source.replace(/[^a-hxy .]/g, '');
        for (const match of text.matchAll(pattern)) {
          checked++;
          expect(literals.some((literal) => match[0].includes(literal)), `${source} on ${JSON.stringify(text)}`).toBe(true);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

/** Deterministic integers below `bound`, so a failure reproduces. */
function seededRandom(seed: number): (bound: number) => number {
  let state = seed;
  return (bound) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    // The high bits: an LCG's low bits repeat with a short period.
    return Math.floor((state / 2 ** 31) * bound);
  };
}
