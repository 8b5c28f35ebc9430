/**
 * The embed view (issue 13, item 8): the code "Embed" copies, pasted into a course page,
 * shows the sentence, the steps and the attention views in an <iframe>, without the
 * header, the explanation or the settings; full screen is offered because the snippet
 * allows it.
 */
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { OUTPUT_DIR, stepNav, typeSentence, waitForTokens } from './harness';
import { useBrowserSuite } from './suite';

const suite = useBrowserSuite(4792);

describe('the embed view', () => {
  it('copied from the share bar, it shows the sentence, the steps and the visual in an iframe, no header', async () => {
    const context = await suite.browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(suite.url).origin,
    });
    try {
      const app = await context.newPage();
      await app.goto(suite.url);
      await typeSentence(app, 'The cat sat on the mat.');
      await waitForTokens(app, ['The', 'cat', 'sat', 'on', 'the', 'mat', '.']);
      await stepNav(app).getByRole('button', { name: 'Softmax' }).click();
      await app.getByRole('button', { name: 'Embed', exact: true }).click();
      await app.getByText('Embed code copied').waitFor();
      const code = await app.evaluate(() => navigator.clipboard.readText());
      expect(code).toMatch(/^<iframe src="[^"]*embed=1[^"]*"/);

      // A course page that pastes the code.
      const course = await context.newPage();
      const errors: string[] = [];
      course.on('pageerror', (e) => errors.push(e.message));
      await course.setContent(
        `<!doctype html><html lang="en"><title>Course</title><body style="margin:16px"><h1>Week 3: attention</h1>${code}</body></html>`,
      );
      const frame = course.frameLocator('iframe');
      await frame.getByRole('img', { name: 'Attention graph' }).waitFor({ timeout: 30_000 });
      await frame.getByRole('textbox', { name: 'Sentence' }).waitFor();
      await frame.getByRole('navigation', { name: 'Steps' }).waitFor();
      // The lesson's own step and sentence.
      expect(
        await frame
          .getByRole('navigation', { name: 'Steps' })
          .locator('[aria-current="step"]')
          .textContent(),
      ).toBe('4 Softmax');
      expect(await frame.getByRole('list', { name: 'Tokens' }).getByRole('listitem').count()).toBe(
        7,
      );
      // No header, no explanation, no settings; the visual is on screen in the frame.
      expect(await frame.locator('.app-header').isVisible()).toBe(false);
      expect(await frame.getByRole('heading', { level: 1 }).count()).toBe(0);
      expect(await frame.locator('.step-explanation').isVisible()).toBe(false);
      expect(await frame.locator('.settings-panel').isVisible()).toBe(false);
      // One visual: the graph at Softmax; the heatmap at Score.
      expect(await frame.getByRole('img', { name: 'Attention graph' }).isVisible()).toBe(true);
      expect(await frame.locator('.heatmap-panel').isVisible()).toBe(false);
      await course.screenshot({ path: path.join(OUTPUT_DIR, 'embed-iframe-softmax-1280.png') });
      await frame
        .getByRole('navigation', { name: 'Steps' })
        .getByRole('button', { name: 'Score' })
        .click();
      await expect.poll(() => frame.locator('.heatmap-panel').isVisible()).toBe(true);
      expect(await frame.locator('.graph-panel').isVisible()).toBe(false);
      // The frame allows full screen, so the embed offers it; the whole app is a link away.
      await frame.getByRole('button', { name: 'Full screen' }).waitFor();
      await frame.getByRole('link', { name: 'Open in Attention Graph' }).waitFor();
      expect(await frame.getByRole('button', { name: 'Copy link' }).count()).toBe(0);
      await course.screenshot({ path: path.join(OUTPUT_DIR, 'embed-iframe-score-1280.png') });
      expect(errors).toEqual([]);

      // The embed view on its own passes axe at WCAG 2.1 AA, at every step's visual.
      const src = (/src="([^"]+)"/.exec(code)?.[1] ?? '').replace(/&amp;/g, '&');
      const alone = await context.newPage();
      await alone.goto(src);
      await alone.getByRole('img', { name: 'Attention graph' }).waitFor();
      for (const step of ['Tokens', 'Score', 'Softmax']) {
        await stepNav(alone).getByRole('button', { name: step }).click();
        await alone.waitForFunction(() => !document.querySelector('[data-lazy-pending]'));
        const result = await new AxeBuilder({ page: alone })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze();
        expect(result.violations.map((v) => `${step}: ${v.id}`)).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });
});
