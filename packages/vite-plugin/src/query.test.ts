import { describe, expect, it } from 'vitest';
import { checkQuery, requestOf } from './query.js';

const params = (query: string) => new URLSearchParams(query);

describe('requestOf', () => {
  it('reads scale, width, height, format and srcset', () => {
    expect(requestOf(params('vdsr&scale=2.5'), {}, false)).toEqual({ kind: 'url', target: { scale: 2.5 } });
    expect(requestOf(params('vdsr&width=800&format=webp'), {}, false)).toEqual({
      kind: 'url',
      target: { width: 800 },
      format: 'webp',
    });
    expect(requestOf(params('vdsr&width=800&height=600'), {}, false)).toEqual({
      kind: 'url',
      target: { width: 800, height: 600 },
    });
    expect(requestOf(params('vdsr&srcset=3,1,2'), {}, false)).toEqual({
      kind: 'srcset',
      densities: [1, 2, 3],
    });
  });

  it('uses the defaults for ?vdsr alone and for included files, the query over them', () => {
    const defaults = { scale: 3, format: 'webp' };
    expect(requestOf(params('vdsr'), defaults, false)).toEqual({
      kind: 'url',
      target: { scale: 3 },
      format: 'webp',
    });
    expect(requestOf(params('import'), defaults, true)).toEqual({
      kind: 'url',
      target: { scale: 3 },
      format: 'webp',
    });
    expect(requestOf(params('vdsr&srcset=1,2'), defaults, false)).toEqual({
      kind: 'srcset',
      densities: [1, 2],
      format: 'webp',
    });
  });

  it('reads ensemble: alone or true is 8, 1 or false is off, the query over the defaults', () => {
    const url = (ensemble?: number) => ({
      kind: 'url',
      target: { scale: 2 },
      ...(ensemble ? { ensemble } : {}),
    });
    expect(requestOf(params('vdsr&scale=2&ensemble'), {}, false)).toEqual(url(8));
    expect(requestOf(params('vdsr&scale=2&ensemble=true'), {}, false)).toEqual(url(8));
    expect(requestOf(params('vdsr&scale=2&ensemble=4'), {}, false)).toEqual(url(4));
    expect(requestOf(params('vdsr&ensemble=2&scale=2'), {}, false)).toEqual(url(2));
    expect(requestOf(params('vdsr&scale=2&ensemble=1'), {}, false)).toEqual(url());
    expect(requestOf(params('vdsr&scale=2&ensemble=false'), {}, false)).toEqual(url());
    expect(requestOf(params('vdsr'), { scale: 2, ensemble: true }, false)).toEqual(url(8));
    expect(requestOf(params('vdsr&srcset=1,2'), { scale: 2, ensemble: 4 }, false)).toEqual({
      kind: 'srcset',
      densities: [1, 2],
      ensemble: 4,
    });
    expect(requestOf(params('vdsr&ensemble=false'), { scale: 2, ensemble: 8 }, false)).toEqual(url());
    expect(requestOf(params('vdsr&ensemble=2'), { scale: 2, ensemble: 8 }, false)).toEqual(url(2));
  });

  it("leaves other imports to Vite, included files' ?url and ?raw too", () => {
    expect(requestOf(params(''), { scale: 2 }, false)).toBeUndefined();
    expect(requestOf(params('url'), { scale: 2 }, true)).toBeUndefined();
    expect(requestOf(params('raw'), { scale: 2 }, true)).toBeUndefined();
  });

  it('rejects unknown parameters and bad values, saying what was expected', () => {
    expect(() => requestOf(params('vdsr&scal=2'), {}, false)).toThrow(
      "Expected query parameters among scale, width, height, srcset, format, ensemble but received 'scal'",
    );
    expect(() => requestOf(params('vdsr&width=12.5'), {}, false)).toThrow(
      "Expected a positive integer for width but received string '12.5'",
    );
    expect(() => requestOf(params('vdsr&scale='), {}, false)).toThrow(
      "Expected a number > 1 for scale but received string ''",
    );
    expect(() => requestOf(params('vdsr&srcset=1,1,2'), {}, false)).toThrow(/distinct pixel densities/);
    expect(() => requestOf(params('vdsr&srcset=1'), {}, false)).toThrow(/with one > 1/);
    expect(() => requestOf(params('vdsr&format=WEBP'), { scale: 2 }, false)).toThrow(
      "Expected a format name such as png, jpeg, webp or avif for format but received string 'WEBP'",
    );
    expect(() => requestOf(params('vdsr&srcset=2&scale=2'), {}, false)).toThrow(
      'Expected one of scale, width and/or height, or srcset but received scale and srcset',
    );
    expect(() => requestOf(params('vdsr'), {}, false)).toThrow(/received none/);
    expect(() => requestOf(params('vdsr&scale=2&ensemble=3'), {}, false)).toThrow(
      "Expected true, false or a number of transforms: 1, 2, 4 or 8 for ensemble but received string '3'",
    );
    expect(() => requestOf(params('vdsr&scale=2&ensemble=yes'), {}, false)).toThrow(
      "Expected true, false or a number of transforms: 1, 2, 4 or 8 for ensemble but received string 'yes'",
    );
  });
});

describe('checkQuery', () => {
  it('checks the defaults the same way', () => {
    expect(checkQuery({ srcset: [1, 1.5, 2] })).toEqual({ kind: 'srcset', densities: [1, 1.5, 2] });
    expect(() => checkQuery({ scale: 1 })).toThrow('Expected a number > 1 for scale but received number 1');
    expect(checkQuery({ scale: 2, ensemble: 8 })).toEqual({ kind: 'url', target: { scale: 2 }, ensemble: 8 });
    expect(() => checkQuery({ scale: 2, ensemble: 16 as 8 })).toThrow(
      'Expected true, false or a number of transforms: 1, 2, 4 or 8 for ensemble but received number 16',
    );
  });
});
