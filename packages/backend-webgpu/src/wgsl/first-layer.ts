import { header, type KernelSpec, POINT_WORKGROUP } from './common.js';

/**
 * Layer 1 (1 -> C, bias, ReLU): one pixel per invocation, its 9 neighbours read once (zero outside
 * the tile) and reused for every output group. Weights: [group][tap] vec4 (4 output channels).
 */
export function firstLayerWgsl(spec: KernelSpec): string {
  const s = spec.storage;
  return `${header(spec)}
@group(0) @binding(1) var<storage, read> src: array<f32>;
@group(0) @binding(2) var<storage, read_write> dst: array<vec4<${s}>>;
@group(0) @binding(3) var<storage, read> weights: array<vec4<f32>>;
@group(0) @binding(4) var<storage, read> bias: array<vec4<f32>>;

@compute @workgroup_size(${POINT_WORKGROUP.x}, ${POINT_WORKGROUP.y}, 1)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  let w = params.width;
  let h = params.height;
  if (id.x >= w || id.y >= h) { return; }
  var taps: array<f32, 9>;
  for (var ky = 0u; ky < 3u; ky++) {
    for (var kx = 0u; kx < 3u; kx++) {
      let x = i32(id.x + kx) - 1;
      let y = i32(id.y + ky) - 1;
      var v = 0.0;
      if (x >= 0 && y >= 0 && u32(x) < w && u32(y) < h) { v = src[u32(y) * w + u32(x)]; }
      taps[ky * 3u + kx] = v;
    }
  }
  let plane = w * h;
  let pixel = id.y * w + id.x;
  for (var g = 0u; g < params.groups; g++) {
    var acc = bias[g];
    for (var t = 0u; t < 9u; t++) { acc += weights[g * 9u + t] * taps[t]; }
    dst[g * plane + pixel] = vec4<${s}>(max(acc, vec4<f32>(0.0)));
  }
}
`;
}
