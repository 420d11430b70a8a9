import { formatCount } from './format';

export interface PagerProps {
  offset: number;
  limit: number;
  count: number;
  onOffset(offset: number): void;
  /** What is being paged, for the buttons' labels: "devices". */
  noun: string;
}

/** Server-side pages: the API's limit and offset, so a fleet of any size loads one page at a time. */
export function Pager({ offset, limit, count, onOffset, noun }: PagerProps) {
  const first = count === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, count);
  return (
    <nav className="pager" aria-label={`Pages of ${noun}`}>
      <button type="button" onClick={() => onOffset(Math.max(0, offset - limit))} disabled={offset === 0}>
        Previous page
      </button>
      <span aria-live="polite">
        {formatCount(first)}–{formatCount(last)} of {formatCount(count)} {noun}
      </span>
      <button type="button" onClick={() => onOffset(offset + limit)} disabled={last >= count}>
        Next page
      </button>
    </nav>
  );
}
