import { SessionError } from '@netkeep/ssh';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { DeviceFailure, failureReport, UsageError } from './cli-errors';

describe('failureReport', () => {
  it('names device, address, phase and cause of a session failure on one line, exit 1', () => {
    const error = new SessionError('all authentication methods failed', {
      device: 'lab-ios-0001',
      address: '127.20.0.1:2222',
      phase: 'auth',
    });

    expect(failureReport(error)).toEqual({
      exitCode: 1,
      line: 'netkeep: lab-ios-0001 (127.20.0.1:2222): auth failed: all authentication methods failed',
    });
  });

  it('folds a cause that spans lines into one line', () => {
    const error = new SessionError('"show foo" was rejected:\n  % Invalid input\n', {
      device: 'r1',
      address: '127.0.0.1:22',
      phase: 'command',
    });

    expect(failureReport(error).line).toBe('netkeep: r1 (127.0.0.1:22): command failed: "show foo" was rejected: % Invalid input');
  });

  it('names the device for a failure outside the session phases', () => {
    const report = failureReport(new DeviceFailure('r1', '127.0.0.1:22', new Error('unexpected reply')));

    expect(report).toEqual({ exitCode: 1, line: 'netkeep: r1 (127.0.0.1:22): failed: unexpected reply' });
  });

  it('exits 2 for usage errors', () => {
    expect(failureReport(new UsageError('unknown platform "foo"'))).toEqual({
      exitCode: 2,
      line: 'netkeep: unknown platform "foo"',
    });
  });

  it('leaves commander messages to commander, exit 2, and help to exit 0', () => {
    expect(failureReport(new CommanderError(1, 'commander.unknownOption', "error: unknown option '--password'"))).toEqual({
      exitCode: 2,
      line: '',
    });
    expect(failureReport(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)')).exitCode).toBe(0);
  });
});
