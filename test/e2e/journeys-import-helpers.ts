// Steps of the import journeys: files come from the ConnectWise fixtures (or
// are made in the test), through the wizard's file input as a clerk picks them.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';

export interface UploadFile {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

/** A file of test/fixtures/connectwise as the browser's file picker hands it over. */
export function connectwiseFixture(name: string): UploadFile {
  return { name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv', buffer: readFileSync(`test/fixtures/connectwise/${name}`) };
}

/** Clicks "Choose files" and picks `files` (fixture names or made files). */
export async function chooseImportFiles(page: Page, files: readonly (string | UploadFile)[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Choose (other )?files$/ }).click();
  await (await chooser).setFiles(files.map((file) => (typeof file === 'string' ? connectwiseFixture(file) : file)));
}

/** Opens an MUI select and picks the option named `option`. */
export async function pickOption(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
