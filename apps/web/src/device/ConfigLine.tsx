import { memo, type ReactNode } from 'react';
import type { MatchRanges } from './config-find';

export interface ConfigLineProps {
  number: number;
  text: string;
  matches: MatchRanges;
  /** The line the URL points at (?line=) or the current find result. */
  current: boolean;
}

/** One numbered line; matches of the find box are marked. Memoised: a config has thousands of lines and a find changes few. */
export const ConfigLine = memo(function ConfigLine({ number, text, matches, current }: ConfigLineProps) {
  const parts: ReactNode[] = [];
  let position = 0;
  matches.forEach(([start, end], index) => {
    if (start > position) parts.push(<span key={`t${index}`}>{text.slice(position, start)}</span>);
    parts.push(<mark key={`m${index}`}>{text.slice(start, end)}</mark>);
    position = end;
  });
  if (position < text.length) parts.push(<span key="rest">{text.slice(position)}</span>);
  return (
    <div id={`L${number}`} className={current ? 'config-line current' : 'config-line'}>
      <span className="line-number" aria-hidden="true">
        {number}
      </span>
      <code>{parts.length > 0 ? parts : '\u200b'}</code>
    </div>
  );
});
