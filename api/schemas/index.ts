/** The API's request and response shapes, shared with web/ (import types from here). */
export * from './common.ts';
export * from './auth.ts';
export * from './region.ts';
export * from './plans.ts';
export * from './proposals.ts';
export * from './versions.ts';
export * from './drafts.ts';
