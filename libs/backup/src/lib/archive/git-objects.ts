import { createHash } from 'node:crypto';

/**
 * A git object's body and its id (the SHA-1 of `<type> <size>\0<body>`). Ids are all a commit
 * needs to be built; the object is compressed where it is packed (see object-packs.ts).
 */
export interface EncodedObject {
  type: 'blob' | 'tree' | 'commit';
  oid: string;
  body: Buffer;
  /** An object this one differs little from: packed beside it, it is stored as a delta against it. */
  deltaBase?: string;
}

export interface TreeItem {
  /** `100644`, `100755`, `120000`, `160000` or `040000`/`40000` for a tree. */
  mode: string;
  path: string;
  oid: string;
}

export interface CommitIdentity {
  name: string;
  email: string;
  at: Date;
}

/**
 * Git's object encodings, done here with node's crypto and zlib: isomorphic-git's own hashing
 * and compression go through web streams and cost a few milliseconds per object, which every
 * commit would pay four times.
 */
export function blobObject(content: string): EncodedObject {
  return encode('blob', Buffer.from(content, 'utf8'));
}

/** Entries in git's order: byte order of the names, a tree's name compared as if it ended in `/`. */
export function treeObject(items: readonly TreeItem[]): EncodedObject {
  const isTree = (item: TreeItem) => /^0?40000$/.test(item.mode);
  const sortKey = (item: TreeItem) => Buffer.from(isTree(item) ? `${item.path}/` : item.path, 'utf8');
  const sorted = [...items].sort((a, b) => Buffer.compare(sortKey(a), sortKey(b)));
  return treeOfEntries(sorted.map((item) => treeEntry(isTree(item) ? '40000' : item.mode, item.path, item.oid)));
}

/** One entry of a tree as git stores it: `<mode> <name>\0<20-byte id>`. */
export function treeEntry(mode: string, path: string, oid: string): Buffer {
  return Buffer.concat([Buffer.from(`${mode} ${path}\0`, 'utf8'), Buffer.from(oid, 'hex')]);
}

/** A tree from entries already encoded and in git's order. */
export function treeOfEntries(sortedEntries: readonly Buffer[]): EncodedObject {
  return encode('tree', Buffer.concat(sortedEntries));
}

export function commitObject(commit: { tree: string; parents: readonly string[]; author: CommitIdentity; committer: CommitIdentity; message: string }): EncodedObject {
  const person = (who: CommitIdentity) => `${who.name} <${who.email}> ${Math.floor(who.at.getTime() / 1000)} +0000`;
  const headers = [`tree ${commit.tree}`, ...commit.parents.map((parent) => `parent ${parent}`), `author ${person(commit.author)}`, `committer ${person(commit.committer)}`];
  return encode('commit', Buffer.from(`${headers.join('\n')}\n\n${commit.message}`, 'utf8'));
}

function encode(type: EncodedObject['type'], body: Buffer): EncodedObject {
  const oid = createHash('sha1').update(`${type} ${body.length}\0`).update(body).digest('hex');
  return { type, oid, body };
}
