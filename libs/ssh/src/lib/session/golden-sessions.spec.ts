import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeviceSession } from './device-session';
import { ReplayShellStream, type TranscriptEvent } from './session-transcript';

/**
 * Golden sessions: each driver's recorded dialogues replayed through the engine with no
 * server. The engine must say exactly what it said when the recording was made and turn
 * the device's output into exactly the stored configuration and facts.
 * Record new ones with `npm run fixtures:record`.
 */
interface GoldenSession {
  platform: string;
  device: string;
  username: string;
  enableSecret?: string;
  events: TranscriptEvent[];
}

const FIXTURES = join(__dirname, '../drivers/fixtures');
const goldens = existsSync(FIXTURES)
  ? readdirSync(FIXTURES, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((dir) =>
        readdirSync(join(FIXTURES, dir.name))
          .filter((file) => file.endsWith('.session.json'))
          .map((file) => join(FIXTURES, dir.name, file.replace(/\.session\.json$/, ''))),
      )
  : [];

describe('golden sessions', () => {
  it('has a recorded session for every driver', async () => {
    const { PLATFORMS } = await import('../platform-registry');
    const recorded = new Set(goldens.map((base) => (JSON.parse(readFileSync(`${base}.session.json`, 'utf8')) as GoldenSession).platform));
    expect(PLATFORMS.map((platform) => platform.name).filter((name) => !recorded.has(name))).toEqual([]);
  });

  for (const base of goldens) {
    it(`replays ${base.slice(FIXTURES.length + 1)}`, async () => {
      const golden = JSON.parse(readFileSync(`${base}.session.json`, 'utf8')) as GoldenSession;
      // Tiny chunks: prompts and pagers must be found wherever a packet happens to end.
      const stream = new ReplayShellStream(golden.events, 7);
      const session = await DeviceSession.attach(stream, {
        name: golden.device,
        host: 'replay',
        platform: golden.platform,
        username: golden.username,
        enableSecret: golden.enableSecret,
      });
      const config = await session.getConfig();
      const facts = await session.getFacts();
      await session.close();
      expect(stream.divergence).toBeUndefined();
      expect(config).toBe(readFileSync(`${base}.config.txt`, 'utf8'));
      expect(facts).toEqual(JSON.parse(readFileSync(`${base}.facts.json`, 'utf8')));
    });
  }
});
