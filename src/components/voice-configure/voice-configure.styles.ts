import { css } from 'lit';

export const voiceConfigureStyles = css`
  :host {
    display: inline-block;
  }

  .configure {
    position: relative;
  }

  .configure-button .chevron {
    width: 12px;
    height: 12px;
  }

  .menu {
    position: absolute;
    inset-inline-end: 0;
    top: calc(100% + 4px);
    z-index: 5;
    display: flex;
    flex-direction: column;
    min-width: 16rem;
    padding: var(--_space);
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_bg);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.14);
  }

  .menu[hidden] {
    display: none;
  }

  .menu [role='menuitem'] {
    padding: calc(var(--_space) * 2) calc(var(--_space) * 3);
    border: 0;
    border-radius: calc(var(--_radius) - 4px);
    background: none;
    text-align: start;
    cursor: pointer;
    white-space: nowrap;
  }

  .menu [role='menuitem']:hover,
  .menu [role='menuitem']:focus {
    background: var(--_hover);
  }

  .menu [role='menuitem']:focus-visible {
    outline-offset: -2px;
  }

  dialog {
    width: min(34rem, calc(100vw - 2rem));
    padding: calc(var(--_space) * 6);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) + 4px);
    background: var(--_bg);
    color: var(--_text);
    box-shadow: 0 24px 64px rgb(0 0 0 / 0.25);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }

  dialog h2 {
    margin: 0 0 calc(var(--_space) * 3);
    font-size: 1.125em;
  }

  dialog p {
    margin: 0 0 calc(var(--_space) * 3);
  }

  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: calc(var(--_space) * 2);
    margin-top: calc(var(--_space) * 5);
  }

  .action.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_bg);
  }

  .action.primary:hover {
    background: color-mix(in srgb, var(--_accent) 88%, var(--_text));
  }

  .action[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }

  .spinner {
    width: 12px;
    height: 12px;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  .dialog-error {
    color: var(--_danger);
  }

  .plans {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }

  .plans th,
  .plans td {
    padding: calc(var(--_space) * 2) calc(var(--_space) * 2);
    border-bottom: 1px solid var(--_border);
    text-align: start;
    font-weight: 400;
  }

  .plans thead th {
    color: var(--_muted);
    font-size: 0.8125em;
    font-weight: 500;
  }

  /* A plan name of any length truncates like the names in the tables (the whole name is its tooltip). */
  .plan-name {
    display: inline-block;
    max-width: min(16rem, 100%);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    vertical-align: bottom;
  }

  .plans th[scope='row'] {
    max-width: 16rem;
  }

  .plans .numeric {
    text-align: end;
  }

  .plans tr.current th {
    font-weight: 600;
  }

  .current-badge {
    display: inline-block;
    margin-inline-start: var(--_space);
    padding: 0 calc(var(--_space) * 2);
    border: 1px solid color-mix(in srgb, var(--_success) 40%, transparent);
    border-radius: 999px;
    background: color-mix(in srgb, var(--_success) 10%, var(--_bg));
    font-size: 0.75em;
    font-weight: 500;
  }

  .meter {
    height: 10px;
    margin: calc(var(--_space) * 2) 0 var(--_space);
    border-radius: 5px;
    background: var(--_border);
    overflow: hidden;
  }

  .meter .fill {
    display: block;
    height: 100%;
    background: var(--_accent);
  }

  .meter.over .fill {
    background: repeating-linear-gradient(45deg, var(--_danger) 0 6px, color-mix(in srgb, var(--_danger) 70%, var(--_bg)) 6px 12px);
  }

  .meter-legend {
    display: flex;
    justify-content: space-between;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .muted {
    color: var(--_muted);
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }

  @media (forced-colors: active) {
    .meter .fill {
      background: CanvasText;
    }
  }
`;
