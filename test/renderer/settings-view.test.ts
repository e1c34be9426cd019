// What Settings tells a clerk: billable spellings per profile as the engine
// will read them, backups in words, and why a backup cannot be restored.
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES } from '../../renderer/src/core/import/profiles/registry';
import { backupLabel, billableRules, databaseFileName, sizeWords, unreadableBackup } from '../../renderer/src/features/settings/settings-view';

describe('billable rules', () => {
  const rules = billableRules(BUILTIN_PROFILES);

  it('lists the ConnectWise spellings with the option each becomes', () => {
    const connectwise = rules.filter((rule) => rule.profile.startsWith('ConnectWise'));
    expect(connectwise).toContainEqual({ profile: connectwise[0]?.profile, source: 'NoCharge', meaning: 'no_charge' });
    expect(connectwise).toContainEqual({ profile: connectwise[0]?.profile, source: 'Do Not Bill', meaning: 'do_not_bill' });
  });

  it('only ever yields the three options the engine knows', () => {
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(['billable', 'no_charge', 'do_not_bill']).toContain(rule.meaning);
  });
});

describe('backups in words', () => {
  it('says when, why and how big', () => {
    expect(backupLabel({ id: 'x', createdAt: '2026-11-02T14:05:09.000Z', reason: 'import', sizeBytes: 1_258_291, sha256: 'a' })).toBe('2026-11-02 14:05 UTC, after an import, 1.2 MB');
    expect(sizeWords(512)).toBe('512 bytes');
    expect(sizeWords(20_480)).toBe('20 KB');
  });

  it('tells a missing backup from a damaged one, with what to do', () => {
    expect(unreadableBackup('missing')).toContain('Pick another one');
    expect(unreadableBackup('corrupt')).toContain('Nothing was changed; pick an older backup');
  });

  it('names an export by its date', () => {
    expect(databaseFileName(new Date('2026-11-22T20:00:00Z'))).toBe('Blockledger database 2026-11-22');
  });
});
