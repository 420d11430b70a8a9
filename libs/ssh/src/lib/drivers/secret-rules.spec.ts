import { describe, expect, it } from 'vitest';
import { maskToken, maskValueAfter, SECRET_MARKER } from './secret-rules';

function apply(rule: { pattern: RegExp; replacement: string }, line: string): string {
  return line.replace(rule.pattern, rule.replacement);
}

describe('maskValueAfter', () => {
  const community = maskValueAfter('^snmp-server community ');

  it('masks the value and keeps the rest of the line', () => {
    expect(apply(community, 'snmp-server community public RO 10')).toBe(`snmp-server community ${SECRET_MARKER} RO 10`);
  });

  it('keeps the quotes of a quoted value, spaces and escapes included', () => {
    const password = maskValueAfter('password=');
    expect(apply(password, 'add password="two words" user=x')).toBe(`add password="${SECRET_MARKER}" user=x`);
    expect(apply(password, 'add password="say \\"hi\\"" user=x')).toBe(`add password="${SECRET_MARKER}" user=x`);
  });

  it('leaves an empty quoted value visible', () => {
    expect(apply(maskValueAfter('password='), 'add password="" user=x')).toBe('add password="" user=x');
  });

  it('changes nothing when applied to its own output', () => {
    const once = apply(community, 'snmp-server community public RO');
    expect(apply(community, once)).toBe(once);
    const quoted = apply(maskValueAfter('key 7 '), 'tacacs-server key 7 "abc"');
    expect(apply(maskValueAfter('key 7 '), quoted)).toBe(quoted);
  });

  it('masks every occurrence with the g flag', () => {
    const rule = maskValueAfter('(?:^|\\s)(?:secret|password)=', { flags: 'g' });
    expect(apply(rule, 'add password=a secret=b name=c')).toBe(`add password=${SECRET_MARKER} secret=${SECRET_MARKER} name=c`);
  });

  it('requires the suffix after the value', () => {
    const rule = maskValueAfter('^\\s*community ', { suffix: '(?= \\{)' });
    expect(apply(rule, '    community public {')).toBe(`    community ${SECRET_MARKER} {`);
    expect(apply(rule, '    community BLACKHOLE members 65535:666;')).toBe('    community BLACKHOLE members 65535:666;');
  });
});

describe('maskToken', () => {
  it('replaces the whole token, whatever characters it holds', () => {
    const rule = maskToken(/%\^%#.*?%\^%#/g);
    expect(apply(rule, 'cipher %^%#a b"c%^%# and %^%#d%^%#')).toBe(`cipher ${SECRET_MARKER} and ${SECRET_MARKER}`);
  });
});
