import type { SecretRule } from './platform-definition';
import { requiredLiterals } from './required-literals';

/**
 * Whether a rule's pattern can match a text: false only when the text lacks every literal the
 * pattern provably needs. Most configuration lines hold no secret, and this is far cheaper than
 * the rule itself. A rule whose literals cannot be proven always runs.
 */
export type SecretPrefilter = (text: string) => boolean;

const ALWAYS: SecretPrefilter = () => true;

/** Analysed once per pattern: rules are shared by every configuration of a platform. */
const PREFILTERS = new WeakMap<RegExp, SecretPrefilter>();

export function secretPrefilter(rule: SecretRule): SecretPrefilter {
  let prefilter = PREFILTERS.get(rule.pattern);
  if (!prefilter) {
    prefilter = prefilterFor(requiredLiterals(rule.pattern));
    PREFILTERS.set(rule.pattern, prefilter);
  }
  return prefilter;
}

function prefilterFor(literals: readonly string[] | undefined): SecretPrefilter {
  if (!literals) return ALWAYS;
  if (literals.length === 1) {
    const [literal] = literals;
    return (text) => text.includes(literal);
  }
  // One alternation of the literals: measured about three times faster than an `includes` loop over Cisco's fourteen.
  const anyLiteral = new RegExp(literals.map(escapeRegExp).join('|'));
  return (text) => anyLiteral.test(text);
}

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
