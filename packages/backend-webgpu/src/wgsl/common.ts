/** What every kernel of one session is generated for. */
export interface KernelSpec {
  /** Storage type of activations and weights; sums are always f32. */
  readonly storage: 'f32' | 'f16';
  /** Feature channels rounded up to a multiple of 4: activations are vec4 planes [channel / 4][y][x]. */
  readonly groups: number;
}

/** Pixels one workgroup covers in the first and last layers (one per invocation). */
export const POINT_WORKGROUP = { x: 8, y: 8 } as const;

export function header(spec: KernelSpec): string {
  return `${spec.storage === 'f16' ? 'enable f16;\n' : ''}
// groups: spec.groups, passed at run time so that no compiler unrolls the channel loops (lavapipe's
// LLVM took minutes on the fully unrolled 64-channel kernel).
// block: the output block a hidden-layer dispatch computes (its weights are bound per block).
struct Params { width: u32, height: u32, groups: u32, block: u32 }
@group(0) @binding(0) var<uniform> params: Params;
`;
}
