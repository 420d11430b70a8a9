export { startOpenSshServer, type OpenSshServer, type OpenSshServerOptions } from './lib/openssh-server';
