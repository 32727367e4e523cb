// The pricing helper thread (pricer.ts): registers tsx (the project runs TypeScript without a build
// step) and hands over to pricer-worker-main.ts.
import { register } from 'tsx/esm/api';

register();
await import('./pricer-worker-main.ts');
