import type { TreeItem } from './git-objects';

export type GitObjectType = 'commit' | 'tree' | 'blob' | 'tag';

/** An object as the repository stores it: its type and its body (without git's `<type> <size>\0` header). */
export interface StoredObject {
  type: GitObjectType;
  body: Buffer;
}

export interface DecodedSignature {
  name: string;
  email: string;
  at: Date;
}

export interface DecodedCommit {
  tree: string;
  parents: string[];
  author: DecodedSignature;
  /** As git log shows it: no carriage returns or leading blank lines, one newline at the end. */
  message: string;
}

const SIGNATURE = /^(.*) <(.*)> (\d+) [+-]\d{4}$/;

/** A commit's body: its headers (a continuation line starts with a space), a blank line, then the message. */
export function decodeCommit(body: Buffer): DecodedCommit {
  const text = body.toString('utf8');
  const split = text.indexOf('\n\n');
  const headers = (split < 0 ? text : text.slice(0, split)).split('\n').filter((line) => !line.startsWith(' '));
  const values = (name: string) => headers.filter((line) => line.startsWith(`${name} `)).map((line) => line.slice(name.length + 1));
  const [tree] = values('tree');
  const [author] = values('author');
  const signature = author === undefined ? null : SIGNATURE.exec(author);
  if (!tree || !signature) throw new Error('not a commit: it lacks a tree or an author');
  const message = (split < 0 ? '' : text.slice(split + 2)).replace(/\r/g, '').replace(/^\n+/, '').replace(/\n+$/, '');
  return {
    tree,
    parents: values('parent'),
    author: { name: signature[1] as string, email: signature[2] as string, at: new Date(Number(signature[3]) * 1000) },
    message: `${message}\n`,
  };
}

/** A tree's entries, `<mode> <name>\0<20-byte id>` each; a subtree's mode as `040000`. */
export function decodeTree(body: Buffer): TreeItem[] {
  const items: TreeItem[] = [];
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    const nul = body.indexOf(0, space);
    if (space < 0 || nul < 0 || nul + 21 > body.length) throw new Error('not a tree: an entry is cut short');
    const mode = body.toString('latin1', at, space);
    items.push({ mode: mode === '40000' ? '040000' : mode, path: body.toString('utf8', space + 1, nul), oid: body.toString('hex', nul + 1, nul + 21) });
    at = nul + 21;
  }
  return items;
}

export function isTreeMode(mode: string): boolean {
  return mode === '040000' || mode === '40000';
}
