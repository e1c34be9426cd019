import { describe, expect, it } from 'vitest';
import { bestOfRuns } from './best-of-runs';
import type { Figure } from './measure';

function figure(what: string, seconds: number, peakRssMb: number): Figure {
  return { case: 'engine', what, seconds, cpuSeconds: seconds, rate: `${seconds}`, target: '< 1 s', met: seconds < 1, peakRssMb };
}

describe('best of several benchmark runs', () => {
  it('keeps each measure’s fastest run whole, with the slowest time beside it', () => {
    const best = bestOfRuns([
      [figure('first run', 1.2, 500), figure('warm run', 0.9, 510)],
      [figure('first run', 0.8, 530), figure('warm run', 1.4, 520)],
    ]);
    expect(best).toEqual([
      { ...figure('first run', 0.8, 530), runs: 2, slowestSeconds: 1.2 },
      { ...figure('warm run', 0.9, 510), runs: 2, slowestSeconds: 1.4 },
    ]);
  });

  it('counts only the runs that reported a measure (a failed run reports nothing)', () => {
    const best = bestOfRuns([[figure('first run', 1.1, 500)], []]);
    expect(best).toEqual([{ ...figure('first run', 1.1, 500), runs: 1, slowestSeconds: 1.1 }]);
  });

  it('pairs a case’s figures by their place in each run, though their descriptions carry that run’s sizes', () => {
    const best = bestOfRuns([
      [figure('store (prepare 0.5 s)', 2.5, 1400), figure('pack (+107 MB)', 32, 800)],
      [figure('store (prepare 0.4 s)', 2.0, 1410), figure('pack (+100 MB)', 33, 805)],
    ]);
    expect(best.map((f) => [f.what, f.runs, f.slowestSeconds])).toEqual([
      ['store (prepare 0.4 s)', 2, 2.5],
      ['pack (+107 MB)', 2, 33],
    ]);
  });
});
