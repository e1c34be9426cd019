// `npm run bench`: runs each benchmark case in its own Node process (so each
// peak-memory figure is that case's alone) and prints one table.
// `npm run bench -- engine dexie-store` runs only the cases named (file names in cases/).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from './measure';

// Every file in cases/ is a case; these run first, in issue order, the rest after by name.
const FIRST = ['engine', 'read-and-reconcile', 'xlsx-read', 'dexie-store', 'customer-workbooks', 'month-end-pack'];
const found = readdirSync(join(import.meta.dirname, 'cases')).filter((name) => name.endsWith('.ts')).map((name) => name.slice(0, -3));
const CASES = [...FIRST.filter((name) => found.includes(name)), ...found.filter((name) => !FIRST.includes(name)).sort()];
const only = process.argv.slice(2);
const figures: Figure[] = [];

for (const name of CASES.filter((c) => only.length === 0 || only.includes(c))) {
  process.stderr.write(`bench: ${name}…\n`);
  const child = spawnSync(process.execPath, ['--max-old-space-size=4096', '--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'cases', `${name}.ts`)], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for (const line of child.stdout.split('\n')) if (line.startsWith('FIGURE ')) figures.push(JSON.parse(line.slice(7)) as Figure);
  if (child.status !== 0) process.stderr.write(`bench: ${name} failed with status ${child.status}\n`);
}

const rows = figures.map((f) => [f.case, f.what, `${f.seconds.toFixed(2)} s`, `${f.cpuSeconds.toFixed(2)} s`, f.rate, `${f.peakRssMb} MB`, f.target, f.met === null ? '' : f.met ? 'met' : 'MISSED']);
const header = ['case', 'what', 'wall', 'cpu', 'rate', 'peak RSS', 'target', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i] as number)).join('  ').trimEnd());
