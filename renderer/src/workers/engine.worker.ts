// The engine worker: owns the database and the engine so the window never
// freezes (issue 5). Calls run one at a time in arrival order; a cancelled
// call stops at its next checkpoint and answers with `cancelled`.
import { openBlockledgerDb, ResultCache } from '../db';
import { Cancelled } from './cancelled';
import { ClerkError, EngineSession, type CallControl } from './engine-session';
import type { EngineCall, FromWorker, ToWorker } from './engine-protocol';
import { failureText } from '../core/failure-text';

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
}
const scope = globalThis as unknown as WorkerScope;

/** Each call received and not yet answered, by id, with what cancels it (made on arrival, so a call cancelled while queued never starts). */
const cancellers = new Map<number, AbortController>();
let session: Promise<EngineSession> | null = null;
let queue: Promise<void> = Promise.resolve();
let idleTimer: ReturnType<typeof setTimeout> | null = null;
/**
 * How long the window must leave the worker alone before it does a step of
 * work of its own (EngineSession.whenIdle, one to two seconds with a million
 * entries): long enough that a clerk who is clicking around is not kept waiting by it.
 */
const QUIET_MS = 5000;

/** Queues a step of the session's idle work once no call has come for QUIET_MS, and after a step the next; a call that comes first puts it off again. */
function afterQuietSpell(): void {
  if (idleTimer !== null) clearTimeout(idleTimer);
  idleTimer = null;
  if (cancellers.size > 0) return;
  idleTimer = setTimeout(() => {
    idleTimer = null;
    // In the queue, so a call that comes meanwhile waits for it rather than interleaving; a failure only leaves the work for the screen to do when asked.
    queue = queue.then(() =>
      sessionOf()
        .then((opened) => opened.whenIdle())
        .then((more) => {
          if (more) afterQuietSpell();
        })
        .catch(() => undefined),
    );
  }, QUIET_MS);
}

function sessionOf(): Promise<EngineSession> {
  // Without its cache (a browser that refuses a second database) the app only opens slower.
  session ??= Promise.all([openBlockledgerDb(), ResultCache.open().catch(() => null)]).then(([db, cache]) => new EngineSession(db, cache));
  return session;
}

type Handler = (session: EngineSession, request: never, control: CallControl) => Promise<unknown>;

const handlers: Readonly<Record<EngineCall, Handler>> = {
  recompute: (s, r, c) => s.recompute(r, c),
  opening: (s, r) => s.opening(r),
  'contract-detail': (s, r, c) => s.contractDetail(r, c),
  'entries-page': (s, r, c) => s.entriesPage(r, c),
  'entry-counts': (s, r, c) => s.entryCounts(r, c),
  'open-sample': (s, r, c) => s.openSample(r, c),
  'import-preview': (s, r, c) => s.importPreview(r, c),
  'import-commit': (s, r, c) => s.importCommit(r, c),
  batches: (s) => s.batches(),
  reload: (s) => s.reload(),
  revert: (s, r) => s.revert(r),
  'month-end': (s, r, c) => s.monthEnd(r, c),
  'month-end-exceptions': (s, r, c) => s.monthEndExceptions(r, c),
  'customer-workbook': (s, r, c) => s.customerWorkbook(r, c),
  'month-end-pack': (s, r, c) => s.monthEndPack(r, c),
  'settings-get': (s, r) => s.settingsGet(r),
  'setting-put': (s, r) => s.settingPut(r),
  profiles: (s) => s.profiles(),
  'profile-save': (s, r) => s.profileSave(r),
  'profile-delete': (s, r) => s.profileDelete(r),
  'backup-export': (s, r) => s.backupExport(r),
  'backup-if-changed': (s, r) => s.backupIfChanged(r),
  'backup-restore': (s, r) => s.backupRestore(r),
  'backup-check': (s, r) => s.backupCheck(r),
  audit: (s) => s.audit(),
  'migration-audit': (s, r, c) => s.migrationAudit(r, c),
};

async function run(message: Extract<ToWorker, { type: 'call' }>): Promise<void> {
  const { id } = message;
  const { signal } = cancellers.get(id) as AbortController;
  const control: CallControl = {
    progress: (progress) => scope.postMessage({ type: 'progress', id, progress }),
    firstRows: (value) => scope.postMessage({ type: 'interim', id, value }),
    checkpoint: () => {
      if (signal.aborted) throw new Cancelled();
    },
    signal,
  };
  try {
    control.checkpoint();
    const session = await sessionOf();
    const value = await handlers[message.call](session, message.request as never, control);
    scope.postMessage({ type: 'result', id, value });
    // Before the next call starts, so it sees what this one saved.
    await session.finishUp();
  } catch (error) {
    const isCancel = error instanceof Cancelled;
    scope.postMessage({ type: 'error', id, message: failureText(error), cancelled: isCancel, forClerk: error instanceof ClerkError });
  } finally {
    cancellers.delete(id);
    afterQuietSpell();
  }
}

scope.addEventListener('message', ({ data }) => {
  if (data.type === 'cancel') {
    cancellers.get(data.id)?.abort();
    return;
  }
  cancellers.set(data.id, new AbortController());
  afterQuietSpell();
  queue = queue.then(() => run(data));
});
