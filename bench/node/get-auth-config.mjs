// Times N sequential authConfigs.get(id) calls of the official TypeScript SDK against the emulator.
// Usage: node get-auth-config.mjs <baseUrl> <apiKey> <id> <count> [warmUpCalls]; prints {"ms": total, "count": n}.
import { Composio } from '@composio/core';

const [baseURL, apiKey, id, countText, warmUpText] = process.argv.slice(2);
const count = Number(countText);
const warmUps = Number(warmUpText ?? 1);
const composio = new Composio({ apiKey, baseURL, allowTracking: false, disableVersionCheck: true });

// Warm-up, as for the module and the raw loop: connection, JIT.
for (let i = 0; i < warmUps; i++) {
  await composio.authConfigs.get(id);
}
const start = process.hrtime.bigint();
for (let i = 0; i < count; i++) {
  await composio.authConfigs.get(id);
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ ms, count }));
