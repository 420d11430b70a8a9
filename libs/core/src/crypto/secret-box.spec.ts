import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box';
import { SealedSecretError } from './secret-box.error';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips text, including empty and non-ASCII', () => {
    for (const plain of ['s3cret-Passw0rd', '', 'enable: ünïcødé ✓', 'x'.repeat(10_000)]) {
      expect(box.open(box.seal(plain))).toBe(plain);
    }
  });

  it('seals as v1:<iv>:<tag>:<ciphertext> with a fresh IV each time', () => {
    const first = box.seal('same');
    const second = box.seal('same');
    expect(first).toMatch(/^v1:[A-Za-z0-9+/=]{16}:[A-Za-z0-9+/=]{24}:[A-Za-z0-9+/=]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('same');
    expect(SecretBox.isSealed(first)).toBe(true);
    expect(SecretBox.isSealed('plain password')).toBe(false);
  });

  it('detects tampering with the ciphertext, the tag or the IV', () => {
    const sealed = box.seal('router-password');
    const [version, iv, tag, ciphertext] = sealed.split(':') as [string, string, string, string];
    const flip = (text: string) => {
      const bytes = Buffer.from(text, 'base64');
      bytes.writeUInt8(bytes.readUInt8(0) ^ 0x01, 0);
      return bytes.toString('base64');
    };
    for (const altered of [
      [version, iv, tag, flip(ciphertext)],
      [version, iv, flip(tag), ciphertext],
      [version, flip(iv), tag, ciphertext],
    ]) {
      expect(() => box.open(altered.join(':'))).toThrow(
        expect.objectContaining({ name: 'SealedSecretError', problem: 'wrong-key-or-tampered' }),
      );
    }
  });

  it('refuses to open with a different key, without leaking anything', () => {
    const sealed = box.seal('community-string');
    const other = new SecretBox(randomBytes(32));
    let error: unknown;
    try {
      other.open(sealed);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SealedSecretError);
    expect((error as SealedSecretError).problem).toBe('wrong-key-or-tampered');
    expect((error as Error).message).toMatch(/different NETKEEP_SECRET_KEY/);
    expect((error as Error).message).not.toContain('community-string');
  });

  it('says what is wrong with a malformed or future value', () => {
    expect(() => box.open('plain text')).toThrow(expect.objectContaining({ problem: 'malformed' }));
    expect(() => box.open('v1:AAAA:BBBB:CCCC')).toThrow(expect.objectContaining({ problem: 'malformed' }));
    expect(() => box.open('v2:a:b:c')).toThrow(expect.objectContaining({ problem: 'unsupported-version' }));
  });

  it('needs a 32-byte key', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32-byte key \(got 16 bytes\)/);
  });
});
