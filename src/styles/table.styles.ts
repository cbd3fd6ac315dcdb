import { css } from 'lit';

/** The table core's look: quiet rules, tabular numbers, sticky grouped header, totals set apart. */
export const tableStyles = css`
  .scroller {
    position: relative;
    overflow: auto;
    max-height: var(--ai-usage-table-max-height, 70vh);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    container-type: inline-size;
  }

  table {
    width: 100%;
    border-collapse: separate;
    border-spacing: 0;
    font-variant-numeric: tabular-nums;
  }

  thead {
    position: sticky;
    top: 0;
    z-index: 2;
  }

  th,
  td {
    height: var(--_row-height);
    padding: 0 calc(var(--_space) * 2.5);
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: middle;
    white-space: nowrap;
    font-weight: 400;
  }

  thead th {
    height: auto;
    padding-block: calc(var(--_space) * 2);
    background: var(--_header-bg);
    color: var(--_muted);
    font-size: 0.8125em;
    font-weight: 500;
    line-height: 1.25;
    vertical-align: bottom;
    white-space: normal;
  }

  thead th.numeric {
    min-width: 5rem;
  }

  thead th.numeric .label {
    max-width: 7rem;
  }

  thead th.group {
    text-align: center;
    padding-bottom: var(--_space);
    border-bottom-color: var(--_border-strong);
    color: var(--_text);
    vertical-align: bottom;
  }

  th.numeric,
  td.numeric {
    text-align: end;
  }

  tbody tr:last-child > * {
    border-bottom: none;
  }

  tbody tr:not(.spacer):hover > * {
    background: var(--_hover);
  }

  .sort-button {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
    margin: calc(var(--_space) * -1) calc(var(--_space) * -1.5);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 0;
    border-radius: 4px;
    background: none;
    color: inherit;
    font: inherit;
    text-align: inherit;
    cursor: pointer;
  }

  th.numeric .sort-button {
    flex-direction: row-reverse;
  }

  .sort-button:hover {
    color: var(--_text);
  }

  .sort-icon {
    width: 12px;
    height: 12px;
    flex: none;
    fill: currentColor;
    opacity: 0;
    transition: opacity 120ms;
  }

  .sort-icon path {
    opacity: 0.35;
  }

  .sort-button:hover .sort-icon,
  .sort-button:focus-visible .sort-icon {
    opacity: 1;
  }

  .sort-button.sorted {
    color: var(--_text);
  }

  .sort-button.sorted .sort-icon {
    opacity: 1;
    color: var(--_accent);
  }

  .sort-button.asc .sort-icon .up,
  .sort-button.desc .sort-icon .down {
    opacity: 1;
  }

  .sort-button.asc .sort-icon .down,
  .sort-button.desc .sort-icon .up {
    opacity: 0;
  }

  tfoot th,
  tfoot td {
    border-top: 2px solid var(--_border-strong);
    border-bottom: none;
    font-weight: 600;
    background: var(--_raised);
  }

  .truncate {
    display: block;
    max-width: var(--ai-usage-name-max-width, clamp(7rem, 17cqi, 18rem));
    overflow: hidden;
    text-overflow: ellipsis;
  }

  /* A line holding a truncated name: the name sits at the cell's start in either direction,
     while its own text keeps its own direction (and its ellipsis at its own end). */
  .line {
    display: flex;
    min-width: 0;
  }

  .secondary {
    display: block;
    color: var(--_muted);
    font-size: 0.8125em;
  }

  /* "unnamed": a name with nothing visible in it, set apart from real names. */
  .muted {
    color: var(--_muted);
  }

  /* Text from data under a name (an entity type, who took a call, a license's end) truncates like
     the names do: a 10,000-character type must not widen the table past its figures. */
  .secondary,
  td .badge {
    max-width: max(var(--ai-usage-name-max-width, clamp(7rem, 17cqi, 18rem)), 16rem);
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .skeleton .bone,
  tr.loading .bone {
    display: inline-block;
    width: 70%;
    max-width: 8rem;
    height: 0.75em;
    border-radius: 4px;
    background: linear-gradient(90deg, var(--_raised) 0%, var(--_border) 50%, var(--_raised) 100%);
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }

  .skeleton td.text .bone,
  tr.loading td.text .bone {
    width: clamp(4rem, 12cqi, 9rem);
  }

  .skeleton td.numeric .bone,
  tr.loading td.numeric .bone {
    width: 3.5rem;
  }

  @keyframes shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }

  .narrow-only {
    display: none;
  }

  /* Narrow tables (phones, side panels): columns marked wide-only fold into the row header, which
     stays in view while the numbers scroll sideways. */
  @container (max-width: 640px) {
    .wide-only {
      display: none;
    }
    .narrow-only {
      display: block;
    }
    .row-header-col {
      position: sticky;
      inset-inline-start: 0;
      z-index: 1;
      background: var(--_bg);
      border-inline-end: 1px solid var(--_border);
    }
    thead .row-header-col {
      background: var(--_header-bg);
    }
    /* The lines under a name truncate at the name's width, so the sticky column leaves room for the figures. */
    .row-header-col .secondary {
      max-width: var(--ai-usage-name-max-width, clamp(7rem, 17cqi, 18rem));
    }
    tfoot .row-header-col {
      background: var(--_raised);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .skeleton .bone {
      animation: none;
    }
    .sort-icon {
      transition: none;
    }
  }

  @media (forced-colors: active) {
    .sort-button.sorted .sort-icon {
      color: ButtonText;
    }
  }
`;
