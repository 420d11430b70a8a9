import { Fragment } from 'react';
import { sideBySideRows, type DiffSide } from './unified-patch';

export interface SideBySideDiffProps {
  /** The API's unified patch (format=unified). */
  patch: string;
  fromLabel: string;
  toLabel: string;
}

/** Old on the left, new on the right, with both versions' line numbers; removed and added lines say so in words too. */
export function SideBySideDiff({ patch, fromLabel, toLabel }: SideBySideDiffProps) {
  const rows = sideBySideRows(patch);
  if (rows.length === 0) return <p>The two versions are the same.</p>;
  return (
    <table className="diff side-by-side">
      <caption className="visually-hidden">
        Side-by-side difference between {fromLabel} and {toLabel}
      </caption>
      <thead>
        <tr>
          <th scope="col" className="line-number">
            <span className="visually-hidden">{fromLabel} line</span>
          </th>
          <th scope="col">{fromLabel}</th>
          <th scope="col" className="line-number">
            <span className="visually-hidden">{toLabel} line</span>
          </th>
          <th scope="col">{toLabel}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <Fragment key={index}>
            {row.kind === 'hunk' ? (
              <tr className="hunk">
                <td colSpan={4}>{row.header}</td>
              </tr>
            ) : (
              <tr className={row.kind}>
                <Side side={row.left} change={row.kind === 'change' ? 'removed' : undefined} />
                <Side side={row.right} change={row.kind === 'change' ? 'added' : undefined} />
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

function Side({ side, change }: { side: DiffSide | undefined; change: 'removed' | 'added' | undefined }) {
  if (!side) {
    return (
      <>
        <td className="line-number empty" />
        <td className="empty" />
      </>
    );
  }
  return (
    <>
      <td className="line-number">{side.number}</td>
      <td className={change}>
        {change && <span className="visually-hidden">{change}: </span>}
        <code>{side.text}</code>
      </td>
    </>
  );
}
