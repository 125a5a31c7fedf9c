// @vdsr/core/backend: what a backend package needs, and nothing an application does.
export type {
  Availability,
  Backend,
  BackendSession,
  Precision,
  SessionLimits,
  SessionOptions,
} from '../backend.js';
export {
  abortError,
  argError,
  assertSignal,
  describeValue,
  isVdsrError,
  throwIfAborted,
  VdsrError,
  type VdsrErrorCode,
  type VdsrErrorDetails,
} from '../errors.js';
export type { VdsrArchitecture } from '../graph/architecture.js';
export { describeGraph, type GraphDescription } from '../graph/describe.js';
export { nextMacrotask } from '../reference/yield.js';
export type { ConvLayerWeights, VdsrWeights } from '../weights/types.js';
export { assertPlane, assertSessionOptions } from './args.js';
export { raceSignal } from './race-signal.js';
export { type BackendFactory, type RegisterOptions, registerBackend } from './registry.js';
export { RunQueue } from './run-queue.js';
export { assertTileOutput, tileRunError } from './tile-output.js';
export { assertWeights } from './weights.js';
