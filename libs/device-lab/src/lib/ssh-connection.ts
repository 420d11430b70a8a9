import type { Socket } from 'node:net';
import type { Connection, ServerChannel, Session } from 'ssh2';
import type { LabFleet } from './lab-fleet';
import { authenticate } from './ssh-auth';
import { ShellSession, type LoginIdentity } from './shell-session';

export type SessionErrorHandler = (deviceName: string, error: unknown) => void;

/** One client's SSH connection to one device: authentication, then shell and exec channels. */
export function serveConnection(
  fleet: LabFleet,
  deviceName: string,
  connection: Connection,
  socket: Socket,
  onSessionError: SessionErrorHandler,
): void {
  let login: LoginIdentity = { username: '', options: {} };
  const connectionClosed = new AbortController();
  connection.on('error', () => undefined);
  connection.once('close', () => connectionClosed.abort());
  connection.on('authentication', (request) =>
    authenticate(fleet.device(deviceName), request, (accepted) => (login = accepted)),
  );
  connection.on('session', (accept) => {
    const session = accept();
    acceptTerminalRequests(session);
    const start = (channel: ServerChannel, run: (shell: ShellSession) => Promise<void>): void => {
      const channelClosed = new AbortController();
      channel.on('error', () => undefined);
      channel.once('close', () => channelClosed.abort());
      const shell = new ShellSession({
        fleet,
        deviceName,
        channel,
        login,
        closed: AbortSignal.any([connectionClosed.signal, channelClosed.signal]),
        // Flush what the device already wrote, then close TCP: no channel close, no SSH disconnect.
        dropConnection: () => socket.end(() => socket.destroy()),
      });
      run(shell).catch((error: unknown) => {
        onSessionError(deviceName, error);
        channel.close();
      });
    };
    session.once('shell', (acceptShell) => start(acceptShell(), (shell) => shell.runShell()));
    session.once('exec', (acceptExec, _reject, info) => start(acceptExec(), (shell) => shell.runExec(info.command)));
  });
}

/** Terminal size and environment change nothing in the lab, but clients expect them to succeed. */
function acceptTerminalRequests(session: Session): void {
  session.on('pty', (accept) => accept?.());
  session.on('window-change', (accept) => accept?.());
  session.on('env', (accept) => accept?.());
}
