import { describe, expect, it } from 'vitest';
import { VDSR_PAPER } from './architecture.js';
import { validateArchitecture } from './validate.js';

describe('validateArchitecture', () => {
  it('accepts the paper network and returns a frozen copy in canonical key order', () => {
    const input = { residual: true, kernelSize: 3, channels: 64, depth: 20, name: 'vdsr' };
    const arch = validateArchitecture(input);
    expect(arch).toEqual(VDSR_PAPER);
    expect(Object.keys(arch)).toEqual(['name', 'depth', 'channels', 'kernelSize', 'residual']);
    expect(Object.isFrozen(arch)).toBe(true);
    expect(arch).not.toBe(input);
  });

  it('accepts small networks (depth 2, 1 channel, 1x1 or 5x5 kernels)', () => {
    expect(validateArchitecture({ ...VDSR_PAPER, depth: 2, channels: 1, kernelSize: 1 }).depth).toBe(2);
    expect(validateArchitecture({ ...VDSR_PAPER, kernelSize: 5 }).kernelSize).toBe(5);
  });

  it.each([
    [null, /an object .* received null/],
    [[1], /received array of length 1/],
    [{ ...VDSR_PAPER, extra: 1 }, /received also extra/],
    [{ ...VDSR_PAPER, name: 'srcnn' }, /'vdsr' for architecture.name but received string 'srcnn'/],
    [{ ...VDSR_PAPER, depth: 1 }, /integer >= 2 for architecture.depth but received number 1/],
    [{ ...VDSR_PAPER, depth: 20.5 }, /architecture.depth/],
    [{ ...VDSR_PAPER, channels: 0 }, /architecture.channels but received number 0/],
    [{ ...VDSR_PAPER, channels: '64' }, /architecture.channels but received string '64'/],
    [
      { ...VDSR_PAPER, kernelSize: 4 },
      /odd positive integer for architecture.kernelSize but received number 4/,
    ],
    [{ ...VDSR_PAPER, residual: false }, /true for architecture.residual but received boolean false/],
    [
      { name: 'vdsr', depth: 20, channels: 64, kernelSize: 3 },
      /architecture.residual but received undefined/,
    ],
  ])('rejects %j with E_ARG', (value, message) => {
    expect(() => validateArchitecture(value)).toThrow(message);
    expect(() => validateArchitecture(value)).toThrow(expect.objectContaining({ code: 'E_ARG' }));
  });

  it('names the argument it was given', () => {
    expect(() => validateArchitecture({ ...VDSR_PAPER, depth: 0 }, 'arch')).toThrow(/for arch.depth/);
  });
});
