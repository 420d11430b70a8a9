import type { GeneratedRequest } from './request-parts';

export interface FuzzResponse {
  status: number;
  contentType: string;
  text: string;
  headers?: Headers;
}

interface OperationTally {
  valid: number;
  invalid: number;
  validStatuses: Map<number, number>;
  invalidStatuses: Map<number, number>;
}

/** Every request sent and what came back: the per-operation summary, and the failures with what it takes to replay them. */
export class FuzzReport {
  private readonly tallies = new Map<string, OperationTally>();
  private readonly kinds = new Map<string, number>();
  /** One entry per kind of failure (problem, operation, mistake): its count and the first example. */
  private readonly failureGroups = new Map<string, { count: number; example: string }>();

  constructor(readonly seed: number) {}

  get total(): number {
    let total = 0;
    for (const tally of this.tallies.values()) total += tally.valid + tally.invalid;
    return total;
  }

  count(kind: 'valid' | 'invalid'): number {
    let total = 0;
    for (const tally of this.tallies.values()) total += tally[kind];
    return total;
  }

  /** Responses with a 2xx status, by operation, among valid requests. */
  acceptedValid(operationKey: string): number {
    const statuses = this.tallies.get(operationKey)?.validStatuses ?? new Map<number, number>();
    return [...statuses].filter(([status]) => status >= 200 && status < 300).reduce((sum, [, count]) => sum + count, 0);
  }

  record(request: GeneratedRequest, response: FuzzResponse): void {
    const tally = this.tallyOf(request.operation.key);
    tally[request.kind]++;
    const statuses = request.kind === 'valid' ? tally.validStatuses : tally.invalidStatuses;
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    if (request.mutation) this.kinds.set(request.mutation.kind, (this.kinds.get(request.mutation.kind) ?? 0) + 1);
  }

  /** Failures grouped by what went wrong where, each with its count and first example. */
  get failures(): string[] {
    return [...this.failureGroups].map(([group, { count, example }]) => `${group} (×${count}), e.g.\n    ${example}`);
  }

  fail(problem: string, request?: GeneratedRequest, response?: FuzzResponse): void {
    const group = request ? `${problem}: ${request.operation.key}${request.mutation ? ` with ${request.mutation.kind}` : ''}` : problem;
    const what = request?.mutation ? ` [${request.mutation.detail}]` : '';
    const body = request?.body === undefined ? '' : `\n    body (${request.contentType}): ${excerpt(request.body)}`;
    const answer = response ? `\n    answer ${response.status} ${response.contentType}: ${excerpt(response.text)}` : '';
    const example = request ? `${request.method} ${excerpt(request.url)}${what}${body}${answer}` : '';
    const known = this.failureGroups.get(group);
    if (known) known.count++;
    else this.failureGroups.set(group, { count: 1, example });
  }

  summary(): string {
    const rows = [...this.tallies].map(([key, tally]) => `  ${key.padEnd(62)} ${String(tally.valid).padStart(4)} valid ${statuses(tally.validStatuses).padEnd(28)} ${String(tally.invalid).padStart(4)} invalid ${statuses(tally.invalidStatuses)}`);
    const kinds = [...this.kinds].sort(([, a], [, b]) => b - a).map(([kind, count]) => `  ${String(count).padStart(5)}  ${kind}`);
    return [
      `API robustness: ${this.total} generated requests (${this.count('valid')} valid, ${this.count('invalid')} invalid), seed ${this.seed} (replay: NETKEEP_FUZZ_SEED=${this.seed})`,
      ...rows,
      'invalid requests by kind of mistake:',
      ...kinds,
    ].join('\n');
  }

  private tallyOf(key: string): OperationTally {
    let tally = this.tallies.get(key);
    if (!tally) {
      tally = { valid: 0, invalid: 0, validStatuses: new Map(), invalidStatuses: new Map() };
      this.tallies.set(key, tally);
    }
    return tally;
  }
}

function statuses(counts: Map<number, number>): string {
  return [...counts].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(' ');
}

function excerpt(text: string, length = 200): string {
  const printable = JSON.stringify(text).slice(1, -1);
  return printable.length > length ? `${printable.slice(0, length)}…(${text.length} chars)` : printable;
}
