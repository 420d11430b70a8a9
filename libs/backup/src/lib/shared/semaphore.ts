/** Runs at most `limit` sections at once within this process; the others wait, in call order. */
export class Semaphore {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(section: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) this.running++;
    // A finishing section hands its place straight to the next in line.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await section();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
