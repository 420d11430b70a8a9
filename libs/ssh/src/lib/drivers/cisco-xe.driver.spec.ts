import { describe, expect, it } from 'vitest';
import { ciscoIos } from './cisco-ios.driver';
import { ciscoXe } from './cisco-xe.driver';

describe('cisco_xe', () => {
  it('speaks IOS under its own names', () => {
    const { name, aliases, ...cli } = ciscoXe;
    const { name: iosName, aliases: iosAliases, ...iosCli } = ciscoIos;
    expect(cli).toEqual(iosCli);
    expect(name).not.toBe(iosName);
    expect(aliases.filter((alias) => iosAliases.includes(alias))).toEqual([]);
  });
});
