import { Client } from 'ssh2';
import type { PlatformDefinition } from '@netkeep/ssh';
import type { LabInventoryDevice } from '@netkeep/device-lab';

/**
 * The reference a benchmark compares libs/ssh against: ssh2 and nothing else. Connect,
 * open a shell, read until the platform's prompt regex, send the same commands. No
 * cleaning, no timeouts per phase, no host keys, no error typing.
 */
export function rawFetchConfig(device: LabInventoryDevice, platform: PlatformDefinition): Promise<string> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    const fail = (error: Error): void => {
      client.destroy();
      reject(error);
    };
    client.on('error', fail);
    client.on('keyboard-interactive', (_n, _i, _l, prompts, finish) => finish(prompts.map(() => device.password)));
    client.on('ready', () => {
      client.shell({ term: 'vt100', cols: 511, rows: 1000 }, (error, channel) => {
        if (error) return fail(error);
        let buffer = '';
        let waiting: { patterns: RegExp[]; done: (index: number) => void } | undefined;
        const check = (): void => {
          if (!waiting) return;
          const lastLine = buffer.slice(buffer.lastIndexOf('\n') + 1).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
          const index = waiting.patterns.findIndex((pattern) => pattern.test(lastLine));
          if (index !== -1) {
            const { done } = waiting;
            waiting = undefined;
            done(index);
          }
        };
        channel.on('data', (chunk: Buffer) => {
          buffer += chunk.toString('utf8');
          check();
        });
        const expect = (patterns: RegExp[]): Promise<number> =>
          new Promise((done) => {
            waiting = { patterns, done };
            check();
          });
        const send = async (line: string, patterns = [platform.prompt]): Promise<number> => {
          buffer = '';
          channel.write(line + '\n');
          return expect(patterns);
        };
        (async () => {
          await expect([platform.prompt]);
          const escalation = platform.privilege;
          if (escalation && !escalation.privilegedPrompt.test(buffer.slice(buffer.lastIndexOf('\n') + 1))) {
            if ((await send(escalation.command, [escalation.secretPrompt, platform.prompt])) === 0) await send(device.enableSecret ?? '');
          }
          for (const command of platform.onOpen) await send(command);
          let config = '';
          for (const command of platform.configCommands) {
            await send(command);
            config += buffer;
          }
          client.end();
          resolve(config);
        })().catch(fail);
      });
    });
    client.connect({
      host: device.host,
      port: device.port,
      username: platform.loginUsername?.(device.username) ?? device.username,
      password: device.password,
      tryKeyboard: true,
    });
  });
}
