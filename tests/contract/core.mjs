// Runs the newest official SDK, @composio/core 0.21.0, against the emulator through every auth-
// config and toolkit call the module also makes. The SDK validates what it reads and logs
// "validation failed" for an answer outside its schemas; the caller fails on any such line.
// Usage (from the folder holding node_modules): node core.mjs <emulator base URI> <api key>
import { Composio } from '@composio/core';

const [baseURL, apiKey] = process.argv.slice(2);
if (!baseURL || !apiKey) {
    console.error('usage: node core.mjs <emulator base URI> <api key>');
    process.exit(2);
}
const composio = new Composio({ apiKey, baseURL, allowTracking: false, disableVersionCheck: true, logLevel: 'warn' });
const step = async (what, call) => {
    const result = await call();
    console.log(`ok ${what}`);
    return result;
};

const managed = await step('authConfigs.create (managed, scopes and tools)', () => composio.authConfigs.create('github', {
    type: 'use_composio_managed_auth', name: 'core managed', credentials: { scopes: 'repo,user' },
    toolAccessConfig: { toolsForConnectedAccountCreation: ['GITHUB_STAR_A_REPOSITORY'] }, isEnabledForToolRouter: true,
}));
const custom = await step('authConfigs.create (custom, proxy)', () => composio.authConfigs.create('notion', {
    type: 'use_custom_auth', name: 'core custom', authScheme: 'OAUTH2',
    credentials: { client_id: 'core-client-id', client_secret: 'core-client-secret-0001' },
    proxyConfig: { proxyUrl: 'https://proxy.example.test', proxyAuthKey: 'proxy-key-0001' },
}));
await step('authConfigs.create (custom API key, empty credentials)', () => composio.authConfigs.create('perplexityai', {
    type: 'use_custom_auth', name: 'core api key', authScheme: 'API_KEY', credentials: {},
}));
await step('authConfigs.get', () => composio.authConfigs.get(custom.id));
await step('authConfigs.list', () => composio.authConfigs.list({ toolkit: 'github' }));
await step('authConfigs.list (show disabled, managed)', () => composio.authConfigs.list({ showDisabled: true, isComposioManaged: true }));
await step('authConfigs.update (custom)', () => composio.authConfigs.update(custom.id, {
    type: 'custom', credentials: { client_secret: 'core-client-secret-0002' }, isEnabledForToolRouter: false,
    toolAccessConfig: { toolsAvailableForExecution: ['NOTION_SEARCH'] },
}));
await step('authConfigs.update (default)', () => composio.authConfigs.update(managed.id, {
    type: 'default', scopes: 'repo', restrictToFollowingTools: ['GITHUB_STAR_A_REPOSITORY'],
}));
await step('authConfigs.disable', () => composio.authConfigs.disable(managed.id));
await step('authConfigs.enable', () => composio.authConfigs.enable(managed.id));
await step('authConfigs.delete', () => composio.authConfigs.delete(managed.id));
await step('toolkits.get (one)', () => composio.toolkits.get('github'));
await step('toolkits.get (no managed auth)', () => composio.toolkits.get('perplexityai'));
await step('toolkits.get (list)', () => composio.toolkits.get({}));
await step('toolkits.listCategories', () => composio.toolkits.listCategories());
await step('toolkits.getAuthConfigCreationFields', () => composio.toolkits.getAuthConfigCreationFields('notion', 'OAUTH2'));
await step('toolkits.getConnectedAccountInitiationFields', () => composio.toolkits.getConnectedAccountInitiationFields('perplexityai', 'API_KEY'));
console.log('done');
