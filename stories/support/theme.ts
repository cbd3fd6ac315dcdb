import { html, type TemplateResult } from 'lit';

export type Theme = 'light' | 'dark' | 'both';

/** The host page a story is shown on: its width, language (`lang`) and direction (`dir`). */
export interface Page {
  width?: number | undefined;
  lang?: string | undefined;
  dir?: 'ltr' | 'rtl' | undefined;
}

const frame = (theme: 'light' | 'dark', content: unknown, { width, lang = 'en-GB', dir = 'ltr' }: Page) =>
  html`<div
    class="ai-story-frame"
    data-theme=${theme}
    lang=${lang}
    dir=${dir}
    style="color-scheme: ${theme}; background: ${theme === 'dark' ? '#0b0c0e' : '#ffffff'}; color: ${
      theme === 'dark' ? '#e6e8eb' : '#1b1f24'
    }; padding: 24px; font-family: system-ui, sans-serif; box-sizing: border-box; ${width ? `width: ${width}px;` : ''}"
  >
    ${content}
  </div>`;

/**
 * Renders a story on a light or a dark host page (the elements follow the page's `color-scheme`),
 * or both, one under the other, for design review; in the page's language and direction (British
 * English, left to right, unless the toolbar says otherwise).
 */
export function withTheme(story: () => unknown, theme: Theme, page: Page = {}): TemplateResult {
  if (theme === 'both') return html`${frame('light', story(), page)}${frame('dark', story(), page)}`;
  return frame(theme, story(), page);
}
