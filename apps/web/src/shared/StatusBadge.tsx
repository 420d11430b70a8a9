/** Outcomes and states as a coloured word; the colour repeats the word, it never replaces it. */
const TONE: Record<string, string> = {
  succeeded: 'good',
  unchanged: 'good',
  up: 'good',
  finished: 'neutral',
  enabled: 'good',
  running: 'busy',
  queued: 'busy',
  failed: 'bad',
  down: 'bad',
  lowerLayerDown: 'bad',
  disabled: 'neutral',
  added: 'good',
  removed: 'bad',
  changed: 'busy',
};

export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return <span className={`badge badge-${TONE[status] ?? 'neutral'}`}>{label ?? status}</span>;
}
