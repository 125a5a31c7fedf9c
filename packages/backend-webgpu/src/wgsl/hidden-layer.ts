import { VdsrError } from '@vdsr/core/backend';
import { header, type KernelSpec } from './common.js';

/** How the hidden-layer kernel splits its work; chosen per session by hiddenLayout. */
export interface HiddenLayout {
  /** Output vec4 groups per invocation (and per workgroup along z). */
  readonly outGroups: number;
  /** Input vec4 groups staged in workgroup memory at a time. */
  readonly inGroups: number;
  /** Horizontally adjacent pixels per invocation. */
  readonly pixels: number;
  /** Invocations per workgroup along x and y. */
  readonly workgroup: { readonly x: number; readonly y: number };
}

/** Output pixels one workgroup covers. */
export function hiddenTile(layout: HiddenLayout): { width: number; height: number } {
  return { width: layout.workgroup.x * layout.pixels, height: layout.workgroup.y };
}

/** Bytes of workgroup memory the kernel declares. */
export function hiddenWorkgroupBytes(spec: KernelSpec, layout: HiddenLayout): number {
  const { width, height } = hiddenTile(layout);
  return (width + 2) * (height + 2) * layout.inGroups * (spec.storage === 'f16' ? 8 : 16);
}

/** Bytes of one output block's weights (every input group, tap and output group: mat4x4 each). */
export function hiddenBlockBytes(spec: KernelSpec, outGroups: number): number {
  return spec.groups * 9 * outGroups * (spec.storage === 'f16' ? 32 : 64);
}

/**
 * 4 output groups (16 channels) x 8 pixels per invocation (32 vec4 sums), a workgroup of 4 x 16
 * invocations covering 32 x 16 pixels. On lavapipe (GFLOP per CPU-second, the paper's network at
 * 64 x 64, weights in uniform bindings) this measured 5.5-5.9 against 4.6 for 4 pixels on 8 x 8,
 * 3.5 for 4 groups x 2 pixels and 3.0 for 2 groups x 4 pixels; 16 pixels compiled for 37 s and was
 * no faster. Before the weights moved to uniform bindings, 4 x 4 measured 1.8. 4 input groups per
 * stage where workgroup memory allows, else fewer (WebGPU's default is 16 KiB). An output block's
 * weights must fit one uniform binding (64 KiB by default): 4 groups do up to 113 channels in f32,
 * fewer groups per block do more.
 */
export function hiddenLayout(
  spec: KernelSpec,
  maxWorkgroupBytes: number,
  maxUniformBytes: number,
): HiddenLayout {
  const base = { pixels: 8, workgroup: { x: 4, y: 16 } };
  const outGroups = [4, 2, 1].find(
    (o) => spec.groups % o === 0 && hiddenBlockBytes(spec, o) <= maxUniformBytes,
  );
  if (outGroups === undefined) {
    const max = Math.floor(maxUniformBytes / hiddenBlockBytes({ ...spec, groups: 1 }, 1)) * 4;
    throw new VdsrError(
      'E_LIMIT',
      `Expected at most ${max} channels (one output group's weights in a ${maxUniformBytes}-byte uniform binding) but received ${spec.groups * 4}`,
      { details: { limit: 'maxUniformBufferBindingSize', value: spec.groups * 4, max } },
    );
  }
  for (const inGroups of [4, 2, 1]) {
    if (spec.groups % inGroups !== 0) continue;
    const layout = { ...base, outGroups, inGroups };
    if (hiddenWorkgroupBytes(spec, layout) <= maxWorkgroupBytes) return layout;
  }
  return { ...base, outGroups, inGroups: 1 };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * A hidden layer (C -> C, bias, ReLU) for one output block (`params.block`: one dispatch each).
 * Each workgroup stages a tile of input groups (zero outside the image: the reference's padding) in
 * workgroup memory; each invocation keeps outGroups x pixels vec4 sums. The block's weights are a
 * uniform binding of mat4x4 [inGroup][tap][outGroup] (column = input channel): every invocation reads
 * the same matrix, which lavapipe loads once for all lanes from a uniform buffer but gathers per lane
 * from a storage buffer (1.8 -> 4.6 GFLOP per CPU-second for the paper's network).
 */
export function hiddenLayerWgsl(spec: KernelSpec, layout: HiddenLayout): string {
  const s = spec.storage;
  const { outGroups: O, inGroups: I, pixels: P, workgroup } = layout;
  const { width: tw, height: th } = hiddenTile(layout);
  const sw = tw + 2;
  const sh = th + 2;
  const threads = workgroup.x * workgroup.y;
  const sums = range(O).flatMap((o) => range(P).map((p) => ({ o, p, name: `s${o}_${p}` })));
  const product = (m: string, v: string) => (s === 'f16' ? `vec4<f32>(${m} * ${v})` : `${m} * ${v}`);
  const loads = range(P)
    .map((p) => `        let v${p} = tile[row + ${p * workgroup.x}u];`)
    .join('\n');
  const macs = range(O)
    .map((o) => {
      const adds = range(P)
        .map((p) => `          s${o}_${p} += ${product('m', `v${p}`)};`)
        .join('\n');
      return `        { let m = weights[wbase + t * ${O}u + ${o}u];\n${adds}\n        }`;
    })
    .join('\n');
  // Taps in a loop, not unrolled: lavapipe's LLVM needed minutes for the unrolled body.
  const taps = `      for (var t = 0u; t < 9u; t++) {
        let row = g * ${sw * sh}u + (lid.y + t / 3u) * ${sw}u + lid.x + t % 3u;
${loads}
${macs}
      }`;
  const writes = sums
    .map(
      ({ o, p, name }) =>
        `  if (x0 + ${p * workgroup.x}u < w) { dst[(ob * ${O}u + ${o}u) * plane + pixel + ${p * workgroup.x}u] = vec4<${s}>(max(${name}, vec4<f32>(0.0))); }`,
    )
    .join('\n');
  return `${header(spec)}
@group(0) @binding(1) var<storage, read> src: array<vec4<${s}>>;
@group(0) @binding(2) var<storage, read_write> dst: array<vec4<${s}>>;
@group(0) @binding(3) var<uniform> weights: array<mat4x4<${s}>, ${spec.groups * 9 * O}>;
@group(0) @binding(4) var<storage, read> bias: array<vec4<f32>>;

var<workgroup> tile: array<vec4<${s}>, ${sw * sh * I}>;

@compute @workgroup_size(${workgroup.x}, ${workgroup.y}, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let w = params.width;
  let h = params.height;
  let plane = w * h;
  let ob = params.block;
  let left = i32(wg.x * ${tw}u) - 1;
  let top = i32(wg.y * ${th}u) - 1;
${range(O)
  .map(
    (o) =>
      `  let b${o} = bias[ob * ${O}u + ${o}u];\n${range(P)
        .map((p) => `  var s${o}_${p} = b${o};`)
        .join('\n')}`,
  )
  .join('\n')}
  for (var ic = 0u; ic < params.groups; ic += ${I}u) {
    workgroupBarrier();
    for (var i = li; i < ${sw * sh * I}u; i += ${threads}u) {
      let g = i / ${sw * sh}u;
      let r = i % ${sw * sh}u;
      let x = left + i32(r % ${sw}u);
      let y = top + i32(r / ${sw}u);
      var v = vec4<${s}>(0.0);
      if (x >= 0 && y >= 0 && u32(x) < w && u32(y) < h) { v = src[(ic + g) * plane + u32(y) * w + u32(x)]; }
      tile[i] = v;
    }
    workgroupBarrier();
    for (var g = 0u; g < ${I}u; g++) {
      let wbase = ((ic + g) * 9u) * ${O}u;
${taps}
    }
  }
  let x0 = wg.x * ${tw}u + lid.x;
  let y0 = wg.y * ${th}u + lid.y;
  if (y0 >= h) { return; }
  let pixel = y0 * w + x0;
${writes}
}
`;
}
