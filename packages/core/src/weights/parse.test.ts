import { describe, expect, it } from 'vitest';
import { VDSR_PAPER } from '../graph/architecture.js';
import { decodeContainer, encodeContainer } from './container.js';
import { parseWeights } from './parse.js';
import { createRandomWeights } from './random.js';
import { serializeWeights } from './serialize.js';
import { sha256Hex } from './sha256.js';

const TINY = { ...VDSR_PAPER, depth: 3, channels: 2 };

type Header = Record<string, Record<string, unknown>>;

/**
 * A valid tiny file taken apart, changed by `change` (which edits the header in place and may return
 * a new data section), and put back together, re-hashed unless told not to.
 */
async function variant(
  change: (header: Header, data: Uint8Array) => unknown,
  options: { dtype?: 'F32' | 'F16'; rehash?: boolean } = {},
): Promise<Uint8Array> {
  const file = await serializeWeights(createRandomWeights(7, TINY), { dtype: options.dtype ?? 'F32' });
  const { header, data } = decodeContainer(file);
  const h = structuredClone(header) as Header;
  const copy = data.slice();
  const returned = change(h, copy);
  const d = returned instanceof Uint8Array ? returned : copy;
  if (options.rehash !== false && h.__metadata__) h.__metadata__.content_sha256 = await sha256Hex(d);
  return encodeContainer(h, d);
}

function framed(headerText: string, data = new Uint8Array(0)): Uint8Array {
  const json = new TextEncoder().encode(headerText);
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

async function rejection(file: Uint8Array | Promise<Uint8Array>): Promise<{ code: string; message: string }> {
  const bytes = await file;
  try {
    await parseWeights(bytes);
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('parseWeights accepted the file');
}

async function expectWeightsError(file: Uint8Array | Promise<Uint8Array>, message: RegExp): Promise<void> {
  const error = await rejection(file);
  expect(error.code).toBe('E_WEIGHTS');
  expect(error.message).toMatch(message);
}

describe('parseWeights framing and header', () => {
  it('rejects a file too short for the length field', async () => {
    await expectWeightsError(new Uint8Array(5), /at least 8 bytes .* received 5 bytes/);
  });

  it('rejects a header length past the end of the file', async () => {
    const file = framed('{}');
    new DataView(file.buffer).setBigUint64(0, 1000n, true);
    await expectWeightsError(file, /header length of at most 2 .* says 1000/);
    new DataView(file.buffer).setBigUint64(0, 2n ** 63n, true);
    await expectWeightsError(file, /says 9223372036854775808/);
  });

  it('rejects a header that is not JSON, or not UTF-8', async () => {
    await expectWeightsError(framed('{"a": '), /UTF-8 JSON but it does not parse/);
    const bad = framed('{"a":"xx"}');
    bad[14] = 0xff;
    await expectWeightsError(bad, /UTF-8 JSON/);
  });

  it('rejects a header that is not an object', async () => {
    await expectWeightsError(framed('[1, 2]'), /JSON object but received array of length 2/);
    await expectWeightsError(framed('"x"'), /JSON object but received string 'x'/);
  });
});

describe('parseWeights metadata', () => {
  it('rejects a missing __metadata__', async () => {
    await expectWeightsError(
      variant((h) => {
        delete h.__metadata__;
      }),
      /__metadata__ entry in the header but there is none/,
    );
  });

  it('rejects non-string metadata values', async () => {
    await expectWeightsError(
      variant((h) => {
        h.__metadata__!.format = 1 as never;
      }),
      /__metadata__.format to be a string but received number 1/,
    );
  });

  it('rejects a missing format or architecture', async () => {
    await expectWeightsError(
      variant((h) => {
        delete h.__metadata__!.format;
      }),
      /__metadata__.format \('vdsr-weights\/1'\) but the header has none/,
    );
    await expectWeightsError(
      variant((h) => {
        delete h.__metadata__!.architecture;
      }),
      /__metadata__.architecture \(the network as JSON\) but the header has none/,
    );
  });

  it('rejects an unsupported format version', async () => {
    await expectWeightsError(
      variant((h) => {
        h.__metadata__!.format = 'vdsr-weights/2';
      }),
      /'vdsr-weights\/1' but received 'vdsr-weights\/2', a format version this reader does not support/,
    );
  });

  it('rejects an architecture that is not JSON or not valid', async () => {
    await expectWeightsError(
      variant((h) => {
        h.__metadata__!.architecture = '{depth: 3';
      }),
      /__metadata__.architecture to hold JSON/,
    );
    await expectWeightsError(
      variant((h) => {
        h.__metadata__!.architecture = JSON.stringify({ ...TINY, kernelSize: 2 });
      }),
      /In __metadata__.architecture: Expected an odd positive integer for architecture.kernelSize but received number 2/,
    );
  });

  it('rejects bad provenance and metrics', async () => {
    await expectWeightsError(
      variant((h) => {
        h.__metadata__!.provenance = '[1]';
      }),
      /provenance but received array/,
    );
    await expectWeightsError(
      variant((h) => {
        h.__metadata__!.provenance = '{';
      }),
      /provenance to hold JSON/,
    );
    const row = { dataset: 'Set5', scale: 2, method: 'lanczos', psnr: 33, ssim: 0.9 };
    await expectWeightsError(
      variant((h) => {
        h.__metadata__!.metrics = JSON.stringify([row]);
      }),
      /'bicubic', 'vdsr' or 'ensemble' for metrics\[0\].method but received string 'lanczos'/,
    );
  });
});

describe('parseWeights tensors', () => {
  it('rejects a missing tensor', async () => {
    await expectWeightsError(
      variant((h) => {
        delete h['layers.2.bias'];
      }),
      /tensor layers.2.bias but the file has none/,
    );
  });

  it('rejects an extra tensor', async () => {
    await expectWeightsError(
      variant((h) => {
        h['layers.3.weight'] = { ...h['layers.2.weight'] };
      }),
      /only the tensors layers.\{0..2\}.weight and .bias but the file also holds layers.3.weight/,
    );
  });

  it('rejects a wrong shape', async () => {
    await expectWeightsError(
      variant((h) => {
        h['layers.1.weight']!.shape = [2, 2, 9];
      }),
      /tensor layers.1.weight to have shape \[2,2,3,3\] but received \[2,2,9\]/,
    );
  });

  it('rejects an unsupported dtype', async () => {
    await expectWeightsError(
      variant((h) => {
        h['layers.0.bias']!.dtype = 'BF16';
      }),
      /layers.0.bias to have dtype F32 or F16 but received string 'BF16'/,
    );
  });

  it('rejects mixed dtypes', async () => {
    const file = variant((h) => {
      // layers.2.bias (1 value) as F16 takes 2 of its 4 bytes: give the rest to the section's end.
      h['layers.2.bias']!.dtype = 'F16';
      const [begin] = h['layers.2.bias']!.data_offsets as number[];
      h['layers.2.bias']!.data_offsets = [begin, begin! + 2];
    });
    await expectWeightsError(file, /one dtype but layers.0.weight is F32 and layers.2.bias is F16/);
  });

  it('rejects offsets that do not match the size, or are not offsets', async () => {
    await expectWeightsError(
      variant((h) => {
        h['layers.0.weight']!.data_offsets = [0, 70];
      }),
      /layers.0.weight to have data_offsets \[begin, begin \+ 72\] \(18 x F32\) but received \[0,70\]/,
    );
    await expectWeightsError(
      variant((h) => {
        h['layers.0.bias']!.data_offsets = [-8, 0];
      }),
      /received \[-8,0\]/,
    );
    await expectWeightsError(
      variant((h) => {
        h['layers.0.bias']!.data_offsets = '0-8';
      }),
      /received "0-8"/,
    );
  });

  it('rejects overlapping tensors', async () => {
    await expectWeightsError(
      variant((h) => {
        h['layers.0.bias']!.data_offsets = [64, 72];
      }),
      /not to overlap but layers.0.bias starts at byte 64, inside layers.0.weight \(which ends at 72\)/,
    );
  });

  it('rejects gaps between tensors and before the first', async () => {
    const shifted = variant((h, d) => {
      for (const [name, t] of Object.entries(h)) {
        if (name !== '__metadata__') t.data_offsets = (t.data_offsets as number[]).map((o) => o + 4);
      }
      const more = new Uint8Array(d.length + 4);
      more.set(d, 4);
      return more;
    });
    await expectWeightsError(
      shifted,
      /without gaps but layers.0.weight starts at byte 4, 4 bytes after the start of the data section/,
    );
    const gap = variant((h, d) => {
      for (const [name, t] of Object.entries(h)) {
        if (name === '__metadata__' || name === 'layers.0.weight') continue;
        const [b, e] = t.data_offsets as number[];
        t.data_offsets = [b! + 8, e! + 8];
      }
      const more = new Uint8Array(d.length + 8);
      more.set(d.subarray(0, 72));
      more.set(d.subarray(72), 80);
      return more;
    });
    await expectWeightsError(gap, /layers.0.bias starts at byte 80, 8 bytes after layers.0.weight ends/);
  });

  it('rejects a truncated data section, and bytes after the last tensor', async () => {
    await expectWeightsError(
      variant((_, d) => d.subarray(0, d.length - 3)),
      /data section of 308 bytes but the file holds only 305: it is truncated/,
    );
    await expectWeightsError(
      variant((_, d) => Uint8Array.of(...d, 1, 2)),
      /308 bytes but the file holds 310: 2 bytes follow/,
    );
  });

  it('rejects non-finite values, naming the tensor and index', async () => {
    const nan = variant((h, d) => {
      const [begin] = h['layers.1.weight']!.data_offsets as number[];
      new DataView(d.buffer).setFloat32(begin! + 4 * 5, Number.NaN, true);
      return d;
    });
    await expectWeightsError(nan, /finite values but tensor layers.1.weight holds NaN at index 5/);
    const inf = variant(
      (h, d) => {
        const [begin] = h['layers.2.bias']!.data_offsets as number[];
        new DataView(d.buffer).setUint16(begin!, 0xfc00, true);
        return d;
      },
      { dtype: 'F16' },
    );
    await expectWeightsError(inf, /tensor layers.2.bias holds -Infinity at index 0/);
  });

  it('rejects data that does not match content_sha256', async () => {
    const file = variant(
      (_, d) => {
        d[10]! ^= 1;
        return d;
      },
      { rehash: false },
    );
    await expectWeightsError(
      file,
      /hash to __metadata__.content_sha256 [0-9a-f]{64} but it hashes to [0-9a-f]{64}: the file is corrupt/,
    );
  });

  it('rejects a file without content_sha256, or with the key renamed (a flipped byte)', async () => {
    for (const rename of [undefined, 'content_sha257']) {
      const file = await variant(
        (h) => {
          const meta = h.__metadata__!;
          if (rename) meta[rename] = meta.content_sha256!;
          delete meta.content_sha256;
        },
        { rehash: false },
      );
      await expectWeightsError(
        file,
        /Expected __metadata__.content_sha256 \(the lower-case hex SHA-256 of the data section\) but the header has none/,
      );
    }
  });
});

describe('parseWeights success cases', () => {
  it('accepts an ArrayBuffer and an unaligned view', async () => {
    const file = await serializeWeights(createRandomWeights(3, TINY), { dtype: 'F32' });
    const fromBuffer = await parseWeights(file.slice().buffer);
    const shifted = new Uint8Array(file.length + 3);
    shifted.set(file, 3);
    const fromView = await parseWeights(shifted.subarray(3));
    expect(fromView.layers).toEqual(fromBuffer.layers);
    expect(fromView.contentHash).toBe(fromBuffer.contentHash);
  });

  it('rejects anything but bytes with E_ARG', async () => {
    await expect(parseWeights('weights.safetensors' as never)).rejects.toThrow(
      expect.objectContaining({
        code: 'E_ARG',
        message: expect.stringContaining('Uint8Array or ArrayBuffer'),
      }),
    );
  });
});
