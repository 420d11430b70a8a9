import type { Client } from 'ssh2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeviceLab } from './device-lab';
import { connectTo, execOn } from './testing/lab-ssh-client';
import { tinyPersona } from './testing/tiny-persona';

describe('control endpoint', () => {
  let lab: DeviceLab;
  const clients: Client[] = [];
  const call = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${lab.controlUrl}${path}`, {
      method,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };

  beforeAll(async () => {
    lab = await DeviceLab.start({
      devices: 2,
      personaFor: () => tinyPersona,
      platforms: ['cisco_ios'],
      faults: { counts: { 'slow-trickle': 1 } },
    });
  });
  afterEach(() => clients.splice(0).forEach((client) => client.end()));
  afterAll(() => lab.stop());

  it('reports health and lists the devices with address, port and faults', async () => {
    expect(await call('GET', '/healthz')).toEqual({ status: 200, body: { status: 'ok', devices: 2 } });
    const { body } = await call<{ faults: string[] }[]>('GET', '/devices');
    expect(body).toHaveLength(2);
    expect(body[0]).toEqual({
      name: 'lab-ios-0001',
      platform: 'cisco_ios',
      address: '127.20.0.1',
      port: lab.fleet.device('lab-ios-0001').port,
      faults: lab.fleet.device('lab-ios-0001').faults,
    });
    expect(body.flatMap((device) => device.faults)).toEqual(['slow-trickle']);
  });

  it('shows one device with credentials, its current configuration, volatile lines and secrets', async () => {
    const { status, body } = await call('GET', '/devices/lab-ios-0002');
    const config = lab.fleet.renderedConfig('lab-ios-0002');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      name: 'lab-ios-0002',
      username: 'netkeep',
      password: lab.fleet.device('lab-ios-0002').credentials.password,
      enableSecret: 'enable-1',
      openSessions: 0,
      hostKeyFingerprint: await lab.fleet.hostKeyFingerprint('lab-ios-0002'),
      config: { volatileLines: [expect.stringMatching(/^! Generated at /)], secrets: config.secrets },
    });
  });

  it('changes a configuration with the knob, and a client then reads the change', async () => {
    lab.fleet.clock.set(new Date('2025-06-01T12:00:00Z'));
    const change = { addLines: ['ntp server 192.0.2.1'], descriptions: { 'GigabitEthernet0/1': 'uplink to core' }, by: 'alice' };
    const { status, body } = await call('POST', '/devices/lab-ios-0002/config', change);
    expect(status).toBe(200);
    expect(body).toMatchObject({ state: { changedBy: 'alice', changedAt: '2025-06-01T12:00:00.000Z' } });

    const client = await connectTo(lab, 'lab-ios-0002');
    clients.push(client);
    const { output: config } = await execOn(client, 'show startup-config');
    expect(config).toContain(' description uplink to core\r\n');
    expect(config).toContain('\r\nntp server 192.0.2.1\r\nend\r\n');
    expect(lab.fleet.renderedConfig('lab-ios-0002').text).toContain('ntp server 192.0.2.1');
    expect(config).toContain('by alice');
  });

  it('sets faults, rotates host keys, counts sessions and sets the clock', async () => {
    expect((await call('PUT', '/devices/lab-ios-0001/faults', { faults: ['auth-fail', 'press-any-key'] })).body).toMatchObject(
      { faults: ['auth-fail', 'press-any-key'] },
    );
    expect(lab.fleet.device('lab-ios-0001').faults).toEqual(['auth-fail', 'press-any-key']);
    await call('PUT', '/devices/lab-ios-0001/faults', { faults: [] });

    const before = await lab.fleet.hostKeyFingerprint('lab-ios-0001');
    const rotated = await call('POST', '/devices/lab-ios-0001/host-key/rotate');
    expect(rotated.body.hostKeyFingerprint).toMatch(/^SHA256:/);
    expect(rotated.body.hostKeyFingerprint).not.toBe(before);

    clients.push(await connectTo(lab, 'lab-ios-0001'));
    expect((await call('GET', '/sessions')).body).toEqual({ open: 1, byDevice: { 'lab-ios-0001': 1 } });

    expect((await call('POST', '/clock', { now: '2030-01-01T00:00:00Z' })).body).toEqual({
      now: '2030-01-01T00:00:00.000Z',
      frozen: true,
    });
    expect((await call('POST', '/clock', { now: null })).body).toMatchObject({ frozen: false });
  });

  it.each([
    ['POST', '/devices/lab-ios-0001/config', '{"addLines": [', /not valid JSON/],
    ['POST', '/devices/lab-ios-0001/config', { addLines: 'ntp server 192.0.2.1' }, /"addLines" must be an array/],
    ['POST', '/devices/lab-ios-0001/config', { addLines: ['a\nb'] }, /no line breaks/],
    ['POST', '/devices/lab-ios-0001/config', { descriptions: { 'Gi0/1': 7 } }, /single-line strings/],
    ['POST', '/devices/lab-ios-0001/config', { by: 'alice' }, /needs "addLines" or "descriptions"/],
    ['POST', '/devices/lab-ios-0001/config', { addLines: [], colour: 'red' }, /unknown field\(s\) colour/],
    ['PUT', '/devices/lab-ios-0001/faults', { faults: ['explode'] }, /unknown fault\(s\) explode; known: auth-fail/],
    ['PUT', '/devices/lab-ios-0001/faults', ['auth-fail'], /JSON object/],
    ['POST', '/clock', { now: 'yesterday' }, /ISO 8601/],
  ])('answers 400 to %s %s with %j', async (method, path, body, message) => {
    const before = JSON.stringify(lab.fleet.device('lab-ios-0001'));
    const response = await call(method, path, body);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(message);
    expect(JSON.stringify(lab.fleet.device('lab-ios-0001'))).toBe(before);
  });

  it('answers 404 to unknown devices and routes, 405 to a wrong method', async () => {
    expect(await call('GET', '/devices/lab-ios-9999')).toEqual({
      status: 404,
      body: { error: 'no lab device named "lab-ios-9999"' },
    });
    expect((await call('POST', '/devices/nope/config', { addLines: ['x'] })).status).toBe(404);
    expect((await call('GET', '/nothing-here')).status).toBe(404);
    expect((await call('DELETE', '/devices')).status).toBe(405);
  });
});
