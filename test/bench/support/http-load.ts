import { Agent, request } from 'node:http';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** One load run: `requests` GETs of `url` over `connections` keep-alive connections. */
export interface HttpLoadPlan {
  url: string;
  headers: Record<string, string>;
  connections: number;
  requests: number;
}

export interface HttpLoadResult {
  requests: number;
  failures: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  bytes: number;
}

/**
 * Runs the load on a worker thread, so the generator never competes with the server under test
 * for the main thread's event loop (autocannon is not installed; this is its core loop).
 */
export function runHttpLoad(plan: HttpLoadPlan): Promise<HttpLoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: plan });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`load worker exited with ${code}`)));
  });
}

function get(agent: Agent, url: URL, headers: Record<string, string>): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function generate(plan: HttpLoadPlan): Promise<HttpLoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: plan.connections });
  const url = new URL(plan.url);
  const latenciesMs: number[] = [];
  let issued = 0;
  let failures = 0;
  let bytes = 0;
  const connection = async () => {
    while (issued < plan.requests) {
      issued++;
      const started = performance.now();
      try {
        const response = await get(agent, url, plan.headers);
        if (response.status !== 200) failures++;
        bytes += response.bytes;
      } catch {
        failures++;
      }
      latenciesMs.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: plan.connections }, connection));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latenciesMs.sort((a, b) => a - b);
  const percentile = (p: number) => latenciesMs[Math.min(latenciesMs.length - 1, Math.floor((p / 100) * latenciesMs.length))] ?? 0;
  return {
    requests: latenciesMs.length,
    failures,
    seconds,
    requestsPerSecond: latenciesMs.length / seconds,
    p50Ms: percentile(50),
    p99Ms: percentile(99),
    bytes,
  };
}

if (parentPort && workerData) {
  const port = parentPort;
  generate(workerData as HttpLoadPlan).then((result) => port.postMessage(result));
}
