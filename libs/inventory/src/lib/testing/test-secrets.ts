/** Secrets the suites send; none may come back outside the connection endpoint, nor reach a log line. */
export const SECRETS = {
  password: 'pw-Tq81-do-not-leak',
  enableSecret: 'en-Zx44-do-not-leak',
  privateKey: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAAkey9f2e-do-not-leak\n-----END OPENSSH PRIVATE KEY-----\n',
  community: 'comm-Lk55-do-not-leak',
  authKey: 'auth-Rr67-do-not-leak',
  privKey: 'priv-Yy09-do-not-leak',
} as const;

/** The secrets inside the import fixtures. */
export const FIXTURE_SECRETS = [
  'csv-community-7f3a',
  'ansible-pass-9c1e',
  'ansible-enable-41d2',
  'nornir-default-pass',
  'nornir-sw1-pass',
  'nornir-enable-5b7c',
  'lab-pass-e41b',
  'lab-enable-77aa',
  'lab-root-3c9d',
] as const;

/** What a leak scan looks for: each secret, and the body of the key (a PEM may be re-wrapped). */
export const ALL_SECRETS: readonly string[] = [
  ...Object.values(SECRETS).filter((secret) => !secret.includes('\n')),
  'b3BlbnNzaC1rZXktdjEAAAAAkey9f2e-do-not-leak',
  ...FIXTURE_SECRETS,
];
