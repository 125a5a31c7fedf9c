export type { VdsrSrcset } from './code.js';
export type { VdsrPluginOptions } from './options.js';
export { type VdsrPlugin, type VdsrPluginApi, vdsr } from './plugin.js';
export type { VdsrQuery } from './query.js';
export type { UpscaleStats } from './upscales.js';
