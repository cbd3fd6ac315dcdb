/** A seeded, deterministic demo dataset, for prototypes, stories and tests. */
export { createDemoData, type DemoDataOptions } from './data/demo-data.js';
