import { expect, test, type Page } from '@playwright/test';

// The web build: the same renderer as the desktop app, with the browser bridge.

function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

const navigation = ['Contracts', 'Entries', 'Import', 'Month-end', 'Audit', 'Settings'];

test('first start shows the empty state with its two choices', async ({ page }, testInfo) => {
  const errors = collectPageErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to Blockledger' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import your exports' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('button')).toHaveText(navigation);
  await expect(nav.getByRole('button', { name: 'Contracts' })).toHaveAttribute('aria-current', 'page');
  await page.screenshot({ path: testInfo.outputPath('empty-state.png'), fullPage: true });
  await testInfo.attach('empty-state', { path: testInfo.outputPath('empty-state.png'), contentType: 'image/png' });
  expect(errors).toEqual([]);
});

test('the navigation opens every page', async ({ page }, testInfo) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const label of navigation.slice(1)) {
    await nav.getByRole('button', { name: label }).click();
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(label);
    await expect(nav.getByRole('button', { name: label })).toHaveAttribute('aria-current', 'page');
  }
  await page.screenshot({ path: testInfo.outputPath('settings-page.png') });
  await nav.getByRole('button', { name: 'Contracts' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Blockledger' })).toBeVisible();
});

test('"Import your exports" and the import shortcut open the Import page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Import your exports' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Import');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Contracts' }).click();
  await page.keyboard.press('ControlOrMeta+o');
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Import');
});

test('a screen that fails to draw says so, and the rest of the window keeps working', async ({ page }) => {
  // Every grid fails as it starts, as a grid library error would.
  await page.addInitScript(() => {
    window.ResizeObserver = class {
      observe(): void {
        throw new Error('injected grid failure');
      }
      unobserve(): void {}
      disconnect(): void {}
    };
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Open sample portfolio' }).click();
  await expect(page.getByRole('alert')).toContainText('The Contracts screen stopped working (injected grid failure). Your data is safe');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Settings');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test.describe('motion', () => {
  // How long a navigation button takes to change colour when pointed at.
  const buttonTransition = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Entries' }).evaluate((button) => getComputedStyle(button).transitionDuration);

  test('follows the system\'s "reduce motion" setting: nothing fades or ripples', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/');
    expect(await buttonTransition(page)).toBe('0s');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Entries' }).click();
    await expect(page.locator('.MuiTouchRipple-child')).toHaveCount(0);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await expect.poll(() => buttonTransition(page)).not.toBe('0s');
  });
});

test('the theme switches to dark and stays dark after a reload', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Light theme' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('empty-state-dark.png') });
});

test('the page runs under the strict CSP: injected inline script is blocked and reported', async ({ page }) => {
  const response = await page.goto('/');
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-eval');
  const outcome = await page.evaluate(
    () =>
      new Promise<{ ran: boolean; violated: string }>((resolve) => {
        const marker = window as unknown as { injected?: boolean };
        document.addEventListener('securitypolicyviolation', (event) => resolve({ ran: marker.injected === true, violated: event.effectiveDirective }), { once: true });
        const holder = document.createElement('div');
        holder.innerHTML = '<img src="data:," onload="window.injected = true">';
        document.body.append(holder);
      }),
  );
  expect(outcome).toEqual({ ran: false, violated: 'script-src-attr' });
});

test('in a browser there is no window.desktop (the browser bridge is used)', async ({ page }) => {
  await page.goto('/');
  expect(await page.evaluate(() => 'desktop' in window)).toBe(false);
});
