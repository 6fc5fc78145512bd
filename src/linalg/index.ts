/** Sparse symmetric linear algebra on typed arrays (see docs/reconcile.md for why it is our own). */
export * from './sparse.ts';
export * from './ordering.ts';
export * from './amd.ts';
export * from './ldl.ts';
export * from './spd.ts';
export * from './pcg.ts';
