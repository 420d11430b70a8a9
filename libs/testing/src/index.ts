export { startOpenSshServer, type OpenSshServer, type OpenSshServerOptions } from './lib/openssh-server';
export { startSnmpdAgent, type SnmpdAgent, type SnmpdAgentOptions } from './lib/snmpd-agent';
export { startLabProcess, type LabProcess } from './lib/lab-process';
