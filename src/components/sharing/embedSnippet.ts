/**
 * The <iframe> a teacher pastes into a course page or a slide to show the compact embed
 * view (a lesson link with `embed=1`). Pure: the link and the title in, HTML out.
 */

/** The frame's default size in CSS pixels: room for the sentence, the steps and the views. */
export const EMBED_SIZE = { width: 960, height: 640 } as const;

/** `text` safe inside a double-quoted HTML attribute. */
function attribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * The <iframe> element for `url` (already the embed link), titled `title` for screen
 * readers. `allow="fullscreen"` lets the embed's Full screen button work inside the frame.
 */
export function embedSnippet(url: string, title: string): string {
  return (
    `<iframe src="${attribute(url)}" title="${attribute(title)}"` +
    ` width="${EMBED_SIZE.width}" height="${EMBED_SIZE.height}"` +
    ` style="border: 0; max-width: 100%" allow="fullscreen" allowfullscreen loading="lazy"></iframe>`
  );
}
