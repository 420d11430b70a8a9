import type { LabPlatform, Persona } from '../persona';
import { aristaEosPersona } from './arista-eos.persona';
import { ciscoIosPersona, ciscoXePersona } from './cisco-ios.persona';
import { ciscoNxosPersona } from './cisco-nxos.persona';
import { ciscoXrPersona } from './cisco-xr.persona';
import { huaweiVrpPersona } from './huawei-vrp.persona';
import { juniperJunosPersona } from './juniper-junos.persona';
import { linuxPersona } from './linux.persona';
import { mikrotikRouterOsPersona } from './mikrotik-routeros.persona';

/** One persona per lab platform; pure and stateless, so every device of a platform shares it. */
export const PERSONAS: Readonly<Record<LabPlatform, Persona>> = Object.freeze({
  cisco_ios: ciscoIosPersona,
  cisco_xe: ciscoXePersona,
  cisco_nxos: ciscoNxosPersona,
  cisco_xr: ciscoXrPersona,
  arista_eos: aristaEosPersona,
  juniper_junos: juniperJunosPersona,
  mikrotik_routeros: mikrotikRouterOsPersona,
  huawei_vrp: huaweiVrpPersona,
  linux: linuxPersona,
});

export function personaFor(platform: LabPlatform): Persona {
  return PERSONAS[platform];
}

export { parseMikrotikLogin } from './mikrotik-routeros.persona';
export { LINUX_CONFIG_COMMANDS } from './linux.persona';
