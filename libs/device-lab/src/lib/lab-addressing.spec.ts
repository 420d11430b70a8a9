import { describe, expect, it } from 'vitest';
import { planEndpoints } from './lab-addressing';

describe('lab addressing', () => {
  it('puts every device on its own loopback address, skipping .0 and .255 host parts', () => {
    const endpoints = planEndpoints({ addressing: 'loopback', deviceCount: 4, baseAddress: '127.20.0.253', port: 2222 });
    expect(endpoints).toEqual([
      { host: '127.20.0.253', port: 2222 },
      { host: '127.20.0.254', port: 2222 },
      { host: '127.20.1.1', port: 2222 },
      { host: '127.20.1.2', port: 2222 },
    ]);
  });

  it('starts from 127.20.0.1 by default', () => {
    expect(planEndpoints({ addressing: 'loopback', deviceCount: 1, port: 0 })).toEqual([{ host: '127.20.0.1', port: 0 }]);
  });

  it('puts every device on 127.0.0.1 with its own port, or ephemeral ports for port 0', () => {
    expect(planEndpoints({ addressing: 'ports', deviceCount: 2, port: 3000 })).toEqual([
      { host: '127.0.0.1', port: 3000 },
      { host: '127.0.0.1', port: 3001 },
    ]);
    expect(planEndpoints({ addressing: 'ports', deviceCount: 2, port: 0 }).map((endpoint) => endpoint.port)).toEqual([0, 0]);
  });

  it('refuses anything but loopback, ports out of range and fleets that do not fit', () => {
    expect(() => planEndpoints({ addressing: 'loopback', deviceCount: 1, baseAddress: '10.0.0.1', port: 22 })).toThrow(
      /not an IPv4 loopback address/,
    );
    expect(() => planEndpoints({ addressing: 'ports', deviceCount: 1, port: 70_000 })).toThrow(/not a TCP port/);
    expect(() => planEndpoints({ addressing: 'ports', deviceCount: 10, port: 65_530 })).toThrow(/past port 65535/);
    expect(() => planEndpoints({ addressing: 'loopback', deviceCount: 3, baseAddress: '127.255.255.253', port: 22 })).toThrow(
      /do not fit in 127.0.0.0\/8/,
    );
  });
});
