import { describe, expect, it } from 'vitest';
import { VDSR_PAPER } from './architecture.js';
import { describeGraph } from './describe.js';
import { formatGraph } from './format.js';

describe('formatGraph', () => {
  it('lists input, each conv and ReLU, the residual add and the totals', () => {
    const text = formatGraph(describeGraph());
    const lines = text.split('\n');
    expect(lines[0]).toBe('VDSR: 20 convolution layers, 64 channels, 3x3 kernels, residual');
    expect(lines[1]).toMatch(/^ # +Name +Type +Activations +Learnables$/);
    // input + 20 convs + 19 ReLUs + add
    const rows = lines.filter((l) => /^ *\d+ {2}/.test(l));
    expect(rows).toHaveLength(41);
    expect(rows[0]).toMatch(/^ 1 {2}input +Image input/);
    expect(rows[1]).toMatch(
      /conv_1 +Convolution 64 3x3x1, pad 1 +H x W x 64 +Weights 3x3x1x64, Bias 1x1x64 \(640\)/,
    );
    expect(rows[2]).toMatch(/relu_1 +ReLU +H x W x 64 +-/);
    expect(rows[39]).toMatch(
      /conv_20 +Convolution 1 3x3x64, pad 1 +H x W x 1 +Weights 3x3x64x1, Bias 1x1x1 \(577\)/,
    );
    expect(rows[40]).toMatch(/^41 {2}add +Addition \(input \+ conv_20\) +H x W x 1/);
    expect(text).toContain('Total learnables: 665,921');
    expect(text).toContain('Receptive field: 41x41 (20 px of context per side)');
    expect(text).toContain('Work: 1,329,408 FLOPs per output pixel');
  });

  it('aligns the columns', () => {
    const lines = formatGraph(describeGraph({ ...VDSR_PAPER, depth: 3, channels: 8 }))
      .split('\n')
      .slice(1, 8);
    const typeColumn = lines.map((l) =>
      l.indexOf(l.includes('Type') ? 'Type' : l.match(/Image|Conv|ReLU|Addition/)![0]),
    );
    expect(new Set(typeColumn).size).toBe(1);
    expect(lines).toHaveLength(7);
  });

  it('rejects anything but a description with E_ARG', () => {
    expect(() => formatGraph({} as never)).toThrow(/GraphDescription .* received object Object/);
    expect(() => formatGraph(VDSR_PAPER as never)).toThrow(expect.objectContaining({ code: 'E_ARG' }));
  });
});
