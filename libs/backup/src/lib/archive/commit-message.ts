import { oneLine } from '../shared/text-lines';

/** What a commit records about the store that made it; the trailers let the index be rebuilt from git alone. */
export interface CommitFacts {
  kind: 'change' | 'removal';
  deviceId: string;
  deviceName: string;
  platform: string;
  trigger: string;
  runId?: string | null;
  versionId?: string | null;
}

const TRAILER = /^([A-Za-z][A-Za-z0-9-]*): ?(.*)$/;

/**
 * `<device>: configuration changed (<trigger>)`, a blank line, then trailers:
 * `Run`, `Device-Id`, `Device`, `Platform`, `Trigger`, `Version-Id`. Values are kept on one line.
 */
export function formatCommitMessage(facts: CommitFacts): string {
  const what = facts.kind === 'removal' ? 'configuration removed' : 'configuration changed';
  const trailers: [string, string | null | undefined][] = [
    ['Run', facts.runId],
    ['Device-Id', facts.deviceId],
    ['Device', facts.deviceName],
    ['Platform', facts.platform],
    ['Trigger', facts.trigger],
    ['Version-Id', facts.versionId],
  ];
  const lines = trailers.filter(([, value]) => value !== undefined && value !== null && value !== '').map(([key, value]) => `${key}: ${oneLine(value ?? '')}`);
  return `${oneLine(facts.deviceName)}: ${what} (${oneLine(facts.trigger)})\n\n${lines.join('\n')}\n`;
}

/** The facts a message carries; fields are absent when the commit was not made by the archive. */
export function parseCommitMessage(message: string): Partial<CommitFacts> {
  const paragraphs = message.trimEnd().split(/\n\s*\n/);
  const trailers = new Map<string, string>();
  if (paragraphs.length > 1) {
    for (const line of (paragraphs[paragraphs.length - 1] ?? '').split('\n')) {
      const match = TRAILER.exec(line);
      if (match?.[1] && match[2] !== undefined) trailers.set(match[1].toLowerCase(), match[2]);
    }
  }
  const firstLine = paragraphs[0]?.split('\n')[0] ?? '';
  const facts: Partial<CommitFacts> = {};
  if (/: configuration removed \(/.test(firstLine)) facts.kind = 'removal';
  else if (/: configuration changed \(/.test(firstLine)) facts.kind = 'change';
  const set = <K extends keyof CommitFacts>(key: K, trailer: string) => {
    const value = trailers.get(trailer);
    if (value !== undefined && value !== '') facts[key] = value as CommitFacts[K];
  };
  set('deviceId', 'device-id');
  set('deviceName', 'device');
  set('platform', 'platform');
  set('trigger', 'trigger');
  set('runId', 'run');
  set('versionId', 'version-id');
  return facts;
}

/** Git identities cannot hold `<`, `>` or line breaks. */
export function gitIdentityPart(value: string): string {
  return oneLine(value).replace(/[<>]/g, '');
}
