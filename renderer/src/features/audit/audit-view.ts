// What the Audit screen shows, from the worker's answer: the entries behind a
// what-if month or a variance explanation (the drill-down), the unit products
// typed by the consultant, and short words for the tables. No React here.
import type { Entry } from '../../core/model';
import type { UnitProduct } from '../../core/import/profiles/profile-types';
import type { AuditResult, Severity } from '../../core/audit/audit-types';
import { parseUnitProduct } from '../../core/audit/unit-products';
import { compareCodePoints } from '../../core/ordering';

/** What the drill-down panel lists: a heading and the entries behind it. */
export interface DrillDown {
  readonly title: string;
  readonly entries: readonly Entry[];
}

function byDateThenId(a: Entry, b: Entry): number {
  return compareCodePoints(a.date, b.date) || compareCodePoints(a.id, b.id);
}

/** The entries behind a difference (a what-if month or an explanation), in date order. */
export function namedDrillDown(entries: readonly Entry[], title: string, ids: readonly string[]): DrillDown {
  const wanted = new Set(ids);
  return { title, entries: entries.filter((entry) => wanted.has(entry.id)).sort(byDateThenId) };
}

/** Unit products typed as `BLOCK-10H=10; BLOCK-5H=5` (commas or new lines also separate), or the parts not understood. */
export function parseUnitProducts(text: string): { readonly products: readonly UnitProduct[]; readonly problems: readonly string[] } {
  const products: UnitProduct[] = [];
  const problems: string[] = [];
  for (const part of text.split(/[;,\n]/)) {
    if (part.trim() === '') continue;
    const product = parseUnitProduct(part);
    if (product === null) problems.push(`"${part.trim()}" is not PRODUCT=UNITS (for example BLOCK-10H=10)`);
    else products.push(product);
  }
  return { products, problems };
}

/** Findings per severity, for the chips above the table. */
export function severityCounts(result: AuditResult): { readonly severity: Severity; readonly count: number }[] {
  const counts = new Map<Severity, number>([['high', 0], ['medium', 0], ['low', 0]]);
  for (const finding of result.findings) counts.set(finding.severity, (counts.get(finding.severity) ?? 0) + 1);
  return [...counts].map(([severity, count]) => ({ severity, count }));
}
