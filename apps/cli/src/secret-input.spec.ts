import { describe, expect, it } from 'vitest';
import { UsageError } from './cli-errors';
import { readDeviceSecrets, type SecretRequest } from './secret-input';

const ios: SecretRequest = { device: 'lab-ios-0001', username: 'admin', hasKey: false, hasEnableLevel: true };

/** Stands in for the operator at a terminal: answers every question, remembers what was asked. */
function operatorAtTerminal(answer: string) {
  const questions: string[] = [];
  const promptSecret = async (question: string) => {
    questions.push(question);
    return answer;
  };
  return { questions, promptSecret };
}

describe('readDeviceSecrets', () => {
  it('takes the password and enable secret from the environment over a terminal', async () => {
    const terminal = operatorAtTerminal('typed');
    const env = { NETKEEP_SSH_PASSWORD: 'from-env', NETKEEP_ENABLE_SECRET: 'enable-env' };

    const secrets = await readDeviceSecrets(ios, { env, promptSecret: terminal.promptSecret });

    expect(secrets).toEqual({ password: 'from-env', enableSecret: 'enable-env' });
    expect(terminal.questions).toEqual([]);
  });

  it('prompts at a terminal for what the environment lacks', async () => {
    const terminal = operatorAtTerminal('typed');

    const secrets = await readDeviceSecrets(ios, { env: {}, promptSecret: terminal.promptSecret });

    expect(secrets).toEqual({ password: 'typed', enableSecret: 'typed' });
    expect(terminal.questions).toEqual(['Password for admin@lab-ios-0001: ', 'Enable secret for lab-ios-0001 (Enter if none): ']);
  });

  it('does not ask for an enable secret on a platform without an enable level', async () => {
    const terminal = operatorAtTerminal('typed');

    const secrets = await readDeviceSecrets({ ...ios, hasEnableLevel: false }, { env: {}, promptSecret: terminal.promptSecret });

    expect(secrets.enableSecret).toBeUndefined();
    expect(terminal.questions).toHaveLength(1);
  });

  it('leaves the enable secret out when the operator just presses Enter', async () => {
    let asked = 0;
    const promptSecret = async () => (++asked === 1 ? 'typed' : '');

    expect((await readDeviceSecrets(ios, { env: {}, promptSecret })).enableSecret).toBeUndefined();
  });

  it('never prompts when a key was given', async () => {
    const terminal = operatorAtTerminal('typed');

    const secrets = await readDeviceSecrets({ ...ios, hasKey: true }, { env: {}, promptSecret: terminal.promptSecret });

    expect(secrets).toEqual({ password: undefined, enableSecret: undefined });
    expect(terminal.questions).toEqual([]);
  });

  it('still passes an environment password along with a key', async () => {
    const secrets = await readDeviceSecrets({ ...ios, hasKey: true }, { env: { NETKEEP_SSH_PASSWORD: 'pw' } });

    expect(secrets.password).toBe('pw');
  });

  it('treats an empty variable as unset', async () => {
    const terminal = operatorAtTerminal('typed');

    const secrets = await readDeviceSecrets(ios, { env: { NETKEEP_SSH_PASSWORD: '' }, promptSecret: terminal.promptSecret });

    expect(secrets.password).toBe('typed');
  });

  it('fails with one line naming the device and the ways to give a password when there is no terminal', async () => {
    const reading = readDeviceSecrets(ios, { env: {} });

    await expect(reading).rejects.toThrow(UsageError);
    await expect(reading).rejects.toThrow(
      /^lab-ios-0001: no password: set NETKEEP_SSH_PASSWORD, pass --key <path>, or run from a terminal to be prompted$/,
    );
  });
});
