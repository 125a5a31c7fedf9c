import { createRandomWeights, type VdsrWeights } from '@vdsr/core';

/**
 * Two 1-channel layers whose result is worked out by hand below. Layer 0: 2y - 1 (centre tap only),
 * then ReLU. Layer 1: the value above (tap ky=0, kx=1) plus 10 x the value to the right (ky=1, kx=2)
 * plus 0.5. Distinct taps catch a flipped kernel or swapped width and height.
 */
export function handCheckedWeights(): VdsrWeights {
  const base = createRandomWeights(1, { name: 'vdsr', depth: 2, channels: 1, kernelSize: 3, residual: true });
  const w0 = new Float32Array(9);
  w0[4] = 2;
  const w1 = new Float32Array(9);
  w1[1] = 1;
  w1[5] = 10;
  return {
    ...base,
    layers: [
      { inChannels: 1, outChannels: 1, kernelSize: 3, weight: w0, bias: Float32Array.of(-1) },
      { inChannels: 1, outChannels: 1, kernelSize: 3, weight: w1, bias: Float32Array.of(0.5) },
    ],
  };
}

/** A 3 wide, 2 high tile (row-major) and the network's output for it. */
export const handCheckedTile = {
  width: 3,
  height: 2,
  y: Float32Array.of(1, 0.5, 0.75, 0, 0.25, 1),
  // relu(2y - 1) = [1 0 0.5; 0 0 1]
  // residual row 0: above = 0 (padding); right x 10 = [0 5 0]; + 0.5 -> [0.5 5.5 0.5]
  // residual row 1: above = [1 0 0.5]; right x 10 = [0 10 0]; + 0.5 -> [1.5 10.5 1]
  // output = y + residual
  expected: [1.5, 6, 1.25, 1.5, 10.75, 2],
};

/** The same network written out as a formula, for tiles of any size. */
export function handCheckedOutput(y: Float32Array, width: number, height: number): Float32Array {
  const h = (x: number, r: number) => (x < width && r >= 0 ? Math.max(0, 2 * y[r * width + x]! - 1) : 0);
  const out = new Float32Array(width * height);
  for (let r = 0; r < height; r++) {
    for (let x = 0; x < width; x++)
      out[r * width + x] = y[r * width + x]! + h(x, r - 1) + 10 * h(x + 1, r) + 0.5;
  }
  return out;
}
