import { css } from 'lit';

export const usageCallsStyles = css`
  .calls-head {
    justify-content: space-between;
    margin-bottom: calc(var(--_space) * 3);
  }

  .calls-head .heading {
    margin: 0;
  }

  .pager {
    justify-content: space-between;
    margin-top: calc(var(--_space) * 3);
    font-variant-numeric: tabular-nums;
  }

  .pages {
    display: flex;
    gap: calc(var(--_space) * 1.5);
  }

  .action:disabled {
    opacity: 0.5;
    cursor: default;
  }

  :host(:dir(rtl)) .arrow {
    display: inline-block;
    transform: scaleX(-1);
  }

  .permission {
    margin: 0;
    padding: calc(var(--_space) * 4);
    border: 1px dashed var(--_border-strong);
    border-radius: var(--_radius);
    color: var(--_muted);
  }

  td .truncate {
    display: inline-block;
    vertical-align: bottom;
  }
`;
