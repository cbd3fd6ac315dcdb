import { css } from 'lit';

/** Form controls, headings and control rows shared by the history and the calls list. */
export const controlsStyles = css`
  .controls,
  .calls-head,
  .view-bar,
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 2) calc(var(--_space) * 4);
  }

  label {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 2);
    color: var(--_muted);
  }

  select {
    max-width: 16rem;
  }

  select,
  input[type='month'] {
    min-height: 32px;
    padding: 0 calc(var(--_space) * 2);
    border: 1px solid var(--_control-border);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
  }

  .heading {
    margin: 0 0 calc(var(--_space) * 3);
    font-size: 1em;
    font-weight: 600;
  }

  .muted {
    color: var(--_muted);
  }
`;
