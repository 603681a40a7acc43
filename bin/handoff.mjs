#!/usr/bin/env node
// The `handoff` command: runs the TypeScript CLI through tsx.
const { register } = await import('tsx/esm/api');
register();
await import('../src/cli/handoff.ts');
