// Type-checks recorded exchanges against the published spec's generated types (@composio/client
// 2.0.0-rc.6): each request body and each 2xx answer becomes an object literal with `satisfies
// <Type>`, so a missing member, a wrong type and an extra member are all compile errors.
// Usage (from the folder holding node_modules): node check.mjs <record.jsonl> [<record.jsonl>…]
// Prints what was checked per file, then every compiler diagnostic (prefixed with its file); exits 1 when there is any.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import ts from 'typescript';

// Members core 0.21 knows but rc.6 does not (contract §9: they stay, optional). They are taken out
// of answers before the check and their shapes are checked here instead.
const CORE_ONLY = {
    user_visible: (v) => typeof v === 'boolean',
    required_scopes: (v) => Array.isArray(v) && v.every((s) => typeof s === 'string'),
};

const endpoints = [
    // [method, path pattern, request type, answer type]
    ['GET', /^\/api\/v3\.1\/auth_configs$/, null, 'AuthConfigListResponse', 'AuthConfigListParams'],
    ['POST', /^\/api\/v3\.1\/auth_configs$/, 'AuthConfigCreateParams', 'AuthConfigCreateResponse'],
    ['GET', /^\/api\/v3\.1\/auth_configs\/[^/]+$/, null, 'AuthConfigRetrieveResponse'],
    ['PATCH', /^\/api\/v3\.1\/auth_configs\/[^/]+$/, 'AuthConfigUpdateParams', 'AuthConfigUpdateResponse'],
    ['PATCH', /^\/api\/v3\.1\/auth_configs\/[^/]+\/(ENABLED|DISABLED)$/, 'none', 'AuthConfigUpdateStatusResponse'],
    ['DELETE', /^\/api\/v3\.1\/auth_configs\/[^/]+$/, 'none', 'AuthConfigDeleteResponse', 'AuthConfigDeleteParams'],
    ['GET', /^\/api\/v3\.1\/toolkits$/, null, 'ToolkitListResponse', 'ToolkitListParams'],
    ['GET', /^\/api\/v3\.1\/toolkits\/categories$/, null, 'ToolkitRetrieveCategoriesResponse'],
    ['GET', /^\/api\/v3\.1\/toolkits\/[^/]+$/, null, 'ToolkitRetrieveResponse', 'ToolkitRetrieveParams'],
    ['GET', /^\/api\/v3\.1\/tools$/, null, 'ToolListResponse', 'ToolListParams'],
    ['POST', /^\/api\/v3\.1\/tools\/scopes\/required$/, 'Tools.ToolRetrieveRequiredScopesParams', 'Tools.ToolRetrieveRequiredScopesResponse'],
];

// Credential maps are open (a toolkit's own field names); the spec lists only scopes/user_scopes.
// Their other keys are spread in through a Record, so the named keys are still checked.
const OPEN_MAPS = new Set(['credentials']);

const literal = (value, indent = '') => {
    if (value === null || typeof value !== 'object') return JSON.stringify(value);
    const inner = indent + '  ';
    if (Array.isArray(value)) {
        return value.length === 0 ? '[]' : `[\n${value.map((v) => inner + literal(v, inner)).join(',\n')}\n${indent}]`;
    }
    const entries = Object.entries(value).map(([k, v]) => {
        if (OPEN_MAPS.has(k) && v && typeof v === 'object' && !Array.isArray(v)) {
            const named = Object.fromEntries(Object.entries(v).filter(([n]) => n === 'scopes' || n === 'user_scopes'));
            const open = Object.fromEntries(Object.entries(v).filter(([n]) => n !== 'scopes' && n !== 'user_scopes'));
            const spread = Object.keys(open).length ? `...(${JSON.stringify(open)} as Record<string, string>), ` : '';
            return `${inner}${JSON.stringify(k)}: { ${spread}${Object.entries(named).map(([n, x]) => `${JSON.stringify(n)}: ${literal(x, inner)}`).join(', ')} }`;
        }
        return `${inner}${JSON.stringify(k)}: ${literal(v, inner)}`;
    });
    return entries.length === 0 ? '{}' : `{\n${entries.join(',\n')}\n${indent}}`;
};

const stripCoreOnly = (value, where, problems) => {
    if (Array.isArray(value)) return value.map((v, i) => stripCoreOnly(v, `${where}[${i}]`, problems));
    if (value === null || typeof value !== 'object') return value;
    const out = {};
    for (const [k, v] of Object.entries(value)) {
        if (k in CORE_ONLY) {
            if (!CORE_ONLY[k](v)) problems.push(`${where}.${k}: not the shape core 0.21 reads`);
            continue;
        }
        out[k] = stripCoreOnly(v, `${where}.${k}`, problems);
    }
    return out;
};

const queryObject = (query) => {
    const out = {};
    for (const [k, v] of new URLSearchParams(query)) {
        out[k] = /^\d+$/.test(v) ? Number(v) : v === 'true' ? true : v === 'false' ? false : v;
    }
    return out;
};

const files = process.argv.slice(2);
if (files.length === 0) {
    console.error('usage: node check.mjs <record.jsonl>…');
    process.exit(2);
}
const header = [
    "import type { AuthConfigCreateParams, AuthConfigCreateResponse, AuthConfigDeleteParams, AuthConfigDeleteResponse, AuthConfigListParams, AuthConfigListResponse, AuthConfigRetrieveResponse, AuthConfigUpdateParams, AuthConfigUpdateResponse, AuthConfigUpdateStatusResponse } from '@composio/client/resources/auth-configs';",
    "import type { ToolkitListParams, ToolkitListResponse, ToolkitRetrieveCategoriesResponse, ToolkitRetrieveParams, ToolkitRetrieveResponse } from '@composio/client/resources/toolkits';",
    "import type { ToolListParams, ToolListResponse, Tools } from '@composio/client/resources/tools';",
    '',
];
// One program for every file (the compiler's start-up is most of the time); each record file gets
// its own source, and its own report.
const problems = new Map();
const sources = files.map((file) => {
    const exchanges = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const name = basename(file).replace(/\.jsonl?$/, '');
    const lines = [...header];
    const own = [];
    const checked = new Map();
    const unchecked = new Set();
    exchanges.forEach((x, i) => {
        const endpoint = endpoints.find(([m, p]) => m === x.method && p.test(x.path));
        const what = `${x.method} ${x.path.replace(/\/api\/v3\.1\//, '/')}`;
        if (!endpoint) {
            unchecked.add(`${x.method} ${x.path.replace(/\/(ac_|pj_)[A-Za-z0-9]+/, '/{id}')}`);
            return;
        }
        const [, , requestType, answerType, queryType] = endpoint;
        const key = `${x.method} ${endpoint[1].source}`;
        checked.set(key, (checked.get(key) ?? 0) + 1);
        lines.push(`// #${i} ${what} → ${x.status}`);
        if (queryType && x.query) {
            lines.push(`export const q${i} = ${literal(queryObject(x.query))} satisfies ${queryType};`);
        }
        if (requestType && requestType !== 'none') {
            lines.push(`export const req${i} = ${literal(JSON.parse(x.requestBody))} satisfies ${requestType};`);
        } else if (requestType === 'none' && x.requestBody) {
            own.push(`#${i} ${what}: a body was sent where the spec takes none`);
        }
        if (x.status >= 200 && x.status < 300 && x.answer) { // an empty 2xx (unknown answers only): nothing to type
            const answer = stripCoreOnly(JSON.parse(x.answer), `#${i} answer`, own);
            lines.push(`export const res${i} = ${literal(answer)} satisfies ${answerType};`);
        }
    });
    const source = resolve(`recorded-${name}.ts`);
    writeFileSync(source, lines.join('\n') + '\n');
    problems.set(source, own);
    const total = [...checked.values()].reduce((a, b) => a + b, 0);
    console.log(`${name}: checked ${total} exchange(s) on ${checked.size} endpoint(s) against @composio/client 2.0.0-rc.6:`);
    for (const [k, n] of checked) console.log(`  ${n} × ${k}`);
    if (unchecked.size) console.log(`  not in the rc.6 spec (beta, contract §8 item 7), not type-checked: ${[...unchecked].join(', ')}`);
    return source;
});
const program = ts.createProgram(sources, {
    noEmit: true, strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, types: [],
});
let errors = 0;
for (const d of ts.getPreEmitDiagnostics(program)) {
    const text = ts.flattenDiagnosticMessageText(d.messageText, ' ').replace(/\s+/g, ' ');
    if (d.file && d.start !== undefined) {
        const { line } = d.file.getLineAndCharacterOfPosition(d.start);
        console.log(`ERROR ${basename(d.file.fileName)}:${line + 1}: ${text}`);
    } else {
        console.log(`ERROR ${text}`);
    }
    errors++;
}
for (const [source, list] of problems) {
    for (const p of list) console.log(`ERROR ${basename(source)}: ${p}`);
    errors += list.length;
}
process.exit(errors > 0 ? 1 : 0);
