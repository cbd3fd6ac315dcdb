import { html, type TemplateResult } from 'lit';

export type Theme = 'light' | 'dark' | 'both';

const frame = (theme: 'light' | 'dark', content: unknown, width?: number) =>
  html`<div
    class="ai-story-frame"
    data-theme=${theme}
    style="color-scheme: ${theme}; background: ${theme === 'dark' ? '#0b0c0e' : '#ffffff'}; color: ${
      theme === 'dark' ? '#e6e8eb' : '#1b1f24'
    }; padding: 24px; font-family: system-ui, sans-serif; box-sizing: border-box; ${width ? `width: ${width}px;` : ''}"
  >
    ${content}
  </div>`;

/**
 * Renders a story on a light or a dark host page (the elements follow the page's `color-scheme`),
 * or both, one under the other, for design review.
 */
export function withTheme(story: () => unknown, theme: Theme, width?: number): TemplateResult {
  if (theme === 'both') return html`${frame('light', story(), width)}${frame('dark', story(), width)}`;
  return frame(theme, story(), width);
}
