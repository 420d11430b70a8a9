import type { components } from './schema';

/** The API's schemas under the names the console uses; every one comes from the generated schema. */
type Schemas = components['schemas'];

export type Whoami = Schemas['WhoamiView'];
export type Role = Whoami['role'];
export type Device = Schemas['DeviceDto'];
export type DevicePage = Schemas['DevicePageDto'];
export type Site = Schemas['SiteDto'];
export type BackupStatus = Schemas['DeviceBackupStatusDto'];
export type DeviceHostKey = Schemas['DeviceHostKeyView'];
export type BackupRun = Schemas['BackupRunDto'];
export type BackupResult = Schemas['BackupResultDto'];
export type BackupResultStatus = BackupResult['status'];
export type BackupPolicy = Schemas['BackupPolicyDto'];
export type DeviceSelector = Schemas['DeviceSelectorDto'];
export type ConfigVersion = Schemas['ConfigVersionDto'];
export type ConfigDiff = Schemas['ConfigDiffDto'];
export type ConfigSectionChange = Schemas['ConfigSectionChangeDto'];
export type ConfigSearchResult = Schemas['ConfigSearchResultDto'];
export type ConfigSearchMatch = Schemas['ConfigSearchMatchDto'];
export type Webhook = Schemas['WebhookDto'];
export type WebhookEvent = Webhook['events'][number];
export type ApiToken = Schemas['TokenView'];
export type IssuedApiToken = Schemas['IssuedTokenView'];
export type AssignableRole = ApiToken['role'];
export type TelemetryState = Schemas['TelemetryDeviceStateDto'];
export type InterfaceState = Schemas['InterfaceStateView'];
export type InterfaceHistory = Schemas['InterfaceHistoryDto'];
export type InterfaceHistoryPoint = Schemas['InterfaceHistoryPointView'];
