import { css } from 'lit';

export const voiceUsageStyles = css`
  .status.secondary {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 1.5);
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

  @media (forced-colors: active) {
    .status .dot {
      background: CanvasText;
      border-color: CanvasText;
    }
    .status.inactive .dot {
      background: Canvas;
    }
  }
`;
