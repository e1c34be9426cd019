import { randomUUID } from 'node:crypto';

// Files and folders written in this session, by opaque id: the renderer can ask
// to reveal one in the file manager without ever naming a path.
export interface SavedItem {
  path: string;
  kind: 'file' | 'folder';
}

const savedItems = new Map<string, SavedItem>();

/** Remembers a written file or folder and returns the id the renderer may use for it. */
export function rememberSaved(item: SavedItem): string {
  const id = randomUUID();
  savedItems.set(id, item);
  return id;
}

/** The item behind an id from rememberSaved, if any. */
export function savedItem(id: string): SavedItem | undefined {
  return savedItems.get(id);
}

export const savedIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
