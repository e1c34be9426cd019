// Entry point of `npm run demo`: reconciles Blockledger's built-in sample
// portfolio and writes the customer workbooks and the month-end pack to
// ./demo-output, then says where they are.
import { resolve } from 'node:path';
import { reconcile } from '../../renderer/src/core/reconcile';
import { DEMO_PORTFOLIO, generateSamplePortfolio } from '../../renderer/src/core/sample/sample-portfolio';
import { progressLines, writeReconciliationWorkbooks } from './xlsx-output';

const dir = resolve('demo-output');
const input = generateSamplePortfolio(DEMO_PORTFOLIO);
const result = reconcile(input);
const written = await writeReconciliationWorkbooks(result, input, dir, progressLines((text) => process.stderr.write(text)));
process.stdout.write(
  `Sample portfolio reconciled as of ${result.asOf}: ${result.contracts.length} contracts, ${result.entries.length} entries.\n` +
    `Wrote ${written.customerFiles.length} customer workbooks and the month-end pack to ${dir}\n` +
    `  month-end pack: ${resolve(dir, written.packFile)}\n`,
);
