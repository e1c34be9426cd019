// Saved import profiles and settings: small editable tables; every change
// writes its audit event in the same transaction.
import type { BlockledgerDb, ChangeContext, JsonValue, SavedProfile } from './schema';
import { auditEvent } from './audit';

/** All saved profiles, by name. */
export async function listProfiles(db: BlockledgerDb): Promise<SavedProfile[]> {
  return db.profiles.orderBy('name').toArray();
}

/** Saves (creates or replaces) a profile under its name. */
export async function saveProfile(db: BlockledgerDb, name: string, definition: JsonValue, context: ChangeContext): Promise<void> {
  await db.transaction('rw', [db.profiles, db.audit], async () => {
    const existed = (await db.profiles.get(name)) !== undefined;
    await db.profiles.put({ name, definition, updatedAt: context.now });
    await db.audit.add(auditEvent(context, 'profile-save', null, `${existed ? 'Updated' : 'Saved'} the import profile "${name}".`));
  });
}

/** Deletes a saved profile; false when there was none by that name. */
export async function deleteProfile(db: BlockledgerDb, name: string, context: ChangeContext): Promise<boolean> {
  return db.transaction('rw', [db.profiles, db.audit], async () => {
    if ((await db.profiles.get(name)) === undefined) return false;
    await db.profiles.delete(name);
    await db.audit.add(auditEvent(context, 'profile-delete', null, `Deleted the import profile "${name}".`));
    return true;
  });
}

/** A setting's value, or undefined when never set. */
export async function getSetting(db: BlockledgerDb, key: string): Promise<JsonValue | undefined> {
  return (await db.settings.get(key))?.value;
}

/** Sets a setting and records the change with its old and new value. */
export async function putSetting(db: BlockledgerDb, key: string, value: JsonValue, context: ChangeContext): Promise<void> {
  await db.transaction('rw', [db.settings, db.audit], async () => {
    const before = (await db.settings.get(key))?.value;
    await db.settings.put({ key, value });
    const from = before === undefined ? 'unset' : JSON.stringify(before);
    await db.audit.add(auditEvent(context, 'setting-change', null, `Changed the setting "${key}" from ${from} to ${JSON.stringify(value)}.`));
  });
}
