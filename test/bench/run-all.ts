import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { BENCH_REPORT_ENV, type BenchResult } from './support/bench-report';
import { printTable } from './support/bench-table';

/**
 * `npm run bench`: every benchmark at its documented size, one after the other (they would
 * disturb each other's figures), then one table of figures and same-run ratios, written as
 * JSON (`test/bench/report.json` by default) so that runs can be compared.
 */
const BENCHES: Record<string, string[]> = {
  ssh: ['--devices', '500', '--concurrency', '50'],
  api: [],
  backup: ['--devices', '1000'],
  telemetry: ['--devices', '500'],
  footprint: [],
};

const WORKSPACE = resolve(__dirname, '../..');
const options = new Command('bench')
  .option('--only <names>', `comma-separated subset of ${Object.keys(BENCHES).join(', ')}`)
  .option('--out <file>', 'where the JSON report goes', join(WORKSPACE, 'test/bench/report.json'))
  .parse()
  .opts<{ only?: string; out: string }>();

function runBench(name: string, reportFile: string): Promise<void> {
  const script = join(WORKSPACE, 'test/bench', `${name}.bench.ts`);
  console.log(`\n== bench:${name} ${BENCHES[name].join(' ')}`);
  const child = spawn(process.execPath, ['-r', '@swc-node/register', script, ...BENCHES[name]], {
    cwd: WORKSPACE,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, [BENCH_REPORT_ENV]: reportFile },
  });
  return new Promise((done, reject) => child.once('exit', (code) => (code === 0 ? done() : reject(new Error(`bench:${name} exited with ${code}`)))));
}

function machine(): Record<string, string | number> {
  const cores = cpus();
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: WORKSPACE, encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  return { cpu: cores[0]?.model.trim() ?? 'unknown', cores: cores.length, memoryGiB: Math.round(totalmem() / 2 ** 30), kernel: release(), node: process.version, commit };
}

const format = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

async function main(): Promise<void> {
  const names = options.only ? options.only.split(',').map((name) => name.trim()) : Object.keys(BENCHES);
  const unknown = names.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) throw new Error(`no benchmark named ${unknown.join(', ')}; there are ${Object.keys(BENCHES).join(', ')}`);
  const scratch = mkdtempSync(join(tmpdir(), 'netkeep-bench-'));
  const reportFile = join(scratch, 'results.jsonl');
  writeFileSync(reportFile, '');
  try {
    for (const name of names) await runBench(name, reportFile);
    const results = readFileSync(reportFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as BenchResult);
    const rows = results.flatMap((result) =>
      result.figures.map((figure) => ({
        bench: result.bench,
        measure: figure.measure,
        figure: `${format(figure.value)} ${figure.unit}`,
        reference: figure.reference ? `${format(figure.reference.value)} (${figure.reference.name})` : '-',
        ratio: figure.ratio === undefined ? '-' : figure.ratio.toFixed(2),
        goal: figure.goal ?? '-',
        verdict: figure.met === undefined ? '-' : figure.met ? 'met' : 'MISSED',
      })),
    );
    const report = { generatedAt: new Date().toISOString(), machine: machine(), sizes: Object.fromEntries(names.map((name) => [name, BENCHES[name].join(' ')])), results };
    writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\n== all benchmarks (${Object.entries(report.machine).map(([key, value]) => `${key} ${value}`).join(', ')})`);
    printTable(rows);
    console.log(`report: ${options.out}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
