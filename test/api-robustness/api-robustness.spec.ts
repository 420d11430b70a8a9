import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FuzzReport, type FuzzResponse } from './support/fuzz-report';
import { SeededPlatform } from './support/seeded-platform';
import { invalidRequests } from './support/invalid-requests';
import { toGeneratedRequest, type GeneratedRequest } from './support/request-parts';
import { inRunOrder } from './support/run-order';
import { fuzzSeed, SeededRandom } from './support/seeded-random';
import { StoreObserver } from './support/store-snapshot';
import { validRequest } from './support/valid-requests';

const SEED = fuzzSeed();
const MIN_REQUESTS_PER_RUN = 2_000;

/**
 * Per database and operation: the full run on SQLite (the embedded default), a third of it on
 * PostgreSQL (stricter about text: NUL bytes, lengths): about 2,100 and 700 requests with the
 * platform's 49 operations, 7 of which take no input to break.
 */
const SIZES = {
  sqlite: { validPerOperation: 12, invalidPerOperation: 36 },
  postgres: { validPerOperation: 4, invalidPerOperation: 12 },
} as const;

/** Operations whose valid requests cannot succeed in this app, and why. */
const NO_HAPPY_PATH: Record<string, string> = {
  'GET /api/v1/telemetry/devices/{id}/interfaces/{ifName}/history': 'no poller runs here, so no interface has history',
  // Their happy paths run against the device lab in libs/inventory's host-key spec and the security suite.
  'GET /api/v1/devices/{id}/host-key': 'no SSH session runs here, so no device has a host key on record',
  'DELETE /api/v1/devices/{id}/host-key': 'no SSH session runs here, so no device has a host key on record',
  'POST /api/v1/devices/{id}/host-key/accept': 'no SSH session runs here, so no device has offered a changed key',
};

function errorBodyProblem(response: FuzzResponse): string | undefined {
  if (!/json/.test(response.contentType)) return `a ${response.status} answered as ${response.contentType || 'no content type'}, not JSON`;
  let body: { statusCode?: unknown; message?: unknown };
  try {
    body = JSON.parse(response.text) as typeof body;
  } catch {
    return `a ${response.status} whose body is not JSON`;
  }
  if (typeof body.message !== 'string' || body.message.trim() === '') return `a ${response.status} without a message`;
  if (body.statusCode !== response.status) return `a ${response.status} whose body says statusCode ${String(body.statusCode)}`;
  return undefined;
}

/** What every answer must be; for invalid requests also: refused, and for the mistake rather than for the token. */
function check(report: FuzzReport, request: GeneratedRequest, response: FuzzResponse): void {
  report.record(request, response);
  if (response.status >= 500) report.fail(`server error ${response.status}`, request, response);
  else if (response.status >= 400) {
    const problem = errorBodyProblem(response);
    if (problem) report.fail(problem, request, response);
  }
  if (request.kind === 'invalid' && response.status < 400) report.fail(`invalid request accepted with ${response.status}`, request, response);
  if (response.status === 401 || response.status === 403) report.fail(`refused for its token (${response.status}), not for its content`, request, response);
  if (({} as Record<string, unknown>)['polluted'] !== undefined) report.fail('Object.prototype was polluted', request, response);
}

describe.each(['sqlite', 'postgres'] as const)('generated requests against the embedded platform on %s', (database) => {
  const size = SIZES[database];
  const report = new FuzzReport(SEED);
  let target: SeededPlatform;

  beforeAll(async () => {
    target = await SeededPlatform.start(database);
  }, 60_000);

  afterAll(async () => {
    console.log(`[${database}] ${report.summary()}`);
    await target?.close();
  });

  it(
    'answers every request without a 5xx, refuses every invalid one with a 4xx JSON message, and refused requests change no table, Redis key or archive ref',
    async () => {
      const random = new SeededRandom(SEED);
      for (const operation of inRunOrder(target.operations)) {
        const stream = random.fork(operation.key);
        const context = () => ({ random: stream, pools: target.pools });
        for (let index = 0; index < size.validPerOperation; index++) {
          const request = toGeneratedRequest(operation, validRequest(operation, context()), 'valid');
          check(report, request, await target.send(request));
        }
        await target.refreshPools();

        const invalid = invalidRequests(operation, size.invalidPerOperation, context);
        if (invalid.length === 0) continue;
        const before = await target.settle();
        for (const request of invalid) check(report, request, await target.send(request));
        const changes = StoreObserver.differences(before, await target.store.capture());
        if (changes.length > 0) {
          report.fail(`${invalid.length} refused requests of ${operation.key} changed the store:\n    ${changes.join('\n    ')}\n    kinds sent: ${[...new Set(invalid.map((request) => request.mutation?.kind))].join('; ')}`);
        }
      }
      if (database === 'sqlite') {
        // The full run only: a dozen valid requests per operation make a miss a generator problem, not chance.
        for (const operation of target.operations) {
          if (report.acceptedValid(operation.key) === 0 && !NO_HAPPY_PATH[operation.key]) {
            report.fail(`no valid request of ${operation.key} was accepted: the generator does not reach its handler`);
          }
        }
        expect(report.total).toBeGreaterThanOrEqual(MIN_REQUESTS_PER_RUN);
      }
      expect(report.failures, `${report.failures.length} kinds of failure, seed ${SEED} (replay: NETKEEP_FUZZ_SEED=${SEED}):\n\n${report.failures.join('\n\n')}`).toEqual([]);
    },
    150_000,
  );
});
