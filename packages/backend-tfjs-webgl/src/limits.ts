import type { SessionLimits } from '@vdsr/core/backend';

/**
 * Tile limits that keep every tfjs WebGL texture of a tile within the GPU's maximum texture size.
 * The largest tensor of a tile is tfjs's im2col unrolling of a 3x3 convolution: k x k x channels
 * values per pixel. tfjs lays a tensor too long for one texture row out as a near-square texture
 * (up to 4 values a texel when packed), so that tensor fits whenever pixels x k² x channels <= side²,
 * one value a texel being the worst case. A side longer than a texture row is refused outright.
 */
export function webglTileLimits(maxTextureSize: number, channels: number, kernelSize: number): SessionLimits {
  return {
    maxTileSide: maxTextureSize,
    maxTilePixels: Math.floor(maxTextureSize ** 2 / (kernelSize ** 2 * channels)),
  };
}
