// Issue 3 benchmark: 1,000,000 entries stored in Dexie (fake-indexeddb in
// Node) through the real import path, then read back.
import { benchEntryStore } from '../../db/store-bench';
import { report } from '../measure';

const result = await benchEntryStore();
report({
  case: 'dexie-store',
  what: `store ${result.rows.toLocaleString('en')} entries in ${result.chunks} chunks (prepare ${result.prepareSeconds} s + commit ${result.commitSeconds} s; read back ${result.readColumnsSeconds} s)`,
  seconds: result.storeSeconds,
  cpuSeconds: result.storeCpuSeconds,
  rate: `${Math.round(result.rows / result.storeSeconds).toLocaleString('en')} rows/s`,
  target: '< 3 s',
  met: result.storeSeconds < 3,
});
