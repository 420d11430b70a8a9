import { formatAgo, formatDateTime } from './format';

/** A moment as "5 min ago", with the exact local time on hover and for assistive technology. */
export function Timestamp({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="muted">—</span>;
  const exact = formatDateTime(value);
  return (
    <time dateTime={value} title={exact} aria-label={exact}>
      {formatAgo(value)}
    </time>
  );
}
