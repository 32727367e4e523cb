#!/usr/bin/env node
// The `randplan` executable (the app's command line, ./main.ts): registers tsx so that the TypeScript
// sources run without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
