// "Open sample portfolio": the built-in demo data stored like any import, so it
// shows in the batch history and can be reverted like one.
import { DEMO_PORTFOLIO, generateSamplePortfolio, type SamplePortfolioOptions } from '../core/sample/sample-portfolio';
import type { ImportDraft } from '../db';

/** A generated portfolio (the demo one unless told) as an import draft; its "file" is the generator's options. */
export function sampleDraft(options: SamplePortfolioOptions = DEMO_PORTFOLIO): ImportDraft {
  const portfolio = generateSamplePortfolio(options);
  return {
    source: 'sample',
    files: [{ name: 'Blockledger sample portfolio', bytes: new TextEncoder().encode(JSON.stringify(options)) }],
    contracts: portfolio.contracts,
    additions: portfolio.additions.map((addition) => ({ addition, sourceId: null })),
    entries: portfolio.entries,
    rejectedRows: 0,
  };
}
