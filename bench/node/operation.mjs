// One auth-config operation of the official TypeScript SDK (@composio/core), as a user writes it,
// so the bench can count the requests it sends in the emulator's request log.
// Usage: node operation.mjs <baseUrl> <apiKey> <create|get|update|enable|disable|delete> <toolkit or id> [name]
// Prints {"id"} for create, {} otherwise.
import { Composio } from '@composio/core';

const [baseURL, apiKey, op, target, name] = process.argv.slice(2);
const composio = new Composio({ apiKey, baseURL, allowTracking: false, disableVersionCheck: true });
const configs = composio.authConfigs;
const result = {};
switch (op) {
  case 'create':
    result.id = (await configs.create(target, { type: 'use_composio_managed_auth', name })).id;
    break;
  case 'get': await configs.get(target); break;
  case 'update': await configs.update(target, { type: 'default', name }); break;
  case 'enable': await configs.enable(target); break;
  case 'disable': await configs.disable(target); break;
  case 'delete': await configs.delete(target); break;
  default: throw new Error(`Unknown operation ${op}`);
}
console.log(JSON.stringify(result));
