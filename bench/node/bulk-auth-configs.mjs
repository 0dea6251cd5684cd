// Times the official TypeScript SDK creating N auth configs and then deleting them, as a user
// writes it (create, then delete; no extra read), with up to C calls in flight, against the emulator.
// Usage: node bulk-auth-configs.mjs <baseUrl> <apiKey> <count> <concurrency>
// Prints {"createMs", "removeMs", "count", "failed"}.
import { Composio } from '@composio/core';

const [baseURL, apiKey, countText, concurrencyText] = process.argv.slice(2);
const count = Number(countText);
const concurrency = Number(concurrencyText);
const composio = new Composio({ apiKey, baseURL, allowTracking: false, disableVersionCheck: true });

// Runs work(i) for i in 0..n-1 with at most `limit` promises pending, like a pool of workers.
async function pool(n, limit, work) {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      try {
        await work(i);
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, n) }, worker));
  return failed;
}

// Warm-up: connection, JIT.
const warm = await composio.authConfigs.create('github', { type: 'use_composio_managed_auth', name: 'bench-ts-warm' });
await composio.authConfigs.delete(warm.id);

const ids = new Array(count);
let start = process.hrtime.bigint();
let failed = await pool(count, concurrency, async (i) => {
  ids[i] = (await composio.authConfigs.create('github', { type: 'use_composio_managed_auth', name: 'bench-ts' })).id;
});
const createMs = Number(process.hrtime.bigint() - start) / 1e6;

start = process.hrtime.bigint();
failed += await pool(count, concurrency, (i) => composio.authConfigs.delete(ids[i]));
const removeMs = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ createMs, removeMs, count, failed }));
