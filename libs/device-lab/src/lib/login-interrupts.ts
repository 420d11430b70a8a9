import {
  CHANGE_PASSWORD_QUESTION,
  PASSWORD_EXPIRED_TEXT,
  PRESS_ANY_KEY_TEXT,
} from './fault-texts';
import type { LabFault } from './lab-faults';
import { readLine, type Terminal } from './line-editor';

/**
 * Questions some devices ask between login and the first prompt. Resolves `false` when
 * the session ended before they were answered.
 */
export async function passLoginInterrupts(faults: readonly LabFault[], terminal: Terminal): Promise<boolean> {
  if (faults.includes('change-password-prompt')) {
    await terminal.output.write(PASSWORD_EXPIRED_TEXT);
    for (;;) {
      await terminal.output.write(CHANGE_PASSWORD_QUESTION);
      const answer = await readLine(terminal, { echo: true });
      if (answer === undefined) return false;
      // Only "no" gets through: the lab cannot change passwords, so anything else asks again.
      if (answer.trim().toLowerCase() === 'n') break;
    }
  }
  if (faults.includes('press-any-key')) {
    await terminal.output.write(PRESS_ANY_KEY_TEXT);
    if ((await terminal.input.next()) === undefined) return false;
    await terminal.output.write('\r\n');
  }
  return true;
}
