export {
  type ConformanceMatchers,
  type ConformanceOptions,
  type ConformanceTestApi,
  runConformanceSuite,
} from './conformance.js';
export { identityWeights, maxAbsDiff, randomImage, randomPlane } from './fixtures.js';
