import { currentEnvironment } from '@netkeep/installer';
import { runInstaller } from './installer-program';

void runInstaller(process.argv.slice(2), {
  environment: currentEnvironment(),
  stdout: process.stdout,
  stderr: process.stderr,
  interactive: Boolean(process.stderr.isTTY),
  columns: () => process.stderr.columns ?? 100,
}).then((exitCode) => {
  process.exitCode = exitCode;
});
