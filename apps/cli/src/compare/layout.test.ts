import { describe, expect, it } from 'vitest';
import { columnLeft, compareLayout, defaultCrop } from './layout.js';
import { overlaySvg } from './overlay.js';

describe('compare layout', () => {
  it('defaults to a centred square a quarter of the shorter side', () => {
    expect(defaultCrop(200, 100)).toEqual({ x: 87, y: 37, width: 25, height: 25 });
    expect(defaultCrop(6, 20)).toEqual({ x: 0, y: 7, width: 6, height: 6 });
  });

  it('places columns side by side and the enlarged crop, which fits its column, below', () => {
    const layout = compareLayout(4, 120, 80, { x: 10, y: 10, width: 30, height: 20 });
    expect(layout.zoom).toBe(4);
    expect(columnLeft(layout, 3)).toBe(3 * (120 + layout.gap));
    expect(layout.width).toBe(4 * 120 + 3 * layout.gap);
    expect(layout.zoomTop).toBe(layout.labelHeight + 80 + layout.gap);
    expect(layout.height).toBe(layout.zoomTop + 20 * 4);
    expect(layout.zoomLeft + 30 * layout.zoom).toBeLessThanOrEqual(120);
  });

  it('draws each label, escaped, and two outlines per column', () => {
    const layout = compareLayout(2, 64, 64, defaultCrop(64, 64));
    const svg = overlaySvg(layout, [{ title: 'A & B', detail: '30.00 dB' }, { title: '<orig>' }]);
    expect(svg).toContain('>A &#38; B</text>');
    expect(svg).toContain('>&#60;orig&#62;</text>');
    expect(svg).toContain('>30.00 dB</text>');
    expect(svg.match(/<rect /g)).toHaveLength(4);
    expect(svg).toMatch(new RegExp(`^<svg [^>]*width="${layout.width}" height="${layout.height}"`));
  });
});
