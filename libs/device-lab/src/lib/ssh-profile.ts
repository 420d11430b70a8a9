import type { Algorithms, ServerConfig } from 'ssh2';
import { promptLikeBanner } from './fault-texts';
import type { LabDevice, LabFleet } from './lab-fleet';

/** What an old Cisco IOS offers: SHA-1 Diffie-Hellman, CBC, hmac-sha1, ssh-rsa only. */
const LEGACY_DH_ALGORITHMS: Algorithms = {
  kex: ['diffie-hellman-group14-sha1', 'diffie-hellman-group1-sha1'],
  cipher: ['aes128-cbc', '3des-cbc'],
  hmac: ['hmac-sha1'],
  serverHostKey: ['ssh-rsa'],
};
const LEGACY_DH_IDENT = 'Cisco-1.25';

/** Modern key exchange, but only the CBC ciphers and hmac-sha1 that older firmware has. */
const LEGACY_CBC_ALGORITHMS: Algorithms = {
  cipher: ['aes128-cbc', 'aes256-cbc', '3des-cbc'],
  hmac: ['hmac-sha1'],
};

/** The SSH server a device presents right now: its host key, ident, banner and algorithms. */
export async function sshServerConfig(fleet: LabFleet, device: LabDevice): Promise<ServerConfig> {
  const { name } = device.identity;
  const banner = device.faults.includes('banner-prompt-text') ? promptLikeBanner() : undefined;
  if (device.faults.includes('legacy-dh')) {
    return {
      hostKeys: [{ key: await fleet.hostKeys.rsa(name) }],
      ident: LEGACY_DH_IDENT,
      banner,
      algorithms: LEGACY_DH_ALGORITHMS,
    };
  }
  return {
    hostKeys: [{ key: fleet.hostKeys.ed25519(name) }],
    ident: device.persona.sshIdent,
    banner,
    algorithms: device.faults.includes('legacy-cbc') ? LEGACY_CBC_ALGORITHMS : undefined,
  };
}
