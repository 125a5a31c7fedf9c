import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Connect } from 'vite';
import { CACHE_NAME, type DiskCache } from './cache.js';

/** Dev-server URLs of cached images: `/@vdsr/<key>.<ext>` under Vite's base. */
export const DEV_PREFIX = '@vdsr/';

const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
  tiff: 'image/tiff',
  heif: 'image/heif',
  jp2: 'image/jp2',
  jxl: 'image/jxl',
};

/**
 * Serves upscaled images from the cache. Names are content addresses, so browsers may keep them
 * forever; names that are not a cache key go on to Vite.
 */
export function cacheMiddleware(cache: DiskCache, base: string): Connect.NextHandleFunction {
  const prefix = `${base}${DEV_PREFIX}`;
  return async (request, response, next) => {
    const path = request.url?.split('?')[0];
    const name = path?.startsWith(prefix) ? path.slice(prefix.length) : undefined;
    const match = name === undefined ? null : CACHE_NAME.exec(name);
    if (!name || !match) return next();
    const file = cache.path(name);
    try {
      const { size } = await stat(file);
      response.writeHead(200, {
        'Content-Type': TYPES[match[2]!] ?? 'application/octet-stream',
        'Content-Length': size,
        'Cache-Control': 'public, max-age=31536000, immutable',
      });
      createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404).end();
    }
  };
}
