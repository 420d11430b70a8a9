#!/usr/bin/env node
// STAND-IN for the k3s binary in the installer's tests, where no K3S release can run. It answers
// `k3s --version`, `k3s kubectl get --raw=/readyz` and `k3s ctr images import` (recorded), and
// as `k3s server` / `k3s agent` does what the installer relies on K3S doing: reads
// /etc/rancher/k3s/config.yaml, writes the server token file and /etc/rancher/k3s/k3s.yaml (with
// write-kubeconfig-mode), serves port 6443 by relaying to the test's Kubernetes API (the fake API
// server of libs/testing behind a node registry), and registers the node as Ready, an agent
// through its `server:` URL. It speaks plain HTTP where K3S speaks TLS. @@PLACEHOLDERS@@ are
// filled in by k3s-stand-in-bundle.ts.
'use strict';
const { createHash } = require('node:crypto');
const { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { createServer, connect } = require('node:net');
const { hostname, networkInterfaces } = require('node:os');
const { dirname } = require('node:path');

const VERSION = '@@VERSION@@';
const UPSTREAM = { host: '@@UPSTREAM_HOST@@', port: Number('@@UPSTREAM_PORT@@') };
const API_TOKEN = '@@API_TOKEN@@';
const YAML_MODULE = '@@YAML_MODULE@@';
const STATE = '/var/lib/k3s-stand-in';
const CONFIG_FILE = '/etc/rancher/k3s/config.yaml';
const KUBECONFIG_FILE = '/etc/rancher/k3s/k3s.yaml';
const TOKEN_FILE = '/var/lib/rancher/k3s/server/token';

function record(file, line) {
  mkdirSync(STATE, { recursive: true });
  appendFileSync(`${STATE}/${file}`, `${line}\n`);
}

function readConfig() {
  if (!existsSync(CONFIG_FILE)) return {};
  return require(YAML_MODULE).parse(readFileSync(CONFIG_FILE, 'utf8')) ?? {};
}

function writeFile(path, content, mode) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content, { mode });
  chmodSync(path, mode);
}

async function request(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${API_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) throw new Error(`${method} ${base}${path}: ${response.status} ${await response.text()}`);
  return response.text();
}

function internalIp() {
  for (const addresses of Object.values(networkInterfaces())) {
    const found = (addresses ?? []).find((address) => address.family === 'IPv4' && !address.internal);
    if (found) return found.address;
  }
  return '127.0.0.1';
}

function nodeObject(role, config) {
  const name = config['node-name'] || hostname().toLowerCase();
  const labels = Object.fromEntries((config['node-label'] ?? []).map((label) => label.split('=')));
  if (role === 'server') labels['node-role.kubernetes.io/control-plane'] = 'true';
  const taints = (config['node-taint'] ?? []).map((taint) => {
    const [keyValue, effect] = taint.split(':');
    const [key, value] = keyValue.split('=');
    return { key, ...(value ? { value } : {}), effect };
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels },
    spec: taints.length ? { taints } : {},
    status: {
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'stand-in kubelet is posting ready status' }],
      nodeInfo: { kubeletVersion: VERSION },
      addresses: [{ type: 'InternalIP', address: internalIp() }, { type: 'Hostname', address: hostname() }],
    },
  };
}

/** Port 6443, relayed to the test's API: the address the installer's tunnel and the agents reach. */
function serveApi() {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => {
      const upstream = connect(UPSTREAM.port, UPSTREAM.host);
      socket.pipe(upstream).pipe(socket);
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    server.once('error', reject);
    server.listen(6443, '0.0.0.0', () => resolve(server));
  });
}

async function retry(what, action) {
  let lastError;
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      return await action();
    } catch (error) {
      lastError = error;
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  throw new Error(`${what}: ${lastError.message}`);
}

async function runService(role) {
  const unit = role === 'server' ? 'k3s' : 'k3s-agent';
  const config = readConfig();
  record('service-starts.log', `${unit} ${JSON.stringify({ ...config, token: config.token ? '<present>' : undefined, 'datastore-endpoint': undefined })}`);
  if (!config.token) throw new Error('no token in config.yaml');
  let apiBase = `http://${UPSTREAM.host}:${UPSTREAM.port}`;
  if (config.server) {
    if (!/^K10[0-9a-f]{64}::server:/.test(config.token)) throw new Error(`token to join ${config.server} is not the server's secure token`);
    // The join URL is https://<server>:6443; the stand-in server relays plain HTTP there.
    apiBase = config.server.replace(/^https:/, 'http:');
    await retry(`reach ${config.server}`, () => request(apiBase, 'GET', '/readyz'));
  }
  let server;
  if (role === 'server') {
    const secret = config.server ? config.token.split('::server:')[1] : config.token;
    const secure = config.server ? config.token : `K10${createHash('sha256').update(`stand-in-ca/${secret}`).digest('hex')}::server:${secret}`;
    writeFile(TOKEN_FILE, `${secure}\n`, 0o600);
    const kubeconfig = [
      'apiVersion: v1',
      'clusters:',
      '- cluster:',
      '    insecure-skip-tls-verify: true',
      '    server: http://127.0.0.1:6443',
      '  name: default',
      'contexts:',
      '- context:',
      '    cluster: default',
      '    user: default',
      '  name: default',
      'current-context: default',
      'kind: Config',
      'preferences: {}',
      'users:',
      '- name: default',
      '  user:',
      `    token: ${API_TOKEN}`,
      '',
    ].join('\n');
    writeFile(KUBECONFIG_FILE, kubeconfig, parseInt(config['write-kubeconfig-mode'] ?? '0600', 8));
    server = await serveApi();
  }
  await retry('register the node', () => request(apiBase, 'POST', '/api/v1/nodes', nodeObject(role, config)));
  writeFileSync(`${STATE}/${unit}.ready`, `${process.pid}\n`);
  const stop = () => {
    rmSync(`${STATE}/${unit}.ready`, { force: true });
    server?.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  setInterval(() => undefined, 60_000);
}

async function main(args) {
  const [command, ...rest] = args;
  if (command === '--version' || command === '-v' || command === 'version') {
    console.log(`k3s version ${VERSION} (stand-in)`);
    console.log('go version go1.24.4 (stand-in)');
    return;
  }
  if (command === 'server' || command === 'agent') return runService(command);
  if (command === 'kubectl' && rest.includes('--raw=/readyz')) {
    console.log(await request('http://127.0.0.1:6443', 'GET', '/readyz'));
    return;
  }
  if (command === 'ctr' && rest.includes('import')) {
    const file = rest[rest.length - 1];
    record('ctr-imports.log', `${file} sha256=${createHash('sha256').update(readFileSync(file)).digest('hex')}`);
    console.log(`unpacking stand-in image from ${file}...done`);
    return;
  }
  throw new Error(`the stand-in k3s does not implement: ${args.join(' ')}`);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(`stand-in k3s: ${error.message}`);
  process.exit(1);
});
