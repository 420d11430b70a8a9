import type { ClientChannel } from 'ssh2';
import { StringDecoder } from 'node:string_decoder';
import type { ShellStream } from './shell-stream';

/** An ssh2 shell channel as a ShellStream; multi-byte characters split across packets survive. */
export function channelShellStream(channel: ClientChannel): ShellStream {
  const decoder = new StringDecoder('utf8');
  return {
    write: (data) => {
      channel.write(data);
    },
    onData: (listener) => {
      channel.on('data', (chunk: Buffer) => {
        const text = decoder.write(chunk);
        if (text) listener(text);
      });
      // Some devices print prompts and errors on the extended stream.
      channel.stderr.on('data', (chunk: Buffer) => listener(chunk.toString('utf8')));
    },
    onClose: (listener) => {
      channel.once('close', listener);
    },
    close: () => {
      channel.end();
    },
  };
}
