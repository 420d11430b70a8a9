import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../platform-registry';
import { COMMON_LOGIN_INTERRUPTS } from './login-interrupts';

function answerTo(line: string): string | undefined {
  return COMMON_LOGIN_INTERRUPTS.find((interrupt) => interrupt.pattern.test(line))?.answer;
}

describe('COMMON_LOGIN_INTERRUPTS', () => {
  it.each([
    ['Change now? [Y/N]: ', 'N\n'],
    ['Change now? [Y/N]:', 'N\n'],
    ['The password needs to be changed. Change now? [Y/N]:', 'N\n'],
    ['Warning: The initial password poses security risks. The password needs to be changed. Change now? [Y/N]:', 'N\n'],
    ['Press any key to continue', ' '],
    ['-- Press any key to continue --', ' '],
    ['Warning: There are security risks in the configuration file. Continue? [Y/N]:', 'Y\n'],
  ])('answers %j with %j', (line, answer) => expect(answerTo(line)).toBe(answer));

  it.each(['Continue? [Y/N]:', 'Password:', 'Change password now', 'lab-ios-0001#'])('leaves %j alone', (line) => {
    expect(answerTo(line)).toBeUndefined();
  });

  it('is answered by every platform', () => {
    for (const platform of PLATFORMS) expect(platform.loginInterrupts, platform.name).toBe(COMMON_LOGIN_INTERRUPTS);
  });
});
