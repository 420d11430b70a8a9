/**
 * The netkeep REST API's types, generated from the platform's OpenAPI document by
 * `npm run web:api-types`. Do not edit: change the API's DTOs and run the script again
 * (apps/web/scripts/api-types.spec.ts fails while this file is stale).
 */

export interface paths {
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TokensController_list"];
        put?: never;
        post: operations["TokensController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["TokensController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/whoami": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who the presented token belongs to
         * @description Its name and role, so a client offers only what that role may do.
         */
        get: operations["WhoamiController_whoami"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import devices from CSV, Ansible, Nornir or a device-lab inventory
         * @description The file is the request body; `format` says how to read it. Devices are upserted by name
         *     (case-insensitive): a new name creates a device, a known one gets the fields the file gives (fields it does not give are kept).
         *     All or nothing: when any row is bad, nothing is written and the 400 lists every bad row and field in `errors`
         *     as {row, name, field, problems}. `dryRun=true` validates and reports what would change without writing.
         *
         *     - `csv` (text/csv): header row with columns name, host, port, platform, site, role, tags (comma- or |-separated), enabled,
         *       credential (name of a stored credential), notes, snmp_version, snmp_port, snmp_community, snmp_username,
         *       snmp_auth_protocol, snmp_auth_key, snmp_priv_protocol, snmp_priv_key. Empty cell = not given.
         *     - `ansible` (application/yaml): ansible.builtin.yaml inventory (all → children → hosts). ansible_host, ansible_port,
         *       ansible_network_os; ansible_user/ansible_password/ansible_become_password become a credential; groups site_<x> and
         *       role_<x> set site and role, other groups become tags; netkeep_site, netkeep_role, netkeep_tags, netkeep_enabled,
         *       netkeep_notes, netkeep_snmp, netkeep_credential variables set those fields. Host vars win over group vars, deeper groups over parents.
         *     - `nornir` (application/yaml or application/json): one document {hosts: <hosts.yaml>, groups: <groups.yaml>, defaults: <defaults.yaml>},
         *       resolved as Nornir does (host, groups in order, defaults). hostname, port, platform, username, password,
         *       connection_options.netmiko.extras.secret (enable); data.site/data.role and netkeep_* data keys; groups become tags.
         *     - `lab` (application/json): the device lab's inventory file; one credential per distinct login, tag "lab".
         *
         *     Sites named by the file that do not exist are created; logins given in the file become credentials
         *     (`<format>-<username>-<n>`), reusing a stored credential with the same username, password and enable secret.
         */
        post: operations["DeviceImportController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export devices as CSV or an Ansible YAML inventory
         * @description Takes the list filters (site, role, platform, tag, enabled, q) and ordering; returns every match. csv has the import columns without SNMP; yaml is an Ansible inventory (all → hosts) with netkeep_* host variables. Both re-import as they are. No secrets.
         */
        get: operations["DeviceExportController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List devices
         * @description Filters: site (name), role, platform (name or alias), tag (repeatable; every tag must match), enabled, q (case-insensitive substring of name, host or notes). Paging: limit (1–1000, default 50) and offset; next/previous are URLs with the same query. ordering: name, site, platform, role, createdAt, updatedAt; "-" for descending.
         */
        get: operations["DevicesController_list"];
        put?: never;
        /** Create a device */
        post: operations["DevicesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DevicesController_get"];
        put?: never;
        post?: never;
        delete: operations["DevicesController_remove"];
        options?: never;
        head?: never;
        /**
         * Change some fields of a device
         * @description An absent field is left as it is; null clears site, role, credentialId, snmp or notes. tags and snmp are replaced whole.
         */
        patch: operations["DevicesController_update"];
        trace?: never;
    };
    "/api/v1/devices/{id}/host-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The device's trusted SSH host key
         * @description Recorded at the first SSH session and shared by every backup worker and the poller. A different key the device offers is refused and shown under refused.
         */
        get: operations["DeviceHostKeysController_get"];
        put?: never;
        post?: never;
        /**
         * Forget the host key
         * @description As ssh-keygen -R: the next session trusts and records whatever key the device offers.
         */
        delete: operations["DeviceHostKeysController_forget"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/host-key/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept the changed host key the device offered
         * @description After a replacement or a reinstall: give the fingerprint of the refused key, checked on the device itself; from then on only that key is trusted.
         */
        post: operations["DeviceHostKeysController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SitesController_list"];
        put?: never;
        post: operations["SitesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SitesController_get"];
        put?: never;
        post?: never;
        delete: operations["SitesController_remove"];
        options?: never;
        head?: never;
        patch: operations["SitesController_update"];
        trace?: never;
    };
    "/api/v1/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CredentialsController_list"];
        put?: never;
        /**
         * Create a credential
         * @description password, enableSecret and privateKey are stored encrypted and never returned: responses say hasPassword, hasEnableSecret, hasPrivateKey.
         */
        post: operations["CredentialsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/credentials/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CredentialsController_get"];
        put?: never;
        post?: never;
        delete: operations["CredentialsController_remove"];
        options?: never;
        head?: never;
        /**
         * Change a credential
         * @description An absent secret is kept; null removes it.
         */
        patch: operations["CredentialsController_update"];
        trace?: never;
    };
    "/api/v1/internal/devices/{id}/connection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A device's connection details, secrets decrypted (services only) */
        get: operations["InternalDevicesController_connection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/internal/devices/{id}/facts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Record the facts a backup run discovered (model, serial, OS version)
         * @description An absent fact is kept, null clears it; collectedAt becomes now.
         */
        patch: operations["InternalDevicesController_facts"];
        trace?: never;
    };
    "/api/v1/backups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent backup runs, newest first, with progress */
        get: operations["BackupRunsController_list"];
        put?: never;
        /**
         * Back devices up now
         * @description Body: {"selector": {...}} with the inventory list filters (site, role, platform, tags, names, deviceIds, q; {} is every enabled device), or {"deviceIds": [...]}. One job per device is queued; the answer is the run, whose id GET /api/v1/backups/{id} follows.
         */
        post: operations["BackupRunsController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/backups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A run with its progress and per-device results
         * @description status (repeatable) keeps only results in those statuses.
         */
        get: operations["BackupRunsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/backup-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["BackupPoliciesController_list"];
        put?: never;
        /**
         * Create a backup policy
         * @description cron: 5 fields (minute hour day month weekday), or 6 with seconds first; at most one run a minute. timezone: IANA name, default UTC. selector: inventory filters, {} is every enabled device.
         */
        post: operations["BackupPoliciesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/backup-policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["BackupPoliciesController_get"];
        put?: never;
        post?: never;
        delete: operations["BackupPoliciesController_remove"];
        options?: never;
        head?: never;
        /** Change a policy; its schedule follows at once */
        patch: operations["BackupPoliciesController_update"];
        trace?: never;
    };
    "/api/v1/devices/{id}/backup-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A device's backup status: last attempt, last success, last change, last error with phase and message */
        get: operations["DeviceStatusController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/backup-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Backup status of every device ever tried, by name
         * @description failing=true: only devices whose last attempt failed.
         */
        get: operations["DeviceStatusController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/configs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A device's configuration versions, newest first
         * @description A device removed from the inventory keeps its versions here.
         */
        get: operations["ConfigsController_versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/configs/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The difference between two versions of a device
         * @description from and to: version id, commit, revision number or "latest" (to defaults to latest). format: unified (a patch) or sections (what changed per configuration section).
         */
        get: operations["ConfigsController_diff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/configs/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One version's configuration text
         * @description version: version id, commit, revision number or "latest".
         */
        get: operations["ConfigsController_content"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/configs/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search every device's latest configuration
         * @description pattern: a regular expression matched line by line (flags: i, m, s, u). Answers the matching lines with device and line number, within a time budget.
         */
        get: operations["ConfigsController_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WebhooksController_list"];
        put?: never;
        /**
         * Subscribe a URL to backup events
         * @description Events: config.changed (a device got a new version: device, run, version, summary and unified diff) and backup.failed. Each delivery is a JSON POST with X-Netkeep-Event, X-Netkeep-Delivery (the same across retries) and X-Netkeep-Signature: sha256=<hex HMAC-SHA256 of the raw body with the secret>. A non-2xx answer or no answer is retried with backoff. The secret is stored encrypted and never returned.
         */
        post: operations["WebhooksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WebhooksController_get"];
        put?: never;
        post?: never;
        delete: operations["WebhooksController_remove"];
        options?: never;
        head?: never;
        /** Change some fields of a webhook (a new secret replaces the old one) */
        patch: operations["WebhooksController_update"];
        trace?: never;
    };
    "/api/v1/telemetry/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Poll status of every enabled device
         * @description Last poll, duration, source, error and failure streak; settings; when the next poll is due.
         */
        get: operations["TelemetryDevicesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telemetry/devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A device's current state
         * @description Interfaces with status, speed, exact counters and rates (bits, packets, errors and discards per second) over the last interval; uptime, CPU, memory; the poll status.
         */
        get: operations["TelemetryDevicesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telemetry/devices/{id}/interfaces/{ifName}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An interface's last hour at poll resolution
         * @description Oldest first. ifName as in the device state; encode its slashes (Gi1%2F0%2F1).
         */
        get: operations["TelemetryDevicesController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telemetry/devices/{id}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set how a device is polled
         * @description Replaces the device's telemetry settings; an absent field takes its default. Applies to the schedule at once.
         */
        put: operations["TelemetryDevicesController_saveSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telemetry/devices/{id}/poll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Poll a device now
         * @description Queues one poll beside the schedule; its outcome shows in the device's poll status.
         */
        post: operations["TelemetryDevicesController_pollNow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        CreateTokenDto: {
            /**
             * @description What the token is for; shown in lists and logs
             * @example ci-backup-trigger
             */
            name: string;
            /** @enum {string} */
            role: "viewer" | "operator" | "admin";
            /**
             * @description ISO 8601; omit for a token that does not expire
             * @example 2030-01-01T00:00:00Z
             */
            expiresAt?: string;
        };
        IssuedTokenView: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            role: "viewer" | "operator" | "admin";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /** Format: date-time */
            lastUsedAt: string | null;
            /**
             * @description The token itself, shown this once: store it now
             * @example nk_…
             */
            token: string;
        };
        TokenView: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            role: "viewer" | "operator" | "admin";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /** Format: date-time */
            lastUsedAt: string | null;
        };
        TokenListView: {
            items: components["schemas"]["TokenView"][];
        };
        WhoamiView: {
            /** @description The token's name (a netkeep service's own name for the service token) */
            name: string;
            /** @enum {string} */
            role: "viewer" | "operator" | "admin" | "service";
            /** @enum {string} */
            kind: "user" | "service";
            /**
             * Format: uuid
             * @description The stored token id; null for the service token
             */
            tokenId: string | null;
        };
        DeviceImportChangesDto: {
            created: string[];
            updated: string[];
        };
        DeviceImportResultDto: {
            dryRun: boolean;
            /** @description Devices created. */
            created: number;
            /** @description Devices updated. */
            updated: number;
            /** @description Devices already as imported. */
            unchanged: number;
            /** @description Every device name in the import, in its order. */
            devices: string[];
            changes: components["schemas"]["DeviceImportChangesDto"];
            sitesCreated: string[];
            credentialsCreated: string[];
        };
        SnmpSettingsView: {
            /** @enum {string} */
            version: "2c" | "3";
            port: number;
            /** @description v2c: whether a community is stored. */
            hasCommunity?: boolean;
            /** @description v3 user name. */
            username?: string;
            /** @enum {string|null} */
            authProtocol?: "md5" | "sha" | "sha224" | "sha256" | "sha384" | "sha512" | null;
            /** @enum {string|null} */
            privProtocol?: "des" | "aes" | "aes192" | "aes256" | null;
            hasAuthKey?: boolean;
            hasPrivKey?: boolean;
        };
        DeviceFactsDto: {
            model: string | null;
            serial: string | null;
            osVersion: string | null;
            /** Format: date-time */
            collectedAt: string | null;
        };
        DeviceDto: {
            /** Format: uuid */
            id: string;
            name: string;
            host: string;
            port: number;
            /** @description Canonical platform name. */
            platform: string;
            /** @description Site name. */
            site: string | null;
            /** Format: uuid */
            siteId: string | null;
            role: string | null;
            tags: string[];
            enabled: boolean;
            /** Format: uuid */
            credentialId: string | null;
            snmp: components["schemas"]["SnmpSettingsView"] | null;
            notes: string | null;
            facts: components["schemas"]["DeviceFactsDto"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        DevicePageDto: {
            count: number;
            next: string | null;
            previous: string | null;
            results: components["schemas"]["DeviceDto"][];
        };
        SnmpSettingsDto: {
            /** @enum {string} */
            version: "2c" | "3";
            /** @default 161 */
            port?: number;
            /** @description SNMPv2c community (write-only; stored encrypted). */
            community?: string;
            /** @description SNMPv3 user name. */
            username?: string;
            /** @enum {string} */
            authProtocol?: "md5" | "sha" | "sha224" | "sha256" | "sha384" | "sha512";
            /** @description SNMPv3 authentication key, 8+ characters (write-only; stored encrypted). */
            authKey?: string;
            /** @enum {string} */
            privProtocol?: "des" | "aes" | "aes192" | "aes256";
            /** @description SNMPv3 privacy key, 8+ characters (write-only; stored encrypted). */
            privKey?: string;
        };
        CreateDeviceDto: {
            /**
             * @description Unique (case-insensitive); becomes a file name, so no "/", "\", "..", control characters or leading dot.
             * @example core-sw-01
             */
            name: string;
            /**
             * @description IPv4/IPv6 address or RFC 1123 DNS name.
             * @example 192.0.2.10
             */
            host: string;
            /** @default 22 */
            port?: number;
            /**
             * @description Platform name or alias (cisco_ios, ios, cisco.ios.ios …); stored as the canonical name.
             * @example cisco_ios
             */
            platform: string;
            /** @description Name of an existing site. */
            site?: string | null;
            /** @example core */
            role?: string | null;
            /** @description Up to 64 tags matching ^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$; replaces the set on PATCH. */
            tags?: string[];
            /** @default true */
            enabled?: boolean;
            /**
             * Format: uuid
             * @description Id of the credential used to log in.
             */
            credentialId?: string | null;
            snmp?: components["schemas"]["SnmpSettingsDto"] | null;
            notes?: string | null;
        };
        UpdateDeviceDto: {
            /**
             * @description Unique (case-insensitive); becomes a file name, so no "/", "\", "..", control characters or leading dot.
             * @example core-sw-01
             */
            name?: string;
            /**
             * @description IPv4/IPv6 address or RFC 1123 DNS name.
             * @example 192.0.2.10
             */
            host?: string;
            /** @default 22 */
            port?: number;
            /**
             * @description Platform name or alias (cisco_ios, ios, cisco.ios.ios …); stored as the canonical name.
             * @example cisco_ios
             */
            platform?: string;
            /** @description Name of an existing site. */
            site?: string | null;
            /** @example core */
            role?: string | null;
            /** @description Up to 64 tags matching ^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$; replaces the set on PATCH. */
            tags?: string[];
            /** @default true */
            enabled?: boolean;
            /**
             * Format: uuid
             * @description Id of the credential used to log in.
             */
            credentialId?: string | null;
            snmp?: components["schemas"]["SnmpSettingsDto"] | null;
            notes?: string | null;
        };
        RefusedHostKeyView: {
            /** @example ssh-ed25519 */
            algorithm: string;
            /** @example SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s */
            fingerprint: string;
            /**
             * Format: date-time
             * @description When the device last offered this key (and was refused).
             */
            offeredAt: string;
        };
        DeviceHostKeyView: {
            /**
             * @description known_hosts name: host, or [host]:port for a port other than 22.
             * @example [192.0.2.10]:2222
             */
            name: string;
            /** @example ssh-ed25519 */
            algorithm: string;
            /** @example SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s */
            fingerprint: string;
            /** @description The key as known_hosts holds it: algorithm and base64 blob. */
            knownHostsLine: string;
            /**
             * Format: date-time
             * @description First use, or when a change was accepted.
             */
            recordedAt: string;
            /** @description A different key the device offered since, refused until it is accepted. */
            refused: components["schemas"]["RefusedHostKeyView"] | null;
        };
        AcceptHostKeyDto: {
            /**
             * @description Fingerprint of the refused key, as GET host-key shows it and as the device prints it: a key with another fingerprint is not accepted.
             * @example SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s
             */
            fingerprint: string;
        };
        SiteDto: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string | null;
            /** @description Devices at this site. */
            deviceCount: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        SitePageDto: {
            count: number;
            next: string | null;
            previous: string | null;
            results: components["schemas"]["SiteDto"][];
        };
        CreateSiteDto: {
            /**
             * @description Unique (case-insensitive); safe as a directory name.
             * @example dc1
             */
            name: string;
            description?: string | null;
        };
        UpdateSiteDto: {
            /**
             * @description Unique (case-insensitive); safe as a directory name.
             * @example dc1
             */
            name?: string;
            description?: string | null;
        };
        CredentialDto: {
            /** Format: uuid */
            id: string;
            name: string;
            username: string;
            hasPassword: boolean;
            hasEnableSecret: boolean;
            hasPrivateKey: boolean;
            /** @description Devices that use this credential. */
            deviceCount: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CredentialPageDto: {
            count: number;
            next: string | null;
            previous: string | null;
            results: components["schemas"]["CredentialDto"][];
        };
        CreateCredentialDto: {
            /** @example noc-readonly */
            name: string;
            /** @example netkeep */
            username: string;
            /** @description Login password (write-only; stored encrypted). */
            password?: string | null;
            /** @description Enable / privileged-mode secret (write-only; stored encrypted). */
            enableSecret?: string | null;
            /** @description PEM or OpenSSH private key (write-only; stored encrypted). */
            privateKey?: string | null;
        };
        UpdateCredentialDto: {
            /** @example noc-readonly */
            name?: string;
            /** @example netkeep */
            username?: string;
            /** @description Login password (write-only). */
            password?: string | null;
            /** @description Enable secret (write-only). */
            enableSecret?: string | null;
            /** @description PEM or OpenSSH private key (write-only; stored encrypted). */
            privateKey?: string | null;
        };
        SnmpConnectionSettings: {
            /** @enum {string} */
            version: "2c" | "3";
            port: number;
            community?: string;
            username?: string;
            /** @enum {string} */
            authProtocol?: "md5" | "sha" | "sha224" | "sha256" | "sha384" | "sha512";
            authKey?: string;
            /** @enum {string} */
            privProtocol?: "des" | "aes" | "aes192" | "aes256";
            privKey?: string;
        };
        DeviceConnectionDto: {
            /** Format: uuid */
            id: string;
            name: string;
            host: string;
            port: number;
            platform: string;
            enabled: boolean;
            username: string | null;
            password: string | null;
            enableSecret: string | null;
            privateKey: string | null;
            snmp: components["schemas"]["SnmpConnectionSettings"] | null;
        };
        UpdateDeviceFactsDto: {
            model?: string | null;
            serial?: string | null;
            osVersion?: string | null;
        };
        DeviceSelectorDto: {
            /** @description Site name. */
            site?: string;
            role?: string;
            /** @description Platform name or alias. */
            platform?: string;
            /** @description Case-insensitive substring of name, host or notes. */
            q?: string;
            /** @description Device ids. */
            deviceIds?: string[];
            /** @description Device names (case-insensitive). */
            names?: string[];
            /** @description Every tag must be present. */
            tags?: string[];
            /** @description Default true: enabled devices only. */
            enabled?: boolean;
        };
        StartBackupRunDto: {
            /** @description The inventory list filters; {} selects every enabled device. */
            selector?: components["schemas"]["DeviceSelectorDto"];
            /** @description Exactly these devices (enabled ones). */
            deviceIds?: string[];
        };
        BackupRunProgressDto: {
            total: number;
            queued: number;
            running: number;
            succeeded: number;
            unchanged: number;
            failed: number;
        };
        BackupResultDto: {
            deviceId: string;
            deviceName: string;
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "unchanged" | "failed";
            /**
             * @description Where it failed.
             * @enum {string}
             */
            phase?: "inventory" | "connect" | "host-key" | "auth" | "prompt" | "command" | "closed" | "archive" | "internal";
            /** @description Why it failed. */
            error?: string;
            /** @description Sessions tried so far. */
            attempts: number;
            /** @description The archived version (new or unchanged). */
            versionId?: string;
            /** @description True when this run committed a new version. */
            changed?: boolean;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            finishedAt: string | null;
        };
        BackupRunDto: {
            id: string;
            /** @enum {string} */
            trigger: "manual" | "schedule" | "syslog";
            /** @enum {string} */
            status: "running" | "finished";
            /** @description The policy of a scheduled run. */
            policyId: string | null;
            /** @description What was asked for: a selector or device ids. */
            selector: Record<string, never>;
            /** @description Who started it: a token name, a policy, or the syslog author. */
            requestedBy: string | null;
            progress: components["schemas"]["BackupRunProgressDto"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            /** @description Per-device results (GET of one run). */
            results?: components["schemas"]["BackupResultDto"][];
        };
        BackupRunPageDto: {
            count: number;
            results: components["schemas"]["BackupRunDto"][];
        };
        BackupPolicyDto: {
            id: string;
            name: string;
            cron: string;
            timezone: string;
            selector: components["schemas"]["DeviceSelectorDto"];
            enabled: boolean;
            /**
             * Format: date-time
             * @description When the schedule fires next (enabled policies).
             */
            nextRunAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        BackupPolicyListDto: {
            count: number;
            results: components["schemas"]["BackupPolicyDto"][];
        };
        CreateBackupPolicyDto: {
            /** @example core-nightly */
            name: string;
            /**
             * @description Cron expression: 5 fields, or 6 with seconds first.
             * @example 0 2 * * *
             */
            cron: string;
            /**
             * @description IANA time zone the cron expression is read in.
             * @default UTC
             * @example Europe/Berlin
             */
            timezone?: string;
            /** @description Which devices; {} is every enabled device. */
            selector?: components["schemas"]["DeviceSelectorDto"];
            /** @default true */
            enabled?: boolean;
        };
        UpdateBackupPolicyDto: {
            /** @example core-nightly */
            name?: string;
            /**
             * @description Cron expression: 5 fields, or 6 with seconds first.
             * @example 0 2 * * *
             */
            cron?: string;
            /**
             * @description IANA time zone the cron expression is read in.
             * @default UTC
             * @example Europe/Berlin
             */
            timezone?: string;
            /** @description Which devices; {} is every enabled device. */
            selector?: components["schemas"]["DeviceSelectorDto"];
            /** @default true */
            enabled?: boolean;
        };
        BackupErrorDto: {
            /** @enum {string} */
            phase: "inventory" | "connect" | "host-key" | "auth" | "prompt" | "command" | "closed" | "archive" | "internal";
            message: string;
            /** Format: date-time */
            at: string;
            runId: string;
        };
        DeviceBackupStatusDto: {
            deviceId: string;
            deviceName: string;
            /** @enum {string|null} */
            lastOutcome: "succeeded" | "unchanged" | "failed" | null;
            /** Format: date-time */
            lastAttemptAt: string | null;
            /** Format: date-time */
            lastSuccessAt: string | null;
            /**
             * Format: date-time
             * @description When the configuration last changed.
             */
            lastChangeAt: string | null;
            /** @description The last failure, kept after later successes. */
            lastError: components["schemas"]["BackupErrorDto"] | null;
            lastRunId: string | null;
            latestVersionId: string | null;
            /** @description The SSH crypto profile the device needed. */
            cryptoProfile: string | null;
        };
        DeviceBackupStatusPageDto: {
            count: number;
            results: components["schemas"]["DeviceBackupStatusDto"][];
        };
        ConfigVersionAuthorDto: {
            /** @example alice */
            name: string;
            /** @example null */
            email: string | null;
        };
        ConfigVersionDto: {
            id: string;
            deviceId: string;
            deviceName: string;
            platform: string;
            /** @description 1 for the first version of the device, then 2, 3 … */
            revision: number;
            /** @description Git commit id. */
            commit: string;
            contentHash: string;
            author: components["schemas"]["ConfigVersionAuthorDto"];
            trigger: string;
            runId: string | null;
            /** Format: date-time */
            createdAt: string;
            lineCount: number;
            summary: string | null;
        };
        ConfigVersionPageDto: {
            count: number;
            results: components["schemas"]["ConfigVersionDto"][];
        };
        ConfigSectionChangeDto: {
            section: string;
            path: string[];
            /** @enum {string} */
            status: "added" | "removed" | "changed";
            added: string[];
            removed: string[];
            changes: string[];
            summary: string;
        };
        ConfigDiffDto: {
            /** @enum {string} */
            format: "unified" | "sections";
            from: components["schemas"]["ConfigVersionDto"];
            to: components["schemas"]["ConfigVersionDto"];
            /** @description unified: the patch. */
            patch?: string;
            linesAdded?: number;
            linesRemoved?: number;
            /** @description sections: what changed, per configuration section. */
            sections?: components["schemas"]["ConfigSectionChangeDto"][];
        };
        ConfigContentDto: {
            version: components["schemas"]["ConfigVersionDto"];
            content: string;
        };
        ConfigSearchMatchDto: {
            deviceId: string;
            deviceName: string;
            /** @description 1-based. */
            lineNumber: number;
            line: string;
        };
        ConfigSearchResultDto: {
            matches: components["schemas"]["ConfigSearchMatchDto"][];
            /** @description More lines matched than the limit. */
            truncated: boolean;
            devicesSearched: number;
        };
        WebhookDto: {
            id: string;
            url: string;
            events: ("config.changed" | "backup.failed")[];
            enabled: boolean;
            description: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        WebhookListDto: {
            count: number;
            results: components["schemas"]["WebhookDto"][];
        };
        CreateWebhookDto: {
            /** @example https://hooks.example.net/netkeep */
            url: string;
            /** @description Signs each delivery (HMAC-SHA256); stored encrypted, never returned. */
            secret: string;
            /** @default [
             *       "config.changed"
             *     ] */
            events?: ("config.changed" | "backup.failed")[];
            /** @default true */
            enabled?: boolean;
            description?: string | null;
        };
        UpdateWebhookDto: {
            /** @example https://hooks.example.net/netkeep */
            url?: string;
            /** @description Signs each delivery (HMAC-SHA256); stored encrypted, never returned. */
            secret?: string;
            /** @default [
             *       "config.changed"
             *     ] */
            events?: ("config.changed" | "backup.failed")[];
            /** @default true */
            enabled?: boolean;
            description?: string | null;
        };
        TelemetrySettingsView: {
            /** @description Seconds between polls, the default or the device's own. */
            intervalSeconds: number;
            /** @description Whether intervalSeconds is the default (no interval of its own). */
            defaultInterval: boolean;
            enabled: boolean;
            /** @enum {string} */
            source: "auto" | "snmp" | "cli";
            /**
             * Format: date-time
             * @description null: never set, every field is the default.
             */
            updatedAt: string | null;
        };
        PollErrorView: {
            /** @enum {string} */
            kind: "timeout" | "auth" | "settings" | "unsupported" | "connection" | "inventory" | "other";
            message: string;
            /** Format: date-time */
            at: string;
        };
        PollStatusView: {
            /** @description The last poll answered. */
            up: boolean;
            /** Format: date-time */
            lastPollAt: string | null;
            /** Format: date-time */
            lastSuccessAt: string | null;
            /** @description Duration of the last poll. */
            durationMs: number | null;
            /**
             * @description How the last poll read the device.
             * @enum {string|null}
             */
            source: "snmp" | "cli" | null;
            consecutiveFailures: number;
            /** @description Polls counted in the last hour or more (counts age out with the device's state). */
            polls: number;
            /** @description Failed polls, counted like polls. */
            errors: number;
            /** @description The last failure, kept after later successes. */
            lastError: components["schemas"]["PollErrorView"] | null;
        };
        TelemetryDeviceSummaryDto: {
            /** @description The inventory id. */
            id: string;
            name: string;
            platform: string;
            settings: components["schemas"]["TelemetrySettingsView"];
            poll: components["schemas"]["PollStatusView"];
            /**
             * Format: date-time
             * @description When the next scheduled poll is due; null when none is scheduled.
             */
            nextPollAt: string | null;
        };
        TelemetryDeviceListDto: {
            count: number;
            results: components["schemas"]["TelemetryDeviceSummaryDto"][];
        };
        MemoryView: {
            usedBytes: number;
            totalBytes: number;
        };
        InterfaceCountersView: {
            /** @example 9007199254740993 */
            inOctets: string;
            outOctets: string;
            inPackets: string | null;
            outPackets: string | null;
            inErrors: string;
            outErrors: string;
            inDiscards: string;
            outDiscards: string;
        };
        InterfaceRatesView: {
            inBitsPerSecond: number | null;
            outBitsPerSecond: number | null;
            inPacketsPerSecond: number | null;
            outPacketsPerSecond: number | null;
            inErrorsPerSecond: number | null;
            outErrorsPerSecond: number | null;
            inDiscardsPerSecond: number | null;
            outDiscardsPerSecond: number | null;
        };
        InterfaceStateView: {
            /** @description ifName: the key of the interface in /metrics and in the history route. */
            name: string;
            ifIndex: number | null;
            /** @description ifDescr. */
            descr: string;
            /** @description ifAlias: the description configured on the device. */
            alias: string;
            /** @enum {string} */
            adminStatus: "up" | "down" | "testing" | "unknown" | "dormant" | "notPresent" | "lowerLayerDown";
            /** @enum {string} */
            operStatus: "up" | "down" | "testing" | "unknown" | "dormant" | "notPresent" | "lowerLayerDown";
            /** @description 0 when the device does not say. */
            speedMbps: number;
            /**
             * @description Width of the octet counters.
             * @enum {number}
             */
            counterBits: 32 | 64;
            counters: components["schemas"]["InterfaceCountersView"];
            rates: components["schemas"]["InterfaceRatesView"];
            /**
             * @description Why the octet rates are missing, if they are.
             * @enum {string|null}
             */
            rateGap: "first-sample" | "reboot" | "counter-reset" | "implausible" | "ambiguous-wrap" | "no-interval" | "not-comparable" | null;
        };
        TelemetryDeviceStateDto: {
            /** @description The inventory id. */
            id: string;
            name: string;
            platform: string;
            settings: components["schemas"]["TelemetrySettingsView"];
            poll: components["schemas"]["PollStatusView"];
            /**
             * Format: date-time
             * @description When the next scheduled poll is due; null when none is scheduled.
             */
            nextPollAt: string | null;
            /**
             * Format: date-time
             * @description When the last good sample was taken; null before the first.
             */
            sampledAt: string | null;
            sysName: string | null;
            sysDescr: string | null;
            /** @description Device uptime (sysUpTime; the CLI's uptime for CLI polls). */
            uptimeSeconds: number | null;
            cpuPercent: number | null;
            memory: components["schemas"]["MemoryView"] | null;
            /** @description Seconds of device time the rates cover. */
            rateIntervalSeconds: number | null;
            /**
             * @description Why no interface has rates (a reboot, the first sample).
             * @enum {string|null}
             */
            rateGap: "first-sample" | "reboot" | "counter-reset" | "implausible" | "ambiguous-wrap" | "no-interval" | "not-comparable" | null;
            interfaces: components["schemas"]["InterfaceStateView"][];
        };
        InterfaceHistoryPointView: {
            inBitsPerSecond: number | null;
            outBitsPerSecond: number | null;
            inPacketsPerSecond: number | null;
            outPacketsPerSecond: number | null;
            inErrorsPerSecond: number | null;
            outErrorsPerSecond: number | null;
            inDiscardsPerSecond: number | null;
            outDiscardsPerSecond: number | null;
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            operStatus: "up" | "down" | "testing" | "unknown" | "dormant" | "notPresent" | "lowerLayerDown";
        };
        InterfaceHistoryDto: {
            deviceId: string;
            device: string;
            interface: string;
            /** @description How far back history is kept (NETKEEP_TELEMETRY_HISTORY_SECONDS). */
            windowSeconds: number;
            points: components["schemas"]["InterfaceHistoryPointView"][];
        };
        TelemetrySettingsDto: {
            /**
             * @description Seconds between polls; null or absent: the default (NETKEEP_TELEMETRY_INTERVAL_SECONDS).
             * @example 60
             */
            intervalSeconds?: number | null;
            /**
             * @description false stops scheduled polls of this device.
             * @default true
             */
            enabled?: boolean;
            /**
             * @default auto
             * @enum {string}
             */
            source?: "auto" | "snmp" | "cli";
        };
        PollRequestedDto: {
            deviceId: string;
            jobId: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    TokensController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenListView"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TokensController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTokenDto"];
            };
        };
        responses: {
            /** @description The token is in the body this once; only its hash is stored */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedTokenView"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TokensController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked; requests with it now get 401 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No token with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WhoamiController_whoami: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WhoamiView"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the viewer role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Names what is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DeviceImportController_import: {
        parameters: {
            query: {
                format: "csv" | "ansible" | "nornir" | "lab";
                /** @description Validate and report what would change, write nothing. */
                dryRun?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The inventory file, as it is on disk. */
        requestBody: {
            content: {
                "text/csv": string;
                "application/yaml": string;
                "application/json": string;
                "text/plain": string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceImportResultDto"];
                };
            };
            /** @description The file or some rows are invalid; `errors` lists each {row, name, field, problems}. Nothing was written. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the operator role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DeviceExportController_export: {
        parameters: {
            query: {
                /** @description Site name. */
                site?: string;
                role?: string;
                /** @description Platform name or alias. */
                platform?: string;
                /** @description Case-insensitive substring of name, host or notes. */
                q?: string;
                /** @description Repeatable; any of these ids (OR). */
                id?: string[];
                /** @description Repeatable; any of these names (OR, case-insensitive). */
                name?: string[];
                /** @description Repeatable; a device must carry every tag given (AND). */
                tag?: string[];
                enabled?: boolean;
                format: "csv" | "yaml";
                ordering?: "name" | "-name" | "site" | "-site" | "platform" | "-platform" | "role" | "-role" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/yaml": string;
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the viewer role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DevicesController_list: {
        parameters: {
            query?: {
                /** @description Site name. */
                site?: string;
                role?: string;
                /** @description Platform name or alias. */
                platform?: string;
                /** @description Case-insensitive substring of name, host or notes. */
                q?: string;
                /** @description Repeatable; any of these ids (OR). */
                id?: string[];
                /** @description Repeatable; any of these names (OR, case-insensitive). */
                name?: string[];
                /** @description Repeatable; a device must carry every tag given (AND). */
                tag?: string[];
                enabled?: boolean;
                limit?: number;
                offset?: unknown;
                /** @description A field, "-" for descending. */
                ordering?: "name" | "-name" | "site" | "-site" | "platform" | "-platform" | "role" | "-role" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DevicePageDto"];
                };
            };
            /** @description A bad parameter, an unknown platform or site */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the viewer role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DevicesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDeviceDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceDto"];
                };
            };
            /** @description Field errors (unknown fields, host, port, platform, site, credentialId …) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the operator role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A device with this name exists (names are case-insensitive) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DevicesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the viewer role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No device with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DevicesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the operator role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No device with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DevicesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDeviceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceDto"];
                };
            };
            /** @description Field errors */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the operator role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No device with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The new name is taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DeviceHostKeysController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceHostKeyView"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the viewer role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No device with this id, or no key recorded yet */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DeviceHostKeysController_forget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Forgotten */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No device with this id, or no key recorded */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DeviceHostKeysController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptHostKeyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceHostKeyView"];
                };
            };
            /** @description Not a SHA256 fingerprint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No device with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No refused key, or its fingerprint is not the one given */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SitesController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: unknown;
                ordering?: "name" | "-name" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
                /** @description Case-insensitive substring of the name. */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SitePageDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the viewer role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SitesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSiteDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the operator role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A site with this name exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SitesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the viewer role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No site with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SitesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the operator role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Devices are at this site */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SitesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSiteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the operator role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No site with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The new name is taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CredentialsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: unknown;
                ordering?: "name" | "-name" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
                /** @description Case-insensitive substring of the name. */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialPageDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CredentialsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCredentialDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A credential with this name exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CredentialsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No credential with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CredentialsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Devices use this credential; the message says how many */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CredentialsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCredentialDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No credential with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InternalDevicesController_connection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceConnectionDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the service role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No device with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InternalDevicesController_facts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDeviceFactsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the service role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No device with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BackupRunsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: unknown;
                trigger?: "manual" | "schedule" | "syslog";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackupRunPageDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the viewer role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BackupRunsController_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartBackupRunDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackupRunDto"];
                };
            };
            /** @description Neither or both of selector and deviceIds, unknown or disabled device ids, field errors */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the operator role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BackupRunsController_get: {
        parameters: {
            query?: {
                /** @description Repeatable: only results in these statuses. */
                status?: ("queued" | "running" | "succeeded" | "unchanged" | "failed")[];
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackupRunDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the viewer role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No run with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BackupPoliciesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackupPolicyListDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the viewer role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BackupPoliciesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBackupPolicyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackupPolicyDto"];
                };
            };
            /** @description A bad cron expression or time zone, field errors */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the operator role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A policy with this name exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BackupPoliciesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackupPolicyDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the viewer role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No policy with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BackupPoliciesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted and unscheduled */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the operator role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No policy with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BackupPoliciesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateBackupPolicyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackupPolicyDto"];
                };
            };
            /** @description A bad cron expression or time zone, field errors */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the operator role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No policy with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The new name is taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DeviceStatusController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceBackupStatusDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the viewer role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No device with this id, in the inventory or the backup history */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DeviceStatusController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: unknown;
                /** @description Only devices whose last attempt failed (true) or did not (false). */
                failing?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceBackupStatusPageDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the viewer role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ConfigsController_versions: {
        parameters: {
            query?: {
                limit?: number;
                offset?: unknown;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigVersionPageDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the viewer role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No device with this id, in the inventory or the archive */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ConfigsController_diff: {
        parameters: {
            query: {
                /** @description Version id, commit, revision number, or "latest". */
                from: string;
                /** @description Version id, commit, revision number, or "latest". */
                to?: string;
                format?: "unified" | "sections";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigDiffDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the viewer role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The device has no such version */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ConfigsController_content: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigContentDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the viewer role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The device has no such version */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ConfigsController_search: {
        parameters: {
            query: {
                /** @description A JavaScript regular expression, matched line by line. */
                pattern: string;
                /** @description Regular expression flags: i, m, s, u. */
                flags?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigSearchResultDto"];
                };
            };
            /** @description An invalid or too costly pattern, or the search ran out of time */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the viewer role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WebhooksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookListDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WebhooksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDto"];
                };
            };
            /** @description Field errors */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WebhooksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No webhook with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WebhooksController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; deliveries still queued for it are dropped */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No webhook with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WebhooksController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No webhook with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TelemetryDevicesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TelemetryDeviceListDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the viewer role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TelemetryDevicesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TelemetryDeviceStateDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the viewer role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No device with this id in the inventory */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TelemetryDevicesController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                ifName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterfaceHistoryDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the viewer role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such device, or no such interface on it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TelemetryDevicesController_saveSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TelemetrySettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TelemetrySettingsView"];
                };
            };
            /** @description Field errors */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the operator role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No device with this id in the inventory */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TelemetryDevicesController_pollNow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PollRequestedDto"];
                };
            };
            /** @description Missing, unknown, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs the operator role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No device with this id in the inventory */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
