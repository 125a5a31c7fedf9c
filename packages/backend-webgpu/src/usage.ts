// WebGPU's flag values, spelled out: in Node the GPUBufferUsage and GPUMapMode globals exist only
// if someone copies the `webgpu` package's globals onto globalThis, which a library must not do.
export const BUFFER = { MAP_READ: 0x1, COPY_SRC: 0x4, COPY_DST: 0x8, UNIFORM: 0x40, STORAGE: 0x80 } as const;
export const MAP_READ = 0x1;
