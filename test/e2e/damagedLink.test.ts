/**
 * The built app, not the source, reads a damaged link (issue 14): a link whose text holds
 * escapes that are not UTF-8 (`%C0%AF`, `%FF`, `%ED%A0%80`) and nothing else wrong shows
 * the "damaged" notice. The minifier once removed the check (an unused decodeURIComponent
 * inside try/catch), which only a test of the build can catch.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closePage, openApp, ROOT, tokenTexts } from './harness';
import { useBrowserSuite } from './suite';

const suite = useBrowserSuite(4734);

describe('a damaged link, in the built app', () => {
  it('a text with %C0%AF, %FF and %ED%A0%80 shows the notice, and the rest of the text', async () => {
    const page = await openApp(suite.browser, `${suite.url}#t=Caf%C3%A9+ok%C0%AF+x%FF+y%ED%A0%80`);
    try {
      const notice = page.getByRole('status', { name: 'Link notice' });
      await expect
        .poll(() => notice.textContent())
        .toContain('Some characters of the sentence were damaged in the link and show as �');
      // Nothing else was wrong with the link: that is the only problem listed.
      expect(await notice.locator('li').count()).toBe(1);
      expect((await tokenTexts(page))[0]).toBe('Café');
      expect(await page.getByRole('textbox', { name: 'Sentence' }).inputValue()).toContain(
        '\uFFFD',
      );
    } finally {
      await closePage(page);
    }
  });

  it('no check in the built code has lost its work to the minifier', () => {
    // The shape the damaged-link check had in dist/: a try whose body is only its answer.
    const assets = path.join(ROOT, 'dist', 'assets');
    const hollow = /try\s*\{\s*return\s*(?:!0|!1|true|false)\s*;?\s*\}\s*catch/;
    const found = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .filter((f) => hollow.test(readFileSync(path.join(assets, f), 'utf8')));
    expect(found).toEqual([]);
  });
});
