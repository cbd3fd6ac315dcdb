import { css } from 'lit';

/**
 * Shared by every element: theme tokens (each falls back to a default that follows the page's
 * `color-scheme`, light or dark), typography, focus rings, and the utility classes.
 */
export const baseStyles = css`
  :host {
    --_font: var(--ai-usage-font-family, inherit);
    --_font-size: var(--ai-usage-font-size, 0.875rem);
    --_text: var(--ai-usage-color-text, light-dark(#1b1f24, #e6e8eb));
    --_muted: var(--ai-usage-color-text-muted, light-dark(#58616b, #a0a8b2));
    --_bg: var(--ai-usage-color-background, light-dark(#ffffff, #111317));
    --_raised: var(--ai-usage-color-background-raised, light-dark(#f6f7f9, #1a1d22));
    --_border: var(--ai-usage-color-border, light-dark(#e3e6ea, #2b3038));
    --_border-strong: var(--ai-usage-color-border-strong, light-dark(#c5cad1, #434a54));
    --_control-border: var(--ai-usage-color-control-border, light-dark(#7d8691, #6f7884));
    --_accent: var(--ai-usage-color-accent, light-dark(#2f5bd3, #86a8ff));
    --_success: var(--ai-usage-color-success, light-dark(#1c6f46, #62c794));
    --_warning: var(--ai-usage-color-warning, light-dark(#8a5300, #e8b64c));
    --_danger: var(--ai-usage-color-danger, light-dark(#b42318, #ff8a80));
    --_hover: var(--ai-usage-color-row-hover, light-dark(#f3f5f8, #1c2026));
    --_header-bg: var(--ai-usage-color-header-background, var(--_bg));
    --_radius: var(--ai-usage-radius, 8px);
    --_space: var(--ai-usage-space, 4px);
    --_row-height: var(--ai-usage-row-height, 44px);
    --_focus-ring: var(--ai-usage-focus-ring, 2px solid var(--_accent));

    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.4;
    color: var(--_text);
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  :focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }

  button {
    font: inherit;
    color: inherit;
  }

  .action {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 2);
    min-height: 32px;
    padding: 0 calc(var(--_space) * 3);
    border: 1px solid var(--_control-border);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_bg);
    color: var(--_text);
    font-weight: 500;
    cursor: pointer;
  }

  .action:hover {
    background: var(--_hover);
  }

  .link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
  }

  @media (forced-colors: active) {
    :host {
      --_accent: Highlight;
      --_border: CanvasText;
      --_border-strong: CanvasText;
      --_control-border: ButtonText;
      --_muted: CanvasText;
    }
  }
`;
