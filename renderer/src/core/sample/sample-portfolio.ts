// Blockledger's built-in sample portfolio: generated deterministically, so the
// demo, the benchmark and "Open sample portfolio" all see the same data, with
// every contract kind, rule and status represented.
import type { Addition, Contract, Entry, IsoDate, ReconcileInput } from '../model';
import { dayOf, firstDayOfMonth, isoOf, lastDayOfMonth, monthOfDay } from '../dates';
import { CONTRACT_TEMPLATES, type TemplateContext } from './contract-templates';
import { SeededRandom } from './random';

export interface SamplePortfolioOptions {
  readonly customers: number;
  readonly contracts: number;
  readonly entries: number;
  /** First month covered (its 1st). */
  readonly start: IsoDate;
  readonly months: number;
  readonly seed?: number;
}

/** The portfolio `npm run demo` and the app's "Open sample portfolio" use. */
export const DEMO_PORTFOLIO: SamplePortfolioOptions = { customers: 36, contracts: 96, entries: 3200, start: '2025-11-01', months: 12 };

/** The benchmark portfolio of issue 2: 10,000 contracts, 1,000,000 entries over three years. */
export const BENCHMARK_PORTFOLIO: SamplePortfolioOptions = { customers: 800, contracts: 10_000, entries: 1_000_000, start: '2023-11-01', months: 36 };

const COMPANY_WORDS = ['Acme', 'Northwind', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell', 'Cyberdyne'];
const COMPANY_KINDS = ['Dental', 'Logistics', 'Law Group', 'Clinic', 'Architects', 'Bakery', 'Accounting', 'Motors', 'Realty'];
// Names a clerk really meets: punctuation, accents and a formula-looking one.
const AWKWARD_CUSTOMERS = ["O'Brien & Sons, LLC", 'Müller Zahnärzte GmbH', '=Calc Consulting', 'Smith/Jones: CPAs'];
const MEMBERS = ['Ana Souza', 'Björn Lund', 'Chen Wei', "Dana O'Neil", 'Eli Navarro'];
const ROLES = ['Engineer', 'Senior Engineer', 'Technician'];
const WORK_TYPES = ['Remote', 'Remote', 'Remote', 'Onsite', 'Onsite', 'Travel'];
const NOTES = [
  'Password reset and MFA re-enrolment',
  'Printer driver update on reception PC',
  'Investigated slow VPN, replaced router firmware',
  'Onboarded new hire: laptop, mailbox, licences',
  'Backup job failed; re-seeded offsite copy',
  'Firewall rule review, quoted, "urgent"',
  'Line 1\nLine 2 of a multi-line note',
  // Imported text that must stay text in every export.
  '=HYPERLINK("http://example.invalid","click")',
  '+1 555 0100 called back',
  '-2 drives replaced in NAS',
  '@vendor escalation',
];
const HOURS_CENTI = [25, 50, 50, 75, 100, 100, 100, 150, 200, 300, 450];

function customerName(index: number): string {
  if (index < AWKWARD_CUSTOMERS.length) return AWKWARD_CUSTOMERS[index] as string;
  const word = COMPANY_WORDS[index % COMPANY_WORDS.length] as string;
  const kind = COMPANY_KINDS[Math.floor(index / COMPANY_WORDS.length) % COMPANY_KINDS.length] as string;
  const round = Math.floor(index / (COMPANY_WORDS.length * COMPANY_KINDS.length));
  return round === 0 ? `${word} ${kind}` : `${word} ${kind} ${round + 1}`;
}

/** Generates a portfolio; the same options give the same data on every machine. */
export function generateSamplePortfolio(options: SamplePortfolioOptions): ReconcileInput {
  const random = new SeededRandom(options.seed ?? 20261122);
  const firstDay = dayOf(options.start);
  const lastDay = lastDayOfMonth(monthOfDay(firstDay) + options.months - 1);
  const contracts: Contract[] = [];
  const additions: Addition[] = [];
  const width = String(options.contracts).length;

  for (let index = 0; index < options.contracts; index++) {
    const template = CONTRACT_TEMPLATES[index % CONTRACT_TEMPLATES.length] as (typeof CONTRACT_TEMPLATES)[number];
    const context: TemplateContext = {
      id: `AGR-${String(index + 1).padStart(width, '0')}`,
      customer: customerName(index % options.customers),
      firstDay: firstDayOfMonth(monthOfDay(firstDay)),
      lastDay,
      offsetDays: random.int(0, Math.min(75, Math.max(0, lastDay - firstDay - 60))),
    };
    const contract = template.terms(context);
    contracts.push(contract);
    for (const [after, quantity, price] of template.additions) {
      const date = dayOf(contract.start) + after;
      if (date <= lastDay && (contract.end === null || date <= dayOf(contract.end))) {
        additions.push({ contractId: contract.id, date: isoOf(date), quantity, price, reference: `PO-${contract.id}-${after}`, expires: null });
      }
    }
  }

  return { contracts, additions, entries: generateEntries(options, contracts, random, lastDay), asOf: isoOf(lastDay) };
}

function generateEntries(options: SamplePortfolioOptions, contracts: readonly Contract[], random: SeededRandom, lastDay: number): Entry[] {
  const weights = contracts.map((_, index) => (CONTRACT_TEMPLATES[index % CONTRACT_TEMPLATES.length] as (typeof CONTRACT_TEMPLATES)[number]).entryWeight);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const entries: Entry[] = [];
  const idWidth = String(options.entries).length;
  const shares = weights.map((weight) => Math.floor((options.entries * weight) / totalWeight));
  // Rounding leaves a few entries over; the first contract takes them.
  shares[0] = (shares[0] as number) + options.entries - shares.reduce((sum, share) => sum + share, 0);

  contracts.forEach((contract, index) => {
    const share = shares[index] as number;
    const from = dayOf(contract.start);
    const to = Math.min(contract.end === null ? lastDay : dayOf(contract.end) + 5, lastDay);
    const tickets = Math.max(3, Math.round(share / 3));
    for (let k = 0; k < share; k++) {
      const roll = random.next();
      const billableRoll = random.next();
      const expenseOnly = contract.unit === 'amount' && random.chance(0.06);
      entries.push({
        id: `TE-${String(entries.length + 1).padStart(idWidth, '0')}`,
        date: isoOf(from > to ? from : random.int(from, to)),
        // Most entries name their agreement; some only the company, a few a contract that does not exist.
        contractId: roll < 0.975 ? contract.id : roll < 0.995 ? null : `AGR-GONE-${random.int(1, 9)}`,
        customer: contract.customer,
        ticket: String(random.int(1, tickets) + 1000 * (index + 1)).padStart(8, '0'),
        member: random.pick(MEMBERS),
        workRole: random.pick(ROLES),
        workType: random.pick(WORK_TYPES),
        hours: expenseOnly ? 0 : random.pick(HOURS_CENTI),
        billable: billableRoll < 0.04 ? 'no_charge' : billableRoll < 0.06 ? 'do_not_bill' : 'billable',
        amount: expenseOnly ? random.int(10, 400) * 25 : null,
        notes: random.pick(NOTES),
      });
    }
  });
  return entries;
}
