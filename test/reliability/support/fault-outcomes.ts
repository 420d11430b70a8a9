import type { LabFault } from '@netkeep/device-lab';
import { STORM_ATTEMPTS, STORM_TIMEOUTS } from './storm-environment';

/** How a backup of a device must end: archived, or failed in a phase, for a reason, after so many sessions. */
export type ExpectedOutcome = { status: 'archived' } | { status: 'failed'; phase: string; reason: RegExp; attempts: number };

/** What a device is in the storm: healthy, in a lab fault mode from the start, or made faulty on the way. */
export type StormRole = 'healthy' | LabFault | 'host-key change' | 'made to hang';

const ARCHIVED: ExpectedOutcome = { status: 'archived' };

/** `1.5s` as libs/ssh words a timeout, escaped for a pattern. */
function secondsText(ms: number): string {
  return `${ms / 1000}s`.replace('.', '\\.');
}

/**
 * Every lab fault mode and how its devices' backups end (a Record: a mode added to the lab does
 * not compile until it is here). The faults a driver gets past (legacy ciphers, banners full of
 * prompts, questions before the first prompt, a slow trickle) are archived like healthy devices;
 * the others fail in the phase the session reached, for its reason.
 */
export const FAULT_OUTCOMES: Record<LabFault, ExpectedOutcome> = {
  'auth-fail': { status: 'failed', phase: 'auth', reason: /credentials rejected/, attempts: 1 },
  'hang-mid-output': {
    status: 'failed',
    phase: 'command',
    reason: new RegExp(`no prompt after the output within ${secondsText(STORM_TIMEOUTS.commandIdleMs)} of silence`),
    attempts: STORM_ATTEMPTS,
  },
  'disconnect-mid-output': { status: 'failed', phase: 'closed', reason: /connection closed by the device after \d+ bytes/, attempts: STORM_ATTEMPTS },
  'prompt-never-matches': {
    status: 'failed',
    phase: 'prompt',
    reason: new RegExp(`no prompt recognised within ${secondsText(STORM_TIMEOUTS.promptMs)}`),
    attempts: STORM_ATTEMPTS,
  },
  'slow-trickle': ARCHIVED,
  'banner-prompt-text': ARCHIVED,
  'legacy-cbc': ARCHIVED,
  'legacy-dh': ARCHIVED,
  'keyboard-interactive-only': ARCHIVED,
  'change-password-prompt': ARCHIVED,
  'press-any-key': ARCHIVED,
};

/** Archived once, then showing a new host key: refused at once, never trusted on its own. */
const HOST_KEY_CHANGED: ExpectedOutcome = {
  status: 'failed',
  phase: 'host-key',
  reason: /^host key changed: known .+ offered .+; refusing to connect/,
  attempts: 1,
};

/** How each role's backup ends: a healthy device made to hang ends like one that always hangs. */
export function expectedOutcomeOf(role: StormRole): ExpectedOutcome {
  if (role === 'healthy') return ARCHIVED;
  if (role === 'host-key change') return HOST_KEY_CHANGED;
  if (role === 'made to hang') return FAULT_OUTCOMES['hang-mid-output'];
  return FAULT_OUTCOMES[role];
}
