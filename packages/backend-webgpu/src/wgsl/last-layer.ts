import { header, type KernelSpec, POINT_WORKGROUP } from './common.js';

/**
 * The last layer (C -> 1, bias, no ReLU) fused with the residual add: one pixel per invocation,
 * dot products over vec4 groups, f32 sums. Weights: [group][tap] vec4 (4 input channels).
 */
export function lastLayerWgsl(spec: KernelSpec): string {
  const s = spec.storage;
  return `${header(spec)}
@group(0) @binding(1) var<storage, read> src: array<vec4<${s}>>;
@group(0) @binding(2) var<storage, read_write> dst: array<f32>;
@group(0) @binding(3) var<storage, read> weights: array<vec4<f32>>;
@group(0) @binding(4) var<storage, read> bias: array<vec4<f32>>;
@group(0) @binding(5) var<storage, read> luma: array<f32>;

@compute @workgroup_size(${POINT_WORKGROUP.x}, ${POINT_WORKGROUP.y}, 1)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  let w = params.width;
  let h = params.height;
  if (id.x >= w || id.y >= h) { return; }
  let plane = w * h;
  var acc = bias[0].x;
  for (var ky = 0u; ky < 3u; ky++) {
    let y = i32(id.y + ky) - 1;
    if (y < 0 || u32(y) >= h) { continue; }
    for (var kx = 0u; kx < 3u; kx++) {
      let x = i32(id.x + kx) - 1;
      if (x < 0 || u32(x) >= w) { continue; }
      let at = u32(y) * w + u32(x);
      let t = ky * 3u + kx;
      for (var g = 0u; g < params.groups; g++) {
        acc += dot(vec4<f32>(src[g * plane + at]), weights[g * 9u + t]);
      }
    }
  }
  let pixel = id.y * w + id.x;
  dst[pixel] = acc + luma[pixel];
}
`;
}
