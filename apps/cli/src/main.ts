import { runCli } from './cli-program';
import { promptHidden } from './terminal-prompt';

void runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  promptSecret: process.stdin.isTTY ? (question) => promptHidden(question) : undefined,
}).then((exitCode) => {
  process.exitCode = exitCode;
});
