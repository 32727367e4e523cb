// The upload reader's worker thread: registers tsx (the project runs TypeScript without a build step)
// and hands over to upload-worker-main.ts.
import { register } from 'tsx/esm/api';

register();
await import('./upload-worker-main.ts');
