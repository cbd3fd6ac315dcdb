import { css } from 'lit';

export const usageHistoryStyles = css`
  .controls {
    margin-bottom: calc(var(--_space) * 5);
  }

  .history {
    margin-bottom: calc(var(--_space) * 8);
  }

  .view-bar {
    justify-content: space-between;
    margin-bottom: calc(var(--_space) * 3);
  }

  .toggle {
    display: inline-flex;
    border: 1px solid var(--_control-border);
    border-radius: calc(var(--_radius) - 2px);
    overflow: hidden;
  }

  .toggle button {
    min-height: 30px;
    padding: 0 calc(var(--_space) * 3);
    border: 0;
    background: var(--_bg);
    color: var(--_muted);
    cursor: pointer;
  }

  .toggle button + button {
    border-inline-start: 1px solid var(--_control-border);
  }

  .toggle button[aria-pressed='true'] {
    background: color-mix(in srgb, var(--_accent) 12%, var(--_bg));
    color: var(--_text);
    font-weight: 500;
  }

  .toggle button:focus-visible {
    outline-offset: -2px;
  }

  .chart-box {
    width: 100%;
  }

  .chart {
    /* The axis runs left to right in every writing direction; labels stay outside the plot. */
    direction: ltr;
    display: block;
    overflow: visible;
    font-variant-numeric: tabular-nums;
  }

  .chart .tick line {
    stroke: var(--_border);
  }

  .chart .axis {
    stroke: var(--_border-strong);
  }

  .chart text {
    fill: var(--_muted);
    font-size: 11px;
  }

  .chart .bar .value {
    fill: color-mix(in srgb, var(--_accent) 55%, var(--_bg));
  }

  .chart .bar.latest .value {
    fill: var(--_accent);
  }

  .chart .bar .hit {
    fill: transparent;
  }

  .chart .bar:hover .value {
    fill: var(--_accent);
  }

  .chart-summary {
    margin: calc(var(--_space) * 2) 0 0;
    color: var(--_muted);
  }

  .chart-skeleton {
    height: 220px;
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_raised) 0%, var(--_border) 50%, var(--_raised) 100%);
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }

  .change.up::before,
  .change.down::before {
    display: inline-block;
    margin-inline-end: 2px;
    font-size: 0.75em;
  }

  .change.up::before {
    content: '▲';
  }

  .change.down::before {
    content: '▼';
  }

  .agents-error {
    margin: 0 0 calc(var(--_space) * 3);
    color: var(--_danger);
  }

  @media (prefers-reduced-motion: reduce) {
    .chart-skeleton {
      animation: none;
    }
  }

  @media (forced-colors: active) {
    .chart .bar .value,
    .chart .bar.latest .value {
      fill: CanvasText;
    }
  }
`;
