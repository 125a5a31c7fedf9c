// @vdsr/backend-tfjs/testing: checks for backends made with createTfjsBackend, next to the core's conformance suite.
export { runTfjsMemorySuite, type TfjsMemorySuiteOptions } from './testing/memory.js';
