/**
 * Junos configuration as a tree of statements, printed the way `show configuration`
 * prints it (4-space indent, braces, `## SECRET-DATA` after secret leaves), and the
 * `| display set` view of any such text.
 */
export interface JunosStatement {
  statement: string;
  /** A container when present (even empty); a leaf ending in `;` otherwise. */
  children?: JunosStatement[];
  /** Junos marks leaves holding secrets with `## SECRET-DATA`. */
  secret?: boolean;
}

export const leaf = (statement: string): JunosStatement => ({ statement });
export const secretLeaf = (statement: string): JunosStatement => ({ statement, secret: true });
export const block = (statement: string, children: JunosStatement[]): JunosStatement => ({ statement, children });

/** Quotes a value the way Junos does: only when it holds spaces or special characters. */
export const junosQuote = (value: string): string => (/^[\w./:@-]+$/.test(value) ? value : `"${value.replace(/"/g, '\\"')}"`);

export function renderHierarchy(statements: readonly JunosStatement[], depth = 0): string[] {
  const pad = '    '.repeat(depth);
  return statements.flatMap((s) =>
    s.children
      ? [`${pad}${s.statement} {`, ...renderHierarchy(s.children, depth + 1), `${pad}}`]
      : [`${pad}${s.statement};${s.secret ? ' ## SECRET-DATA' : ''}`],
  );
}

/** `| display set`: one `set` line per leaf; `[ a b ]` lists become one line per member. */
export function displaySet(lines: readonly string[]): string[] {
  const path: string[] = [];
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/\s*## SECRET-DATA$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.endsWith('{')) {
      path.push(line.slice(0, -1).trim());
    } else if (line === '}') {
      path.pop();
    } else if (line.endsWith(';')) {
      const statement = line.slice(0, -1);
      const list = /^(.*?)\s*\[\s*(.*?)\s*\]$/.exec(statement);
      const members = list ? list[2].split(/\s+/).map((m) => `${list[1]} ${m}`) : [statement];
      out.push(...members.map((m) => ['set', ...path, m].join(' ')));
    }
  }
  return out;
}
