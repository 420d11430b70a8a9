import { encodedForms } from './encoded-forms';

interface Needle {
  secret: string;
  form: Buffer;
}

/** Where a secret was found: what was scanned, which secret (by label), and the text around it. */
export interface Leak {
  source: string;
  secret: string;
  context: string;
}

/**
 * Looks for known secrets, in every encoded form, in whatever a suite produced: response bodies
 * and headers, log lines, metrics, webhook deliveries, archive objects, database and Redis bytes.
 */
export class LeakScanner {
  private readonly needles: Needle[] = [];
  private readonly secrets = new Map<string, string>();
  readonly leaks: Leak[] = [];
  private scannedBytes = 0;
  private scannedSources = 0;

  /** `label` names the secret in reports (never the secret itself, which would leak into the test output). */
  watch(label: string, secret: string): void {
    this.secrets.set(label, secret);
    for (const form of encodedForms(secret)) this.needles.push({ secret: label, form: Buffer.from(form, 'utf8') });
  }

  get secretCount(): number {
    return new Set(this.needles.map((needle) => needle.secret)).size;
  }

  get coverage(): { sources: number; bytes: number } {
    return { sources: this.scannedSources, bytes: this.scannedBytes };
  }

  /** Scans `data`; `except` names secrets that may appear here (a token in the response that issued it). */
  scan(source: string, data: string | Buffer | Uint8Array, except: ReadonlySet<string> = new Set()): void {
    const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    this.scannedSources++;
    this.scannedBytes += buffer.length;
    for (const needle of this.needles) {
      if (except.has(needle.secret)) continue;
      const at = buffer.indexOf(needle.form);
      if (at < 0) continue;
      const around = buffer.subarray(Math.max(0, at - 60), at).toString('utf8').replace(/[^\x20-\x7e]/g, '.');
      this.leaks.push({ source, secret: needle.secret, context: `…${this.labelled(around)}[${needle.secret}]` });
    }
  }

  /** `text` with every watched secret in it replaced by its label: the report must not leak either. */
  private labelled(text: string): string {
    let result = text;
    for (const [label, secret] of this.secrets) result = result.split(secret).join(`[${label}]`);
    return result;
  }

  /** One line per leak, secrets by label only. */
  report(): string[] {
    const seen = new Set<string>();
    return this.leaks
      .map((leak) => `${leak.secret} in ${leak.source}: ${leak.context}`)
      .filter((line) => (seen.has(line) ? false : (seen.add(line), true)));
  }
}
