import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import { inspect } from 'node:util';

/**
 * A Kysely query built and compiled once, then run again and again with new values: building and
 * compiling the query tree costs more CPU than SQLite spends running most of our statements.
 */
export interface PreparedQuery<DB, P extends object, R> {
  /** Runs the query on `executor` (the database or a transaction) with `values` in place of the placeholders. */
  execute(executor: Kysely<DB>, values: P): Promise<QueryResult<R>>;
}

/**
 * Prepares `build`'s query. `build` receives placeholders typed as the values they stand for; it
 * must use each one it reads only as a value Kysely binds (`.values`, `.set`, `.where`), and write
 * any constant as a literal (`sql.lit`, `eb.lit`): every bound parameter must be a placeholder, so
 * no value of the first call can be frozen into the query. Annotate `build`'s arguments, e.g.
 * `prepareQuery((db: Kysely<Tables>, p: { name: string }) => db.selectFrom('t').selectAll().where('name', '=', p.name))`.
 *
 * The query is compiled on first use, once per SQL engine (SQLite `?`, PostgreSQL `$n`), with the
 * executor it is given; mistakes surface then as errors, never as a wrong statement.
 */
export function prepareQuery<DB, P extends object, R>(build: (db: Kysely<DB>, placeholders: P) => Compilable<R>): PreparedQuery<DB, P, R> {
  // Keyed by adapter class: the compiled text depends only on the engine, and specs use both in one process.
  const compiledByEngine = new Map<unknown, BoundQuery<P>>();
  return {
    async execute(executor, values) {
      const engine = executor.getExecutor().adapter.constructor;
      let bound = compiledByEngine.get(engine);
      if (!bound) {
        bound = compileWithPlaceholders(executor, build);
        compiledByEngine.set(engine, bound);
      }
      return await executor.executeQuery<R>(bound.with(values));
    },
  };
}

/** Stands for a named value while the query is built; Kysely binds it like any other value. */
class Placeholder {
  constructor(readonly name: string) {
    Object.freeze(this);
  }
}

interface BoundQuery<P> {
  /** The compiled query with `values` at its parameter positions. */
  with(values: P): CompiledQuery;
}

function compileWithPlaceholders<DB, P extends object>(executor: Kysely<DB>, build: (db: Kysely<DB>, placeholders: P) => Compilable<unknown>): BoundQuery<P> {
  const placeholders = new Map<string, Placeholder>();
  const read = new Proxy({} as P, {
    get(_target, property) {
      if (typeof property !== 'string') return undefined;
      let placeholder = placeholders.get(property);
      if (!placeholder) {
        placeholder = new Placeholder(property);
        placeholders.set(property, placeholder);
      }
      return placeholder;
    },
  });
  const compiled = build(executor, read).compile();
  const names = compiled.parameters.map((parameter, position) => {
    if (parameter instanceof Placeholder) return parameter.name;
    throw new Error(`prepared query binds ${inspect(parameter)} as parameter ${position + 1}, not a placeholder; write constants as literals (sql.lit, eb.lit): ${compiled.sql}`);
  });
  for (const name of placeholders.keys()) {
    // Read but never bound: used in JavaScript (a condition, a template string) instead of in the query.
    if (!names.includes(name)) throw new Error(`prepared query reads placeholder "${name}" but does not bind it: ${compiled.sql}`);
  }
  return {
    with(values) {
      const parameters = names.map((name) => {
        const value = (values as Record<string, unknown>)[name];
        if (value === undefined) throw new Error(`prepared query needs a value for "${name}": ${compiled.sql}`);
        return value;
      });
      return { query: compiled.query, queryId: compiled.queryId, sql: compiled.sql, parameters };
    },
  };
}
