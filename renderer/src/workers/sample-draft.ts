// "Open sample portfolio": the built-in demo data stored like any import, so it
// shows in the batch history and can be reverted like one.
import { DEMO_PORTFOLIO, generateSamplePortfolio } from '../core/sample/sample-portfolio';
import type { ImportDraft } from '../db';

/** The demo portfolio as an import draft; its "file" is the generator's options. */
export function sampleDraft(): ImportDraft {
  const portfolio = generateSamplePortfolio(DEMO_PORTFOLIO);
  return {
    source: 'sample',
    files: [{ name: 'Blockledger sample portfolio', bytes: new TextEncoder().encode(JSON.stringify(DEMO_PORTFOLIO)) }],
    contracts: portfolio.contracts,
    additions: portfolio.additions.map((addition) => ({ addition, sourceId: null })),
    entries: portfolio.entries,
    rejectedRows: 0,
  };
}
