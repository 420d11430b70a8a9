/** Runs critical sections one at a time, in call order, within this process. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  run<T>(critical: () => Promise<T>): Promise<T> {
    this.waiting++;
    const result = this.tail.then(critical);
    // The next section waits for this one to settle, whether it succeeded or not.
    this.tail = result.then(
      () => this.waiting--,
      () => this.waiting--,
    );
    return result;
  }

  /** Sections queued or running. */
  get pending(): number {
    return this.waiting;
  }

  /** Resolves once everything queued so far has settled. */
  async idle(): Promise<void> {
    await this.tail;
  }
}
