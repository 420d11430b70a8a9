import { BACKUP_CONFIG_VARIABLES } from '@netkeep/backup';
import { CONFIG_VARIABLES, type ConfigVariable } from '@netkeep/core';
import { TELEMETRY_CONFIG_VARIABLES } from '@netkeep/telemetry';

/** Every environment variable netkeep reads, in the order the README lists them. */
export const ALL_VARIABLES: readonly ConfigVariable[] = [...CONFIG_VARIABLES, ...BACKUP_CONFIG_VARIABLES, ...TELEMETRY_CONFIG_VARIABLES];

/** The README's table, from the same data start-up validation uses: `npm run docs:env`. */
export function environmentTable(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = ALL_VARIABLES.map((variable) => `| \`${variable.name}\` | ${cell(variable.default)} | ${cell(variable.meaning)} |`);
  return ['| variable | default | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

if (require.main === module) process.stdout.write(environmentTable() + '\n');
