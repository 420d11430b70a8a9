import { DeviceImportQueryDto, DeviceImportResultDto } from '@netkeep/contracts';
import { Roles } from '@netkeep/core';
import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeviceImportService } from './device-import.service';

const IMPORT_DESCRIPTION = `The file is the request body; \`format\` says how to read it. Devices are upserted by name
(case-insensitive): a new name creates a device, a known one gets the fields the file gives (fields it does not give are kept).
All or nothing: when any row is bad, nothing is written and the 400 lists every bad row and field in \`errors\`
as {row, name, field, problems}. \`dryRun=true\` validates and reports what would change without writing.

- \`csv\` (text/csv): header row with columns name, host, port, platform, site, role, tags (comma- or |-separated), enabled,
  credential (name of a stored credential), notes, snmp_version, snmp_port, snmp_community, snmp_username,
  snmp_auth_protocol, snmp_auth_key, snmp_priv_protocol, snmp_priv_key. Empty cell = not given.
- \`ansible\` (application/yaml): ansible.builtin.yaml inventory (all → children → hosts). ansible_host, ansible_port,
  ansible_network_os; ansible_user/ansible_password/ansible_become_password become a credential; groups site_<x> and
  role_<x> set site and role, other groups become tags; netkeep_site, netkeep_role, netkeep_tags, netkeep_enabled,
  netkeep_notes, netkeep_snmp, netkeep_credential variables set those fields. Host vars win over group vars, deeper groups over parents.
- \`nornir\` (application/yaml or application/json): one document {hosts: <hosts.yaml>, groups: <groups.yaml>, defaults: <defaults.yaml>},
  resolved as Nornir does (host, groups in order, defaults). hostname, port, platform, username, password,
  connection_options.netmiko.extras.secret (enable); data.site/data.role and netkeep_* data keys; groups become tags.
- \`lab\` (application/json): the device lab's inventory file; one credential per distinct login, tag "lab".

Sites named by the file that do not exist are created; logins given in the file become credentials
(\`<format>-<username>-<n>\`), reusing a stored credential with the same username, password and enable secret.`;

@ApiTags('devices')
@Controller('api/v1/devices/import')
export class DeviceImportController {
  constructor(private readonly imports: DeviceImportService) {}

  @Post()
  @Roles('operator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Import devices from CSV, Ansible, Nornir or a device-lab inventory', description: IMPORT_DESCRIPTION })
  @ApiConsumes('text/csv', 'application/yaml', 'application/json', 'text/plain')
  @ApiBody({ description: 'The inventory file, as it is on disk.', schema: { type: 'string' } })
  @ApiOkResponse({ type: DeviceImportResultDto })
  @ApiBadRequestResponse({ description: 'The file or some rows are invalid; `errors` lists each {row, name, field, problems}. Nothing was written.' })
  import(@Query() query: DeviceImportQueryDto, @Body() body: unknown): Promise<DeviceImportResultDto> {
    return this.imports.import(query.format, body, query.dryRun ?? false);
  }
}
