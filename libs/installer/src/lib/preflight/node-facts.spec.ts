import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNodeFacts } from './node-facts';

describe('parseNodeFacts', () => {
  it('reads the probe script output of a Debian node', () => {
    const output = readFileSync(join(__dirname, 'fixtures/debian-node.probe.txt'), 'utf8');
    const facts = parseNodeFacts(output, 1_767_225_600_000);
    expect(facts).toMatchObject({
      hostname: 'k3s-agent-1',
      osId: 'debian',
      arch: 'x86_64',
      cpuCount: 2,
      memoryMb: 1967,
      swapMb: 1023,
      diskFreeMb: 29601,
      cgroupVersion: 2,
      memoryController: true,
      hasSystemd: true,
      clockOffsetMs: 1500,
    });
    expect(facts.listening).toEqual([
      { protocol: 'tcp', port: 22 },
      { protocol: 'tcp', port: 10250 },
      { protocol: 'udp', port: 8472 },
      { protocol: 'tcp', port: 22 },
    ]);
  });

  it('takes a container memory limit below MemTotal as the memory', () => {
    const facts = parseNodeFacts('mem_kb=16000000\nmem_limit=268435456\n--- listening\n', 0);
    expect(facts.memoryMb).toBe(256);
  });
});
