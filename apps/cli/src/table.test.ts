import { describe, expect, it } from 'vitest';
import { formatTable } from './table.js';

describe('formatTable', () => {
  it('pads columns to their widest cell and aligns them as asked', () => {
    const text = formatTable(
      ['image', 'PSNR'],
      [
        ['baby', '33.91'],
        ['butterfly', '7.1'],
      ],
      ['left', 'right'],
    );
    expect(text.split('\n')).toEqual([
      'image       PSNR',
      '---------  -----',
      'baby       33.91',
      'butterfly    7.1',
    ]);
  });
});
