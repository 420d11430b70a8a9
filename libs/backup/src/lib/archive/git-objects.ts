import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/** A git object in its stored form: the id (SHA-1 of the wrapped bytes) and the zlib-deflated bytes. */
export interface EncodedObject {
  type: 'blob' | 'tree' | 'commit';
  oid: string;
  deflated: Buffer;
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
 * commit would pay four times. The encoded objects are still written through isomorphic-git.
 */
export function blobObject(content: string): EncodedObject {
  return encode('blob', Buffer.from(content, 'utf8'));
}

/** Entries in git's order: byte order of the names, a tree's name compared as if it ended in `/`. */
export function treeObject(items: readonly TreeItem[]): EncodedObject {
  const isTree = (item: TreeItem) => /^0?40000$/.test(item.mode);
  const sortKey = (item: TreeItem) => Buffer.from(isTree(item) ? `${item.path}/` : item.path, 'utf8');
  const sorted = [...items].sort((a, b) => Buffer.compare(sortKey(a), sortKey(b)));
  const body = Buffer.concat(
    sorted.map((item) => Buffer.concat([Buffer.from(`${isTree(item) ? '40000' : item.mode} ${item.path}\0`, 'utf8'), Buffer.from(item.oid, 'hex')])),
  );
  return encode('tree', body);
}

export function commitObject(commit: { tree: string; parents: readonly string[]; author: CommitIdentity; committer: CommitIdentity; message: string }): EncodedObject {
  const person = (who: CommitIdentity) => `${who.name} <${who.email}> ${Math.floor(who.at.getTime() / 1000)} +0000`;
  const headers = [`tree ${commit.tree}`, ...commit.parents.map((parent) => `parent ${parent}`), `author ${person(commit.author)}`, `committer ${person(commit.committer)}`];
  return encode('commit', Buffer.from(`${headers.join('\n')}\n\n${commit.message}`, 'utf8'));
}

function encode(type: EncodedObject['type'], body: Buffer): EncodedObject {
  const wrapped = Buffer.concat([Buffer.from(`${type} ${body.length}\0`, 'utf8'), body]);
  return { type, oid: createHash('sha1').update(wrapped).digest('hex'), deflated: deflateSync(wrapped) };
}
