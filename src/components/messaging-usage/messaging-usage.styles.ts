import { css } from 'lit';

export const messagingUsageStyles = css`
  .badge {
    --_tone: var(--_muted);
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 1.5);
    padding: 1px calc(var(--_space) * 2.25) 1px calc(var(--_space) * 1.75);
    border: 1px solid color-mix(in srgb, var(--_tone) 35%, transparent);
    border-radius: 999px;
    background: color-mix(in srgb, var(--_tone) 10%, var(--_bg));
    color: var(--_text);
    font-size: 0.8125em;
    font-weight: 500;
    line-height: 1.5;
  }

  /* A license type of any length stays on one line and ends in an ellipsis (the whole type is its tooltip). */
  .badge {
    max-width: 100%;
  }

  .badge-label {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .badge-dot {
    width: 6px;
    height: 6px;
    border-radius: 50%;
    background: var(--_tone);
  }

  .badge.success {
    --_tone: var(--_success);
  }
  .badge.info {
    --_tone: var(--_accent);
  }
  .badge.warning {
    --_tone: var(--_warning);
  }
  .badge.danger {
    --_tone: var(--_danger);
  }
  .badge.danger .badge-dot {
    border-radius: 1px;
    transform: rotate(45deg);
  }
  .badge.neutral .badge-dot {
    background: transparent;
    border: 1.5px solid var(--_tone);
  }

  .engagement {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 2);
    font-variant-numeric: tabular-nums;
  }

  .meter {
    display: inline-block;
    inline-size: 36px;
    block-size: 6px;
    border-radius: 3px;
    background: var(--_border);
    overflow: hidden;
  }

  .meter > span {
    display: block;
    block-size: 100%;
    background: var(--_accent);
  }

  @media (forced-colors: active) {
    .badge {
      border-color: CanvasText;
    }
    .badge-dot,
    .meter > span {
      background: CanvasText;
    }
  }
`;
