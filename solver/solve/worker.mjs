// The solver's worker thread: registers tsx (the project runs TypeScript without a build step) and
// hands over to worker-main.ts, which runs the solve and posts progress and the result back.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
