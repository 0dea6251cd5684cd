// The seed doc's examples (and the newer fields) made with @composio/core 0.21.0 against the
// emulator, whose request log then holds the official SDK's exact request bodies; the contract
// test makes the same calls with the module and compares the bytes.
// Usage (from the folder holding node_modules): node seed.mjs <emulator base URI> <api key>
import { Composio } from '@composio/core';

const [baseURL, apiKey] = process.argv.slice(2);
const composio = new Composio({ apiKey, baseURL, allowTracking: false, disableVersionCheck: true, logLevel: 'warn' });

// The seed's five creates, as written there.
await composio.authConfigs.create('GITHUB', { name: 'GitHub', type: 'use_composio_managed_auth' });
const notion = await composio.authConfigs.create('NOTION', {
    name: 'Notion', type: 'use_custom_auth',
    credentials: { client_id: '1234567890', client_secret: '1234567890', oauth_redirect_uri: 'https://backend.composio.dev/api/v3/toolkits/auth/callback' },
    authScheme: 'OAUTH2',
});
const hubspot = await composio.authConfigs.create('HUBSPOT', { name: 'HubspotConfig', type: 'use_composio_managed_auth', credentials: { scopes: 'sales-email-read,tickets' } });
await composio.authConfigs.create('PERPLEXITYAI', { name: 'Perplexity AI', type: 'use_custom_auth', credentials: {}, authScheme: 'API_KEY' });
// The newer fields, as core 0.21 sends them.
await composio.authConfigs.create('notion', {
    name: 'Notion proxy', type: 'use_custom_auth', authScheme: 'OAUTH2',
    credentials: { client_id: 'id-2', client_secret: 'secret-2' },
    proxyConfig: { proxyUrl: 'https://proxy.example.test', proxyAuthKey: 'proxy-key-2' },
    toolAccessConfig: { toolsForConnectedAccountCreation: ['NOTION_SEARCH'] }, isEnabledForToolRouter: true,
});
await composio.authConfigs.update(notion.id, { type: 'custom', restrictToFollowingTools: ['NOTION_SEARCH'] });
await composio.authConfigs.update(hubspot.id, { type: 'default', toolAccessConfig: { toolsAvailableForExecution: ['HUBSPOT_LIST_CONTACTS'] } });
console.log(JSON.stringify({ notion: notion.id, hubspot: hubspot.id }));
