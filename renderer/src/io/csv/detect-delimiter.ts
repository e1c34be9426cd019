// Delimiter detection from the header line (research/reliability.md IMP-7):
// a proposal only; the strict ragged-row check catches a wrong guess.

export type Delimiter = ',' | ';' | '\t';

const CANDIDATES: readonly Delimiter[] = [',', ';', '\t'];

/** The candidate that occurs most often outside quotes in the first line; `,` on a tie or when none occurs. */
export function detectDelimiter(text: string): Delimiter {
  const newline = text.indexOf('\n');
  const firstLine = newline === -1 ? text : text.slice(0, newline);
  const counts = [0, 0, 0];
  let quoted = false;
  for (let i = 0; i < firstLine.length; i++) {
    const char = firstLine[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted) {
      const index = CANDIDATES.indexOf(char as Delimiter);
      if (index !== -1) counts[index] = (counts[index] as number) + 1;
    }
  }
  let best = 0;
  for (let i = 1; i < CANDIDATES.length; i++) if ((counts[i] as number) > (counts[best] as number)) best = i;
  return CANDIDATES[best] as Delimiter;
}
