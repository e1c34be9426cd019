// Issue 2 benchmark (a) and issue 3: read and type the canonical CSVs of the
// benchmark portfolio (~100 MB of entries), then reconcile.
import { statSync } from 'node:fs';
import { BENCHMARK_PORTFOLIO, generateSamplePortfolio } from '../../../renderer/src/core/sample/sample-portfolio';
import { reconcile } from '../../../renderer/src/core/reconcile';
import { loadCanonical } from '../../../main/cli/load-canonical';
import { nodeCliIo } from '../../../main/cli/cli-io';
import { writeCanonicalFiles } from '../canonical-files';
import { peakRssMb, report, timed } from '../measure';

const dir = process.env.BENCH_DIR ?? '.bench/canonical';
const paths = await writeCanonicalFiles(generateSamplePortfolio(BENCHMARK_PORTFOLIO), dir);
const megabytes = (statSync(paths.entries).size + statSync(paths.contracts).size + statSync(paths.additions).size) / 1e6;
const io = nodeCliIo();

const read = await timed(() => loadCanonical(io, paths));
if (read.value.issues.length > 0) throw new Error(`benchmark files did not type cleanly: ${read.value.issues[0]?.message}`);
report({
  case: 'csv-read',
  what: `read + type canonical CSVs (${megabytes.toFixed(0)} MB, ${read.value.entries.length.toLocaleString('en')} entries)`,
  seconds: read.seconds,
  cpuSeconds: read.cpuSeconds,
  rate: `${(megabytes / read.seconds).toFixed(0)} MB/s`,
  target: '≥ 50 MB/s',
  met: megabytes / read.seconds >= 50,
});
// The entry results are made when first read (reconcile.ts): read here, so the figure is the engine's whole answer.
const engine = await timed(() => reconcile({ ...read.value, asOf: '2026-10-31' }).entries.length);
report({
  case: 'read+engine',
  what: 'read + type + reconcile',
  seconds: read.seconds + engine.seconds,
  cpuSeconds: read.cpuSeconds + engine.cpuSeconds,
  rate: `${Math.round(read.value.entries.length / (read.seconds + engine.seconds)).toLocaleString('en')} entries/s`,
  target: '< 3 s, peak < 1 GB',
  met: read.seconds + engine.seconds < 3 && peakRssMb() < 1024,
});
