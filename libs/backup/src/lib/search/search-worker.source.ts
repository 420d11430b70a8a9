/**
 * The scan that runs in a worker thread, as plain JavaScript evaluated by the worker (no
 * build step, no file to ship next to the compiled code). It receives batches of
 * configurations and answers with the matching lines, stopping at `limit` matches.
 */
export const SEARCH_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const regex = new RegExp(workerData.pattern, workerData.flags);
parentPort.on('message', ({ documents, limit }) => {
  const matches = [];
  for (const document of documents) {
    const lines = document.content.split('\\n');
    for (let index = 0; index < lines.length; index++) {
      if (!regex.test(lines[index])) continue;
      matches.push({ deviceId: document.deviceId, deviceName: document.deviceName, lineNumber: index + 1, line: lines[index] });
      if (matches.length >= limit) {
        parentPort.postMessage({ matches, full: true });
        return;
      }
    }
  }
  parentPort.postMessage({ matches, full: false });
});
`;
