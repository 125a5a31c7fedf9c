export {
  type ConformanceMatchers,
  type ConformanceOptions,
  type ConformanceTestApi,
  PRECISION_TOLERANCE,
  runConformanceSuite,
} from './conformance.js';
export { identityWeights, maxAbsDiff, randomImage, randomPlane } from './fixtures.js';
