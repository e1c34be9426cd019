// The clerk's choices in the import wizard, as the worker takes them.
import type { ImportChoices, ProfileSettings } from '../../workers/engine-protocol';

export type FileChoice = ImportChoices['files'][number];

/** The choices with `choice` replacing the one for its file. */
export function withChoice(choices: ImportChoices, choice: FileChoice): ImportChoices {
  return { ...choices, files: [...choices.files.filter((existing) => existing.file !== choice.file), choice] };
}

/** The choice for `file` (detect, no edits, until the clerk changes something). */
export function choiceFor(choices: ImportChoices, file: string): FileChoice {
  return choices.files.find((choice) => choice.file === file) ?? { file, profileId: null, columns: [] };
}

/** The choices with `settings` replacing those of its profile. */
export function withSettings(choices: ImportChoices, settings: ProfileSettings): ImportChoices {
  return { ...choices, settings: [...(choices.settings ?? []).filter((existing) => existing.profileId !== settings.profileId), settings] };
}

/** Whether `text` is a positive decimal the profile accepts as units per quantity ("10", "2.5"). */
export function isUnitsPerQuantity(text: string): boolean {
  return /^\d+(\.\d+)?$/.test(text.trim()) && /[1-9]/.test(text);
}
