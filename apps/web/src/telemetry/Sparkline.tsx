export interface SparklineSeries {
  label: string;
  /** Oldest first; null is a gap (no rate for that poll). */
  values: readonly (number | null)[];
  className: string;
}

export interface SparklineProps {
  series: readonly SparklineSeries[];
  /** Read out in place of the picture. */
  description: string;
  width?: number;
  height?: number;
}

/**
 * One path per series over a shared scale from the lowest to the highest value (a sparkline shows
 * the shape; the numbers are said beside it), broken where a value is missing.
 */
export function Sparkline({ series, description, width = 240, height = 48 }: SparklineProps) {
  const length = Math.max(0, ...series.map((entry) => entry.values.length));
  const known = series.flatMap((entry) => entry.values.filter((value): value is number => value !== null));
  const low = Math.min(...known);
  const span = Math.max(...known) - low;
  const x = (index: number) => (length <= 1 ? width / 2 : (index / (length - 1)) * width);
  // A flat series runs through the middle.
  const y = (value: number) => (span === 0 ? height / 2 : height - 2 - ((value - low) / span) * (height - 4));
  return (
    <svg className="sparkline" role="img" aria-label={description} viewBox={`0 0 ${width} ${height}`} width={width} height={height} preserveAspectRatio="none">
      {series.map((entry) => (
        <path key={entry.label} className={entry.className} d={pathOf(entry.values, x, y)} fill="none" strokeLinecap="round" vectorEffect="non-scaling-stroke" data-series={entry.label} />
      ))}
    </svg>
  );
}

/** Moves and lines through the values; a value alone between gaps becomes a dot (a zero-length line with round caps). */
function pathOf(values: readonly (number | null)[], x: (index: number) => number, y: (value: number) => number): string {
  const commands: string[] = [];
  values.forEach((value, index) => {
    if (value === null) return;
    const point = `${x(index).toFixed(1)},${y(value).toFixed(1)}`;
    const joined = index > 0 && values[index - 1] !== null;
    const alone = !joined && (index === values.length - 1 || values[index + 1] === null);
    commands.push(joined ? `L${point}` : alone ? `M${point} L${point}` : `M${point}`);
  });
  return commands.join(' ');
}
