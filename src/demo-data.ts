/** A seeded, deterministic demo dataset, for prototypes, stories and tests. */
export { createDemoData, type DemoDataOptions } from './model/demo-dataset.js';
