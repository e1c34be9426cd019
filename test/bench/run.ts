// `npm run bench`: runs each benchmark case in its own Node process (so each
// peak-memory figure is that case's alone) and prints one table.
// `npm run bench -- engine dexie-store` runs only the cases named (file names in cases/);
// `--runs 1` runs each case once instead of three times.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { machineCheckSeconds, type Figure } from './measure';
import { bestOfRuns, type BestFigure } from './best-of-runs';

// Every file in cases/ is a case; these run first, in issue order, the rest after by name.
const FIRST = ['engine', 'read-and-reconcile', 'xlsx-read', 'dexie-store', 'customer-workbooks', 'month-end-pack'];
const found = readdirSync(join(import.meta.dirname, 'cases')).filter((name) => name.endsWith('.ts')).map((name) => name.slice(0, -3));
const CASES = [...FIRST.filter((name) => found.includes(name)), ...found.filter((name) => !FIRST.includes(name)).sort()];
const { values, positionals: only } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs expects a whole number of runs like 3, got "${values.runs}"`);
const unknown = only.filter((name) => !CASES.includes(name));
if (unknown.length > 0) throw new Error(`no benchmark case named ${unknown.join(', ')}; the cases are ${CASES.join(', ')}`);

function runCase(name: string, run: number): Figure[] {
  process.stderr.write(`bench: ${name}${runs > 1 ? ` (run ${run} of ${runs})` : ''}…\n`);
  const child = spawnSync(process.execPath, ['--max-old-space-size=4096', '--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'cases', `${name}.ts`)], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) process.stderr.write(`bench: ${name} failed with status ${child.status}\n`);
  return child.stdout
    .split('\n')
    .filter((line) => line.startsWith('FIGURE '))
    .map((line) => JSON.parse(line.slice(7)) as Figure);
}

const checkBefore = machineCheckSeconds();
const figures: BestFigure[] = [];
for (const name of CASES.filter((c) => only.length === 0 || only.includes(c))) {
  const perRun: Figure[][] = [];
  for (let run = 1; run <= runs; run++) perRun.push(runCase(name, run));
  figures.push(...bestOfRuns(perRun));
}
const checkAfter = machineCheckSeconds();

const rows = figures.map((f) => [
  f.case,
  f.what,
  `${f.seconds.toFixed(2)} s`,
  f.runs > 1 ? `${f.slowestSeconds.toFixed(2)} s` : '',
  `${f.cpuSeconds.toFixed(2)} s`,
  f.rate,
  `${f.peakRssMb} MB`,
  f.target,
  f.met === null ? '' : f.met ? 'met' : 'MISSED',
]);
const header = ['case', 'what', runs > 1 ? `best of ${runs}` : 'wall', runs > 1 ? 'slowest' : '', 'cpu', 'rate', 'peak RSS', 'target', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i] as number)).join('  ').trimEnd());
console.log(`\nmachine check (a fixed loop, same code every time; compare across runs): ${checkBefore.toFixed(2)} s before, ${checkAfter.toFixed(2)} s after`);
