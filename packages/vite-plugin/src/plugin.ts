import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { isVdsrError, VdsrError, type VdsrWeights } from '@vdsr/core';
import { loadWeights } from '@vdsr/weights';
import { createFilter, normalizePath, type Plugin, type ResolvedConfig } from 'vite';
import { DiskCache } from './cache.js';
import { srcsetModule, urlModule } from './code.js';
import { cacheMiddleware, DEV_PREFIX } from './dev-server.js';
import { createLimiter } from './limiter.js';
import { checkPluginOptions, type VdsrPluginOptions } from './options.js';
import { planImages } from './plan.js';
import { BuildProgress, images } from './progress.js';
import { requestOf } from './query.js';
import { readSource } from './source.js';
import { lazyUpscaler } from './upscaler.js';
import { type UpscaleStats, Upscales } from './upscales.js';

/** What the plugin tells other plugins and tests (Vite's `plugin.api` convention). */
export interface VdsrPluginApi {
  /** This build's (or dev server's) images so far: upscaled now, or read from the cache. */
  readonly stats: Readonly<UpscaleStats>;
  /** The cache directory, once Vite's config is resolved. */
  readonly cacheDir: string | undefined;
}

export type VdsrPlugin = Plugin<VdsrPluginApi> & { api: VdsrPluginApi };

/**
 * A failure as `this.error` reports it: the cause, after the import's name where Vite would not
 * give it (Rollup's build error already starts "Could not load <file>?<query> (imported by ...)").
 */
function importError(where: string | undefined, error: unknown): VdsrError {
  const cause = error instanceof Error ? error.message : String(error);
  return new VdsrError(isVdsrError(error) ? error.code : 'E_INTERNAL', where ? `${where}: ${cause}` : cause, {
    cause: error,
    ...(isVdsrError(error) && error.details ? { details: error.details } : {}),
  });
}

/**
 * Upscales imported images with VDSR: `import url from './hero.png?vdsr&scale=2'` gives the URL of
 * a 2x image, `?vdsr&srcset=1,2,3` the props of an `<img>`. Images are made in Node, on the backend
 * the Vite config imports, and kept in a content-addressed cache.
 */
export function vdsr(userOptions?: VdsrPluginOptions): VdsrPlugin {
  const options = checkPluginOptions(userOptions);
  let included: (file: string) => boolean = () => false;
  let weights: Promise<VdsrWeights> | undefined;
  const getWeights = () => {
    weights ??= options.weights ? Promise.resolve(options.weights) : loadWeights();
    return weights;
  };
  const upscaler = lazyUpscaler(getWeights, options.backend, options.session);
  let config: ResolvedConfig;
  let cache: DiskCache | undefined;
  let upscales: Upscales | undefined;
  let progress: BuildProgress;
  const stats: UpscaleStats = { upscaled: 0, cached: 0, upscaleMs: 0 };

  return {
    name: 'vdsr',
    // Before vite:asset, which would load the image as a plain asset.
    enforce: 'pre',
    api: {
      get stats() {
        return upscales?.stats ?? stats;
      },
      get cacheDir() {
        return cache?.dir;
      },
    },

    configResolved(resolved) {
      config = resolved;
      if (options.include !== undefined) {
        included = createFilter(options.include, options.exclude, { resolve: config.root });
      }
      cache = new DiskCache(resolve(config.root, options.cacheDir ?? 'node_modules/.cache/vdsr'));
      const quiet = !options.progress || config.command !== 'build';
      progress = new BuildProgress({ log: quiet ? () => undefined : (line) => config.logger.info(line) });
      upscales = new Upscales({ cache, upscaler, progress, limit: createLimiter(options.concurrency) });
    },

    configureServer(server) {
      if (cache) server.middlewares.use(cacheMiddleware(cache, config.base));
    },

    buildStart() {
      upscales?.resetStats();
    },

    // A missing file would fail in Vite's resolver (or in dev, reach load as a URL), with a generic
    // message: resolve `?vdsr` imports of relative and root paths here so that load names the file.
    async resolveId(source, importer, resolveOptions) {
      if (!/[?&]vdsr(?:[&=]|$)/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...resolveOptions, skipSelf: true });
      if (resolved) return resolved;
      if (source.startsWith('/')) return join(config.root, source);
      return importer && source.startsWith('.') ? resolve(importer.split('?')[0]!, '..', source) : null;
    },

    async load(id) {
      if (id.startsWith('\0') || !upscales) return null;
      const [file = '', query = ''] = id.split('?', 2) as [string, string?];
      if (!isAbsolute(file)) return null;
      const where = `${normalizePath(relative(config.root, file))}${query ? `?${query}` : ''}`;
      const fail = (error: unknown): never =>
        this.error(importError(config.command === 'build' ? undefined : where, error));
      let request: ReturnType<typeof requestOf>;
      try {
        request = requestOf(new URLSearchParams(query), options.defaults, included(file));
      } catch (error) {
        return fail(error);
      }
      if (!request) return null;
      this.addWatchFile(file);
      try {
        const source = await readSource(file, options.limitInputPixels);
        const planned = planImages(file, request, source, (await getWeights()).contentHash);
        const outputs = await Promise.all(planned.map(({ job }) => upscales!.get(job)));
        const build = config.command === 'build';
        // In a build, Vite turns these placeholders into the hashed assets' URLs (base included).
        const url = (name: string, data: Uint8Array) =>
          build
            ? `__VITE_ASSET__${this.emitFile({ type: 'asset', name, source: data })}__`
            : `${config.base}${DEV_PREFIX}${name}`;
        const urls = planned.map((image, i) => url(build ? image.assetName : image.job.name, outputs[i]!));
        if (request.kind === 'url') return urlModule(urls[0]!);
        const original = build ? url(basename(file), source.bytes) : devFileUrl(config, file);
        const upscaled = planned.map((image, i) => ({ url: urls[i]!, density: image.density! }));
        return srcsetModule(original, upscaled, source.width, source.height);
      } catch (error) {
        return fail(error);
      }
    },

    buildEnd() {
      progress?.end();
      const { upscaled, cached, upscaleMs } = upscales?.stats ?? stats;
      if (config?.command === 'build' && upscaled + cached > 0) {
        config.logger.info(
          `vdsr: ${images(upscaled + cached)}, ${upscaled} upscaled${upscaled ? ` in ${(upscaleMs / 1000).toFixed(1)} s` : ''}, ${cached} from the cache (${cache?.dir})`,
        );
      }
      return upscaler.dispose();
    },
  };
}

/** The dev server's URL of a source file: under the root as is, elsewhere through /@fs/. */
function devFileUrl(config: ResolvedConfig, file: string): string {
  const path = normalizePath(relative(config.root, file));
  return path.startsWith('../') || isAbsolute(path)
    ? `${config.base}@fs${normalizePath(file).replace(/^(?!\/)/, '/')}`
    : `${config.base}${path}`;
}
