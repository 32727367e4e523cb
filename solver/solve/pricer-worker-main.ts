/** Inside the pricing helper thread: once handed the model's source, build the same model, then price the jobs handed over. */
import { parentPort } from 'node:worker_threads';
import { buildModel } from './model.ts';
import { serveJobs, type PricerShared, type PricerSource } from './pricer.ts';

parentPort!.once('message', ({ source, shared }: { source: PricerSource; shared: PricerShared }) => serveJobs(buildModel(source.scenario, source.build), shared));
