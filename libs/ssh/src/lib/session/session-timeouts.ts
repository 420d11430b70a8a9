/** A bound on every phase of a session, so that no device can hold a worker forever. */
export interface PhaseTimeouts {
  /** TCP connect and key exchange. */
  connectMs: number;
  authMs: number;
  /** From login to the first prompt, and for each step of session preparation. */
  promptMs: number;
  /** Silence allowed while a command's output is still arriving; reset by every chunk. */
  commandIdleMs: number;
  /** Hard limit for one command, however steadily the output trickles in. */
  commandTotalMs: number;
}

export const DEFAULT_TIMEOUTS: Readonly<PhaseTimeouts> = {
  connectMs: 10_000,
  authMs: 10_000,
  promptMs: 15_000,
  commandIdleMs: 20_000,
  commandTotalMs: 300_000,
};

/** Every timeout multiplied by one factor: the CLI's `--timeout` and slow WAN links. */
export function scaleTimeouts(timeouts: PhaseTimeouts, factor: number): PhaseTimeouts {
  const scaled = { ...timeouts };
  for (const key of Object.keys(scaled) as (keyof PhaseTimeouts)[]) scaled[key] = Math.round(scaled[key] * factor);
  return scaled;
}
