import { css } from 'lit';

export const voiceUsageStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 2) calc(var(--_space) * 4);
    min-height: 32px;
    margin-bottom: calc(var(--_space) * 3);
  }

  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 3);
    margin: 0;
    color: var(--_muted);
  }

  .summary .figures {
    color: var(--_text);
    font-variant-numeric: tabular-nums;
  }

  .agent {
    display: flex;
    align-items: center;
    font-weight: 500;
  }

  .status {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 1.5);
  }

  .status.secondary {
    display: flex;
    color: var(--_text);
  }

  .status .dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--_success);
    border: 1.5px solid var(--_success);
  }

  .status.inactive {
    color: var(--_muted);
  }

  .status.inactive .dot {
    background: transparent;
    border-color: var(--_muted);
  }

  tr.inactive td.numeric {
    color: var(--_muted);
  }

  .incomplete .row-warning {
    margin-inline-end: var(--_space);
  }

  @media (forced-colors: active) {
    .status.secondary {
    display: flex;
    color: var(--_text);
  }

  .status .dot {
      background: CanvasText;
      border-color: CanvasText;
    }
    .status.inactive .dot {
      background: Canvas;
    }
  }
`;
