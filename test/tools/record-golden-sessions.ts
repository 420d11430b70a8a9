import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DeviceLab, LAB_PLATFORMS, type LabFault, type LabPlatform } from '@netkeep/device-lab';
import { DeviceSession, type TranscriptEvent } from '@netkeep/ssh';

/**
 * Records one golden session per lab platform (plus the login-interrupt variants) into
 * libs/ssh's driver fixtures: the dialogue, the cleaned configuration and the facts the
 * engine produced. The replay spec then holds every future engine and driver change to
 * them. Review the diff before committing a re-recording: it is the behaviour change.
 */
const FIXTURES = resolve(__dirname, '../../libs/ssh/src/lib/drivers/fixtures');
const RECORDED_AT = new Date('2026-11-27T01:45:26Z');
const VARIANTS: { platform: LabPlatform; fault: LabFault }[] = [
  { platform: 'cisco_ios', fault: 'press-any-key' },
  { platform: 'huawei_vrp', fault: 'change-password-prompt' },
];

async function main(): Promise<void> {
  const platforms = [...LAB_PLATFORMS, ...VARIANTS.map((variant) => variant.platform)];
  const lab = await DeviceLab.start({ devices: platforms.length, platforms, addressing: 'ports', port: 0 });
  lab.fleet.clock.set(RECORDED_AT);
  try {
    const devices = lab.inventory().devices;
    for (const [index, device] of devices.entries()) {
      const variant = index >= LAB_PLATFORMS.length ? VARIANTS[index - LAB_PLATFORMS.length] : undefined;
      if (variant) lab.fleet.setFaults(device.name, [variant.fault]);
      const events: TranscriptEvent[] = [];
      const session = await DeviceSession.open({ ...device }, { transcript: events });
      const config = await session.getConfig();
      const facts = await session.getFacts();
      await session.close();

      const base = join(FIXTURES, device.platform, `lab-session${variant ? `.${variant.fault}` : ''}`);
      await mkdir(join(FIXTURES, device.platform), { recursive: true });
      const golden = { platform: device.platform, device: device.name, username: device.username, enableSecret: device.enableSecret, events };
      await writeFile(`${base}.session.json`, JSON.stringify(golden, null, 1) + '\n');
      await writeFile(`${base}.config.txt`, config);
      await writeFile(`${base}.facts.json`, JSON.stringify(facts, null, 2) + '\n');
      console.log(`recorded ${device.platform}${variant ? ` (${variant.fault})` : ''}: ${events.length} exchanges, ${config.split('\n').length} config lines`);
    }
  } finally {
    await lab.stop();
  }
}

main().catch((error: Error) => {
  console.error(`recording failed: ${error.message}`);
  process.exit(1);
});
