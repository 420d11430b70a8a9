/** The time devices print. Real time unless a test freezes it, so rendered configs stay comparable. */
export class LabClock {
  private frozenAt: Date | undefined;

  now(): Date {
    return this.frozenAt ? new Date(this.frozenAt) : new Date();
  }

  /** Freeze the clock at `now`; `undefined` goes back to real time. */
  set(now: Date | undefined): void {
    this.frozenAt = now ? new Date(now) : undefined;
  }

  get frozen(): boolean {
    return this.frozenAt !== undefined;
  }
}
