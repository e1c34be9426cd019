// Everything the engine worker does, as plain async methods over one Dexie
// database: load the store once, reconcile for the chosen as-of date, and
// answer the screens from the result. Kept apart from the message loop so
// tests drive it directly with fake-indexeddb.
import type { AllocationOrder, Entry, IsoDate, ReconcileInput } from '../core/model';
import type { ReconcileResult } from '../core/result';
import { reconcile } from '../core/reconcile';
import { validateProfile } from '../core/import/profiles/validate-profile';
import type { SourceProfile } from '../core/import/profiles/profile-types';
import { BUILTIN_PROFILES } from '../core/import/profiles/registry';
import { contractNotes } from '../io/workbook/contract-words';
import { customerDocument, writeCustomerWorkbook } from '../io/workbook/customer-workbook';
import { openMemoryWorkbook } from '../io/workbook/open-memory-workbook';
import { packDocument, writeMonthEndPack } from '../io/workbook/month-end-pack';
import { DEFAULT_WORKBOOK_OPTIONS, customerGroups, workbookContext, type WorkbookContext } from '../io/workbook/workbook-context';
import {
  commitImport, currentRevision, deleteProfile, exportBackup, getSetting, inputRevision, listAuditEvents, listBatches, listProfiles, loadPortfolio,
  prepareImport, putSetting, readBackup, restoreBackup, revertBatch, saveProfile, type BlockledgerDb, type ChangeContext, type ImportPlan, type JsonValue,
  type ResultCache, type ResultKey, type StoredPortfolio,
} from '../db';
import { Cancelled, unlessCancelled } from './cancelled';
import { contractRows } from './contract-rows';
import { firstContracts } from './first-contracts';
import { EntryPager } from './entry-pages';
import { ALLOCATION_ORDER_SETTING, type EngineCalls, type FirstContracts, type ImportChoices, type NamedFile, type Opening, type Progress, type ReconciledContracts } from './engine-protocol';
import { workbookFileName } from './file-names';
import { conflictView, MAX_CONFLICT_VIEWS } from './conflict-views';
import { profileWithColumns, profileWithSettings, runImportPipeline } from './import-pipeline';
import { inMemoryPackRefusal, monthEndExceptions, monthEndSummary } from './month-end';
import { migrationAudit } from './migration-audit';
import { sampleDraft } from './sample-draft';
import { BENCHMARK_PORTFOLIO, DEMO_PORTFOLIO } from '../core/sample/sample-portfolio';

/** A refusal the clerk can act on (the message says what to do). */
export class ClerkError extends Error {
  override readonly name = 'ClerkError';
}

export interface CallControl {
  progress(progress: Progress): void;
  /** Throws Cancelled (cancelled.ts) when the caller gave up. */
  checkpoint(): void;
  /** Aborts when the caller gives up, to end a wait (a read of the store) at once rather than at the next checkpoint; absent, only checkpoints stop the call. */
  readonly signal?: AbortSignal;
  /** Hears a recompute's first rows, sent before its answer; absent, they are not made. */
  readonly firstRows?: (first: FirstContracts) => void;
}

interface Current {
  readonly input: ReconcileInput;
  readonly result: ReconcileResult;
  readonly pager: EntryPager;
  readonly context: WorkbookContext;
}

/** One reconcile of the store as read: what the screens are answered from, its contracts screen, and what that screen is valid for. */
interface Reconciled {
  /**
   * What the other screens are answered from, made once on first use: it
   * makes the million entry results (ReconcileResult.entries) that the
   * contracts screen does not need, so that screen is answered first.
   */
  readonly complete: () => Current;
  readonly contracts: ReconciledContracts;
  readonly key: ResultKey;
}

/** A reconcile begun by `opening` for the store as read by `loading` (see reconcileAhead). */
interface Ahead {
  readonly loading: Promise<StoredPortfolio>;
  readonly asOf: IsoDate;
  readonly reconciled: Promise<Reconciled>;
  /** Who hears its progress (and its first rows, if they are wanted): nobody until the recompute that takes it waits for it. */
  listener: Pick<CallControl, 'progress' | 'firstRows'>;
  /** Nobody will take it (another date was opened, or the recompute that took it was cancelled): the store is read, but not reconciled for it. */
  abandoned: boolean;
}

const QUIET: CallControl = { progress: () => undefined, checkpoint: () => undefined };

const WHO = 'clerk';
/** The cache entry of the contracts screen. */
const SAVED_CONTRACTS = 'contracts';
/** The cache entry of the contracts screen made ahead for the next opening's date (whenIdle). */
const NEXT_OPENING = 'next-opening';

const ctx = (now: string): ChangeContext => ({ who: WHO, now });

/** How many entries a reconcile for `asOf` allocates (those dated on or before it), counted without making their results. */
function entriesUpTo(entries: readonly Entry[], asOf: IsoDate): number {
  let count = 0;
  for (const entry of entries) if (entry.date <= asOf) count++;
  return count;
}

/** The engine worker's state and calls. */
export class EngineSession {
  /** The store as read (or being read), until it changes. */
  private loading: Promise<StoredPortfolio> | null = null;
  private current: Reconciled | null = null;
  private asOf: IsoDate | null = null;
  private pendingPlan: ImportPlan | null = null;
  private ahead: Ahead | null = null;
  /** The date the next opening will likely ask for, as the window said (see whenIdle). */
  private nextAsOf: IsoDate | null = null;
  /** What the screen for the next opening was last made from, so that it is made once per store read. */
  private nextMadeFrom: { readonly loading: Promise<StoredPortfolio>; readonly asOf: IsoDate; readonly allocationOrder: AllocationOrder } | null = null;
  /** The store's revision (every change moves it) at the last backup made here, or when the window opened. */
  private backedUpRevision: number | null = null;
  /** The reconciles whose month-end screen the idle work made (whenIdle); weak, so a replaced reconcile is not kept. */
  private readonly monthEndsMade = new WeakSet<WorkbookContext>();
  private afterAnswer: (() => Promise<void>) | null = null;

  /** `cache` keeps the last contracts screen for the next opening; none in tests that do not need it. */
  constructor(
    private readonly db: BlockledgerDb,
    private readonly cache: ResultCache | null = null,
  ) {}

  /** Reads the store (entries with the batch each came from), once until it changes. */
  private async load(control: CallControl): Promise<StoredPortfolio> {
    control.progress({ label: 'Reading the store', done: 0, total: 3 });
    const loading = this.readAhead();
    try {
      return await unlessCancelled(loading, control.signal);
    } catch (error) {
      // Only the wait was cancelled: the read goes on, for the next call.
      if (error instanceof Cancelled) throw error;
      // A failed read is not remembered: the next call reads again.
      if (this.loading === loading) this.loading = null;
      throw error;
    }
  }

  /** Starts reading the store before a call needs it (once until it changes); a failure is left for that call to meet. */
  private readAhead(): Promise<StoredPortfolio> {
    const loading = (this.loading ??= loadPortfolio(this.db));
    loading.catch(() => undefined);
    return loading;
  }

  /** Reload data: the store is read again at the next call, whatever was read before. */
  async reload(): Promise<null> {
    this.changed();
    return null;
  }

  /** Forgets everything derived from the store (after an import, revert or restore). */
  private changed(): void {
    this.loading = null;
    this.current = null;
    this.ahead = null;
    this.pendingPlan = null;
  }

  private async ensure(control: CallControl): Promise<Current> {
    if (this.current) return this.current.complete();
    if (this.asOf === null) throw new ClerkError('Choose an as-of date first.');
    await this.recompute({ asOf: this.asOf }, control);
    return (this.current as unknown as Reconciled).complete();
  }

  async recompute({ asOf, firstRows }: EngineCalls['recompute']['request'], control: CallControl): Promise<EngineCalls['recompute']['response']> {
    this.asOf = asOf;
    // The first rows only when asked for: a window that shows a date's rows keeps them until the answer.
    const wanted: CallControl = firstRows === true ? control : { ...control, firstRows: undefined };
    // The reconcile held is for this date when the window goes back to it after cancelling another.
    const held = this.current?.contracts.summary.asOf === asOf ? this.current : null;
    const reconciled = held ?? (await this.takeAhead(asOf, wanted)) ?? (await this.reconcileNow(asOf, wanted));
    this.current = reconciled;
    // Once the answer is on its way, while the window paints the grid: the
    // saved screen (copying 10,000 rows into the cache takes ~0.1 s), then the
    // entry results the next screens need. Saved first: a window closed as soon
    // as it showed the answer lost the screen while the entry results were made
    // (0.1-0.3 s), and opened slowly the next time. A cache that fails to save
    // only makes the next opening slower.
    this.afterAnswer = async () => {
      await this.cache?.put(SAVED_CONTRACTS, reconciled.key, reconciled.contracts).catch(() => undefined);
      reconciled.complete();
    };
    return reconciled.contracts;
  }

  private async reconcileNow(asOf: IsoDate, control: CallControl): Promise<Reconciled> {
    const loaded = await this.load(control);
    control.checkpoint();
    return this.reconcileLoaded(loaded, asOf, await this.allocationOrder(), control);
  }

  private reconcileLoaded(loaded: StoredPortfolio, asOf: IsoDate, allocationOrder: AllocationOrder, control: Pick<CallControl, 'progress' | 'checkpoint' | 'firstRows'>): Reconciled {
    control.progress({ label: 'Reconciling', done: 1, total: 3 });
    const started = performance.now();
    const input: ReconcileInput = { contracts: loaded.contracts, additions: loaded.additions, entries: loaded.entries, asOf, allocationOrder };
    if (control.firstRows) {
      const first = firstContracts(input);
      if (first !== null) control.firstRows(first);
    }
    const result = reconcile(input);
    control.checkpoint();
    control.progress({ label: 'Preparing the screens', done: 2, total: 3 });
    const context = workbookContext(input, result, DEFAULT_WORKBOOK_OPTIONS);
    const rows = contractRows(context.contracts, result);
    let current: Current | null = null;
    const complete = (): Current => (current ??= { input, result, context, pager: new EntryPager(result.entries, loaded.entries, loaded.batchIds, () => context.entryPositions) });
    const summary = { asOf, contracts: result.contracts.length, entries: entriesUpTo(loaded.entries, asOf), milliseconds: Math.round(performance.now() - started) };
    return { complete, contracts: { summary, rows }, key: { revision: loaded.revision, asOf, allocationOrder } };
  }

  /**
   * Starts the reconcile for `asOf` as soon as the store is read, without
   * waiting for the window to ask: the window's own start (its code, the
   * screens) takes about as long as the read, and its recompute call would
   * otherwise only begin once both were done (issue 5, first grid within 2 s).
   */
  private reconcileAhead(asOf: IsoDate): void {
    const loading = this.readAhead();
    const reconciled = Promise.all([loading, this.allocationOrder()]).then(([loaded, allocationOrder]) => {
      // The store changed while it was read: the recompute that follows reads it again.
      if (this.loading !== loading) throw new Error('the store changed while it was read');
      if (ahead.abandoned) throw new Cancelled();
      // Whoever listens now listens throughout: nothing can take the reconcile over while it runs.
      return this.reconcileLoaded(loaded, asOf, allocationOrder, { ...QUIET, ...ahead.listener });
    });
    reconciled.catch(() => undefined);
    const ahead: Ahead = { loading, asOf, reconciled, listener: { progress: QUIET.progress }, abandoned: false };
    if (this.ahead !== null) this.ahead.abandoned = true;
    this.ahead = ahead;
  }

  /** The reconcile begun ahead, when it is for this date and the store as it is now; null to reconcile afresh. */
  private async takeAhead(asOf: IsoDate, control: CallControl): Promise<Reconciled | null> {
    const ahead = this.ahead;
    this.ahead = null;
    if (ahead === null || ahead.asOf !== asOf || ahead.loading !== this.loading) return null;
    // The window's progress bar follows it from here (a reconcile already done says nothing more).
    control.progress({ label: 'Reading the store', done: 0, total: 3 });
    ahead.listener = { progress: (progress) => control.progress(progress), firstRows: control.firstRows };
    // A failed read or reconcile is met again, and reported, by reconciling afresh.
    const reconciled = await unlessCancelled(ahead.reconciled.catch(() => null), control.signal).catch((error: unknown) => {
      // Cancelled while the store is read (the clerk moved on to another date): the read goes on for the next call, the reconcile is not made.
      ahead.abandoned = true;
      throw error;
    });
    control.checkpoint();
    if (reconciled === null || ahead.loading !== this.loading || reconciled.key.allocationOrder !== (await this.allocationOrder())) return null;
    return reconciled;
  }

  /** Does what the last call left for after its answer (the worker calls this once the answer is sent). */
  async finishUp(): Promise<void> {
    const work = this.afterAnswer;
    this.afterAnswer = null;
    await work?.();
  }

  private async allocationOrder(): Promise<AllocationOrder> {
    return (await getSetting(this.db, ALLOCATION_ORDER_SETTING)) === 'entered' ? 'entered' : 'worked';
  }

  /**
   * What the window needs first for `asOf` (the welcome page, or the contracts
   * screen saved for this store and date). A recompute for `asOf` follows, so
   * the store is then read and reconciled ahead: the window asks this as the
   * worker starts, and the work overlaps the window's own start (issue 5,
   * first grid within 2 s).
   */
  async opening({ asOf, nextAsOf }: EngineCalls['opening']['request']): Promise<Opening> {
    if (nextAsOf !== undefined) this.nextAsOf = nextAsOf;
    // The read begins only once these are answered: begun before, it held up the saved screen (its
    // 10,000 rows are read on this thread too, behind the store's chunks) and reopening took 1.6 s, not 0.7 s.
    const [contracts, saved, revision] = await Promise.all([this.db.contracts.count(), this.savedContracts(asOf), currentRevision(this.db)]);
    if (contracts > 0) this.reconcileAhead(asOf);
    this.backedUpRevision ??= revision;
    return { contracts, saved };
  }

  /** The contracts screen saved by the last reconcile of this very store, as-of date and allocation order, or made ahead for them; null when there is none. */
  private async savedContracts(asOf: IsoDate): Promise<ReconciledContracts | null> {
    if (this.cache === null) return null;
    const key: ResultKey = { revision: await inputRevision(this.db), asOf, allocationOrder: await this.allocationOrder() };
    return (await this.cache.get<ReconciledContracts>(SAVED_CONTRACTS, key)) ?? this.cache.get<ReconciledContracts>(NEXT_OPENING, key);
  }

  /**
   * Work for when the window has left the worker alone (the worker calls this
   * after each quiet spell), one step a spell so a call that comes meanwhile
   * waits for one step at most (issue 5: the window stays quick). Says whether
   * it did a step, and so whether another may be left.
   * - The contracts screen for the date the next opening will likely ask for,
   *   the end of this month, saved beside the last one: the first opening of
   *   next month then shows at once, as a reopening does, unless the store
   *   changes before (first grid within 2 s). Made once per read of the store,
   *   and only once the window had the store read.
   * - The month-end screen of the current reconcile (about two seconds with a
   *   million entries): a clerk who opens the app and then Month-end finds it ready.
   */
  async whenIdle(): Promise<boolean> {
    if (await this.makeNextOpening()) return true;
    const context = this.current?.complete().context;
    if (context === undefined || this.monthEndsMade.has(context)) return false;
    this.monthEndsMade.add(context);
    await monthEndSummary(context).catch(() => undefined);
    return true;
  }

  private async makeNextOpening(): Promise<boolean> {
    const { nextAsOf: asOf, loading, cache } = this;
    if (asOf === null || loading === null || cache === null) return false;
    const loaded = await loading.catch(() => null);
    const allocationOrder = await this.allocationOrder();
    const made = this.nextMadeFrom;
    if (loaded === null || loading !== this.loading || (made?.loading === loading && made.asOf === asOf && made.allocationOrder === allocationOrder)) return false;
    const reconciled = this.reconcileLoaded(loaded, asOf, allocationOrder, QUIET);
    this.nextMadeFrom = { loading, asOf, allocationOrder };
    await cache.put(NEXT_OPENING, reconciled.key, reconciled.contracts).catch(() => undefined);
    return true;
  }

  async contractDetail({ contractId }: { contractId: string }, control: CallControl): Promise<EngineCalls['contract-detail']['response']> {
    const current = await this.ensure(control);
    const contract = current.context.contracts.get(contractId);
    const result = current.result.contracts.find((candidate) => candidate.id === contractId);
    if (!contract || !result) return null;
    const entries = current.pager.all({ group: null, search: '', contractId, sort: { key: 'date', descending: false } });
    return { contract, result, terms: contractNotes(contract, DEFAULT_WORKBOOK_OPTIONS.currencySymbol), entries };
  }

  async entriesPage({ query, offset, limit }: EngineCalls['entries-page']['request'], control: CallControl): Promise<EngineCalls['entries-page']['response']> {
    return (await this.ensure(control)).pager.page(query, offset, limit);
  }

  async entryCounts(_request: unknown, control: CallControl): Promise<EngineCalls['entry-counts']['response']> {
    return (await this.ensure(control)).pager.groupCounts();
  }

  async openSample({ now, portfolio }: EngineCalls['open-sample']['request'], control: CallControl): Promise<{ batchId: number }> {
    control.progress({ label: 'Building the sample portfolio', done: 0, total: 3 });
    const draft = sampleDraft(portfolio === 'benchmark' ? BENCHMARK_PORTFOLIO : DEMO_PORTFOLIO);
    control.checkpoint();
    // Its own step, so bench:ui can time the store (prepare + commit) apart from generating the data.
    control.progress({ label: 'Comparing with the store', done: 1, total: 3 });
    const preview = await prepareImport(this.db, draft);
    if (preview.kind === 'already-imported') throw new ClerkError('The sample portfolio is already open. Revert its batch on the Import page to remove it.');
    control.checkpoint();
    control.progress({ label: 'Saving it in the store', done: 2, total: 3 });
    return this.commit(preview, false, now);
  }

  private async savedProfiles(): Promise<SourceProfile[]> {
    const saved = await listProfiles(this.db);
    return saved.flatMap((row) => {
      const checked = validateProfile(row.definition);
      return checked.ok ? [checked.profile] : [];
    });
  }

  async importPreview({ files, choices }: { files: NamedFile[]; choices: ImportChoices }, control: CallControl): Promise<EngineCalls['import-preview']['response']> {
    this.pendingPlan = null;
    control.progress({ label: 'Reading the files', done: 0, total: 2 });
    const saved = await this.savedProfiles();
    const pipeline = await runImportPipeline(files, choices, saved, () => control.checkpoint());
    control.checkpoint();
    const profiles = [...BUILTIN_PROFILES, ...saved].map((profile) => ({ id: profile.id, label: profile.label, system: profile.system }));
    const { settings } = pipeline;
    if (!pipeline.draft) return { files: pipeline.previews, issues: pipeline.issues, plan: null, blocked: 'Nothing in these files could be read as contracts, additions or entries. Check the issues below, pick the right profile for each file, or map its columns.', profiles, settings };
    control.progress({ label: 'Comparing with the store', done: 1, total: 2 });
    const preview = await prepareImport(this.db, pipeline.draft);
    if (preview.kind === 'already-imported') return { files: pipeline.previews, issues: pipeline.issues, plan: null, blocked: preview.message, profiles, settings };
    this.pendingPlan = preview;
    const { summary } = preview;
    return {
      files: pipeline.previews,
      issues: [...pipeline.issues, ...preview.issues.filter((issue) => !pipeline.issues.includes(issue))],
      plan: { ...summary, conflicts: preview.conflicts.length, rejectedRows: preview.rejectedRows },
      blocked: null,
      profiles,
      settings,
      conflicts: preview.conflicts.slice(0, MAX_CONFLICT_VIEWS).map(conflictView),
    };
  }

  private async commit(plan: ImportPlan, replace: boolean | ReadonlySet<string>, now: string): Promise<{ batchId: number; entries: number }> {
    const replaces = (key: string): boolean => (typeof replace === 'boolean' ? replace : replace.has(key));
    const decisions = new Map(plan.conflicts.map((conflict) => [conflict.key, replaces(conflict.key) ? ('replace' as const) : ('keep' as const)]));
    const committed = await commitImport(this.db, plan, decisions, ctx(now));
    if (!committed.ok) throw new ClerkError(committed.message);
    this.changed();
    return { batchId: committed.batchId, entries: committed.counts.entries.added + committed.counts.entries.replaced };
  }

  async importCommit({ replaceConflicts, replaceKeys, now }: EngineCalls['import-commit']['request'], control: CallControl): Promise<EngineCalls['import-commit']['response']> {
    const plan = this.pendingPlan;
    if (!plan) throw new ClerkError('There is no previewed import to commit. Pick the files again.');
    control.progress({ label: 'Saving the import', done: 0, total: 1 });
    return this.commit(plan, replaceKeys ? new Set(replaceKeys) : replaceConflicts, now);
  }

  async batches(): Promise<EngineCalls['batches']['response']> {
    return listBatches(this.db);
  }

  async revert({ batchId, now }: { batchId: number; now: string }): Promise<{ batchId: number }> {
    const reverted = await revertBatch(this.db, batchId, ctx(now));
    if (!reverted.ok) throw new ClerkError(reverted.message);
    this.changed();
    return { batchId };
  }

  async monthEnd(_request: unknown, control: CallControl): Promise<EngineCalls['month-end']['response']> {
    const current = await this.ensure(control);
    return monthEndSummary(current.context);
  }

  async monthEndExceptions({ query, offset, limit }: EngineCalls['month-end-exceptions']['request'], control: CallControl): Promise<EngineCalls['month-end-exceptions']['response']> {
    const current = await this.ensure(control);
    return (await monthEndExceptions(current.context)).page(query, offset, limit);
  }

  async customerWorkbook({ customer }: { customer: string }, control: CallControl): Promise<NamedFile> {
    const current = await this.ensure(control);
    const group = customerGroups(current.result).find((candidate) => candidate.customer === customer);
    if (!group) throw new ClerkError(`There is no customer named "${customer}" as of ${current.result.asOf}.`);
    control.progress({ label: `Writing ${customer}`, done: 0, total: 1 });
    const target = await openMemoryWorkbook(customerDocument(current.context, customer));
    await writeCustomerWorkbook(target, current.context, group);
    return { name: workbookFileName(customer, current.result.asOf), bytes: await target.toBytes() };
  }

  async monthEndPack(_request: unknown, control: CallControl): Promise<NamedFile[]> {
    const current = await this.ensure(control);
    const tooLarge = inMemoryPackRefusal(current.context);
    if (tooLarge !== null) throw new ClerkError(tooLarge);
    const groups = customerGroups(current.result);
    const total = groups.length + 1;
    const files: NamedFile[] = [];
    control.progress({ label: 'Writing the month-end pack', done: 0, total });
    const pack = await openMemoryWorkbook(packDocument(current.context));
    await writeMonthEndPack(pack, current.context);
    files.push({ name: `Month-end pack ${current.result.asOf}.xlsx`, bytes: await pack.toBytes() });
    for (const [index, group] of groups.entries()) {
      control.checkpoint();
      control.progress({ label: `Writing ${group.customer}`, done: index + 1, total });
      const target = await openMemoryWorkbook(customerDocument(current.context, group.customer));
      await writeCustomerWorkbook(target, current.context, group);
      files.push({ name: workbookFileName(group.customer, current.result.asOf), bytes: await target.toBytes() });
    }
    return files;
  }

  async settingsGet({ keys }: { keys: string[] }): Promise<(JsonValue | null)[]> {
    return Promise.all(keys.map(async (key) => (await getSetting(this.db, key)) ?? null));
  }

  async settingPut({ key, value, now }: EngineCalls['setting-put']['request']): Promise<null> {
    await putSetting(this.db, key, value, ctx(now));
    // The allocation order changes what the engine computes.
    if (key === ALLOCATION_ORDER_SETTING) {
      this.current = null;
      this.ahead = null;
    }
    return null;
  }

  async profiles(): Promise<EngineCalls['profiles']['response']> {
    return (await listProfiles(this.db)).map((profile) => ({ name: profile.name, updatedAt: profile.updatedAt }));
  }

  async profileSave({ name, profileId, record, columns, now, settings }: EngineCalls['profile-save']['request']): Promise<null> {
    const base = [...BUILTIN_PROFILES, ...(await this.savedProfiles())].find((profile) => profile.id === profileId);
    if (!base) throw new ClerkError('Pick a profile for this file before saving its mapping.');
    const profile: SourceProfile = { ...profileWithColumns(profileWithSettings(base, settings), record, columns), id: `saved:${name}`, label: name };
    const checked = validateProfile(profile);
    if (!checked.ok) throw new ClerkError(`This mapping cannot be saved: ${checked.problems.join('; ')}.`);
    await saveProfile(this.db, name, profile as unknown as JsonValue, ctx(now));
    return null;
  }

  async profileDelete({ name, now }: { name: string; now: string }): Promise<boolean> {
    return deleteProfile(this.db, name, ctx(now));
  }

  async backupExport({ now }: { now: string }): Promise<Uint8Array> {
    const revision = await currentRevision(this.db);
    const bytes = await exportBackup(this.db, now);
    this.backedUpRevision = revision;
    return bytes;
  }

  /** An automatic backup's bytes (after an import, on quit); null when nothing changed since the last backup made here, or since the window opened. */
  async backupIfChanged({ now }: { now: string }): Promise<Uint8Array | null> {
    if ((await currentRevision(this.db)) === this.backedUpRevision) return null;
    return this.backupExport({ now });
  }

  async backupCheck({ bytes }: { bytes: Uint8Array }): Promise<string | null> {
    const checked = await readBackup(bytes);
    return checked.ok ? null : checked.message;
  }

  async backupRestore({ bytes, now }: { bytes: Uint8Array; now: string }): Promise<null> {
    const restored = await restoreBackup(this.db, bytes, ctx(now));
    if (!restored.ok) throw new ClerkError(restored.message);
    // A restored store numbers its revisions its own way: no saved screen can be trusted for it.
    await this.cache?.clear();
    this.changed();
    return null;
  }

  async audit(): Promise<EngineCalls['audit']['response']> {
    return listAuditEvents(this.db);
  }

  async migrationAudit(request: EngineCalls['migration-audit']['request'], control: CallControl): Promise<EngineCalls['migration-audit']['response']> {
    return migrationAudit(request, (progress) => control.progress(progress), () => control.checkpoint());
  }
}
