/** Inside the pricing helper thread: build the same model, then price the jobs the solve hands over. */
import { workerData } from 'node:worker_threads';
import { buildModel } from './model.ts';
import { serveJobs, type PricerShared, type PricerSource } from './pricer.ts';

const { source, shared } = workerData as { source: PricerSource; shared: PricerShared };
serveJobs(buildModel(source.scenario, source.build), shared);
