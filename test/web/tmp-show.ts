import { compile } from 'svelte/compiler';
import { readFileSync } from 'node:fs';
const src = readFileSync('/work/main/web/src/components/Timeline.svelte', 'utf8');
const out = compile(src, { generate: 'client', filename: 'Timeline.svelte' });
const lines = out.js.code.split('\n');
console.log(lines.slice(195, 225).map((l, i) => `${196 + i}: ${l}`).join('\n'));
