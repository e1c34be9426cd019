// Issue 4 benchmarks, for `npm run bench` to call (one per process, so the
// memory figures are each case's own): 800 customer workbooks from the
// 1,000,000-entry portfolio, and the month-end pack with about a million
// History rows. The writer's memory is the peak during writing less what the
// portfolio and its result already held before writing began.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reconcile } from '../../../renderer/src/core/reconcile';
import { BENCHMARK_PORTFOLIO, type SamplePortfolioOptions, generateSamplePortfolio } from '../../../renderer/src/core/sample/sample-portfolio';
import { writeMonthEndPack, packDocument } from '../../../renderer/src/io/workbook/month-end-pack';
import { StreamWorkbook } from '../../../renderer/src/io/workbook/stream-workbook';
import { workbookContext } from '../../../renderer/src/io/workbook/workbook-context';
import { writeCustomerWorkbooks, writeReconciliationWorkbooks } from '../../../main/cli/xlsx-output';
import { type Figure, peakRssMb, timed } from '../../bench/measure';

/** A portfolio whose month-end pack has about 1,000,000 History rows (entries plus grants, purchases, expiries). */
export const PACK_PORTFOLIO: SamplePortfolioOptions = { ...BENCHMARK_PORTFOLIO, contracts: 2_000, entries: 960_000, months: 12 };

// Linux keeps the peak RSS (VmHWM) for the process's life; writing 5 to
// clear_refs starts it again, so the peak read after writing is the writing's.
function resetPeakRss(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux: the figure then includes the portfolio's own peak.
  }
}

function currentRssMb(): number {
  return Math.round(process.memoryUsage().rss / 1048576);
}

async function folderMb(dir: string): Promise<number> {
  let bytes = 0;
  for (const name of await readdir(dir)) bytes += (await stat(join(dir, name))).size;
  return Math.round(bytes / 1048576);
}

/**
 * 800 customer workbooks from the 1,000,000-entry portfolio (target under 60 s), then the whole `--xlsx` run with the pack.
 * Both runs use the helper process as the command does; its own CPU time and memory (a copy of the portfolio) are not in the figures.
 */
export async function benchCustomerWorkbooks(): Promise<Figure[]> {
  const input = generateSamplePortfolio(BENCHMARK_PORTFOLIO);
  const result = reconcile(input);
  const figures: Figure[] = [];
  for (const withPack of [false, true]) {
    const dir = await mkdtemp(join(tmpdir(), 'blockledger-bench-xlsx-'));
    try {
      globalThis.gc?.();
      const baseline = currentRssMb();
      resetPeakRss();
      const { value, seconds, cpuSeconds } = await timed(async () =>
        withPack ? (await writeReconciliationWorkbooks(result, input, dir, () => undefined)).customerFiles : await writeCustomerWorkbooks(result, input, dir),
      );
      const peak = peakRssMb();
      const files = value.length;
      figures.push({
        case: 'xlsx',
        what: `${files} customer workbooks${withPack ? ' + month-end pack (reconcile --xlsx)' : ''} from ${input.entries.length.toLocaleString('en')} entries (${await folderMb(dir)} MB; RSS ${baseline} MB before writing, writer +${peak - baseline} MB; CPU and RSS of this process, the helper process not counted)`,
        seconds,
        cpuSeconds,
        rate: `${Math.round(files / seconds)} workbooks/s`,
        target: withPack ? 'none of its own' : '< 60 s',
        met: withPack ? null : seconds < 60,
        peakRssMb: peak,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return figures;
}

/** The month-end pack with about 1,000,000 History rows; target under 60 s and the writer under 300 MB. */
export async function benchMonthEndPack(): Promise<Figure> {
  const input = generateSamplePortfolio(PACK_PORTFOLIO);
  const result = reconcile(input);
  const context = workbookContext(input, result);
  const rows = result.contracts.reduce((sum, c) => sum + c.ledger.length + (context.notCovered.get(c.id)?.length ?? 0), 0);
  // The context builds its entry index on first use; built here, with the portfolio, the writer's figure stays the writing's own.
  void context.entryPositions;
  const dir = await mkdtemp(join(tmpdir(), 'blockledger-bench-pack-'));
  const path = join(dir, 'pack.xlsx');
  try {
    globalThis.gc?.();
    const baseline = currentRssMb();
    resetPeakRss();
    const { seconds, cpuSeconds } = await timed(async () => {
      const workbook = new StreamWorkbook(path, packDocument(context));
      await writeMonthEndPack(workbook, context);
      await workbook.finish();
    });
    const peak = peakRssMb();
    const writer = peak - baseline;
    return {
      case: 'xlsx',
      what: `month-end pack, ${rows.toLocaleString('en')} History rows (${Math.round((await stat(path)).size / 1048576)} MB; RSS ${baseline} MB before writing, writer +${writer} MB, target < 300 MB)`,
      seconds,
      cpuSeconds,
      rate: `${Math.round(rows / seconds).toLocaleString('en')} rows/s`,
      target: '< 60 s, writer < 300 MB',
      met: seconds < 60 && writer < 300,
      peakRssMb: peak,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
