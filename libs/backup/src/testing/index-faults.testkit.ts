import { InsertQueryNode, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';

/**
 * A database that loses the archive's next index write: the insert into `config_versions`
 * fails after git has committed, as when the process dies or the database goes away between
 * the two. Armed once; every other query runs normally.
 */
export class LoseNextIndexWrite implements KyselyPlugin {
  private armed = false;

  arm(): void {
    this.armed = true;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.armed && InsertQueryNode.is(args.node) && args.node.into?.table.identifier.name === 'config_versions') {
      this.armed = false;
      throw new Error('connection to the database lost');
    }
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** Counts the statements that reach the database. */
export class QueryCounter implements KyselyPlugin {
  readonly queries: RootOperationNode[] = [];

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.queries.push(args.node);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
