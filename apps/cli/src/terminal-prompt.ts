import { InterruptedError } from './cli-errors';

const ENTER = new Set(['\r', '\n', '\u0004']);
const CTRL_C = '\u0003';
const BACKSPACE = new Set(['\u007f', '\b']);

/**
 * Reads one line from the terminal in raw mode so nothing is echoed. The question goes to
 * stderr, keeping stdout clean for the command output a script may be capturing.
 */
export function promptHidden(
  question: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const wasRaw = input.isRaw;
    const finish = (result: string | undefined) => {
      input.off('data', onData);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      if (result === undefined) reject(new InterruptedError());
      else resolve(result);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (ENTER.has(char)) return finish(answer);
        if (char === CTRL_C) return finish(undefined);
        answer = BACKSPACE.has(char) ? answer.slice(0, -1) : answer + char;
      }
    };
    // Echo goes off before the question shows: an answer typed or pasted at once stays hidden.
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.on('data', onData);
    input.resume();
    output.write(question);
  });
}
