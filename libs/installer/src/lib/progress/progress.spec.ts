import { describe, expect, it } from 'vitest';
import { LineProgress } from './line-progress';
import { LiveProgress } from './live-progress';
import { formatDuration, RunTimeline } from './run-timeline';

function clock(start = 1000) {
  const state = { now: start };
  return { now: () => state.now, advance: (ms: number) => (state.now += ms) };
}

describe('progress', () => {
  it('prints plain lines with each step\'s duration when not on a terminal', () => {
    let output = '';
    const time = clock();
    const progress = new LineProgress((text) => (output += text), time.now);
    progress.update({ node: 'server-1', step: 'install script', state: 'running', detail: 'install: K3S is not installed' });
    time.advance(1500);
    progress.update({ node: 'server-1', step: 'install script', state: 'running', detail: 'still going' });
    time.advance(1000);
    progress.update({ node: 'server-1', step: 'install script', state: 'done' });
    progress.update({ step: 'nodes ready', state: 'failed', detail: 'a1 not Ready' });
    expect(output).toBe(
      [
        '[server-1] install script… (install: K3S is not installed)',
        '[server-1] install script… (still going)',
        '[server-1] install script: done in 2.5 s',
        'nodes ready: failed — a1 not Ready',
        '',
      ].join('\n'),
    );
  });

  it('redraws one line per node in place on a terminal', () => {
    const frames: string[] = [];
    const time = clock();
    const progress = new LiveProgress((text) => frames.push(text), () => 60, time.now);
    progress.update({ node: 'server-1', step: 'upload k3s', state: 'running' });
    progress.update({ node: 'agent-1', step: 'preflight', state: 'done', detail: 'Debian 12' });
    time.advance(3000);
    progress.note('! a warning');
    progress.finish();
    const screen = frames.join('');
    // Each redraw moves the cursor up over the previous frame and clears it.
    expect(screen).toContain('\u001b[2A\u001b[0J');
    expect(screen).toContain('! a warning\n');
    expect(frames[frames.length - 1]).toMatch(/^. server-1 {2}upload k3s 3\.0 s\n✓ agent-1 {3}preflight — Debian 12\n$/);
  });

  it('times steps and the whole run', async () => {
    const time = clock();
    const timeline = new RunTimeline(time.now);
    await timeline.step('connect', async () => time.advance(120));
    await expect(timeline.step('preflight', async () => Promise.reject(new Error('sudo asks for a password\nmore')))).rejects.toThrow();
    timeline.skip('join', 'single-node cluster');
    expect(timeline.steps).toEqual([
      { step: 'connect', durationMs: 120, outcome: 'done' },
      { step: 'preflight', durationMs: 0, outcome: 'failed', detail: 'sudo asks for a password' },
      { step: 'join', durationMs: 0, outcome: 'skipped', detail: 'single-node cluster' },
    ]);
    expect(formatDuration(61_500)).toBe('1 min 2 s');
  });
});
