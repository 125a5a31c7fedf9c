import { listBackends, resolveBackend } from '@vdsr/core';
import { describe, expect, it } from 'vitest';

describe('package entries', () => {
  it("register webgpu on import (18 in Node, 25 in browsers); on a software adapter 'auto' ranks it at 5, above the reference", async () => {
    expect(listBackends().map((b) => b.name)).not.toContain('webgpu');
    const node = await import('./node.js');
    const web = await import('./web.js');
    expect(listBackends()).toEqual([
      { name: 'webgpu', priority: 18 },
      { name: 'reference', priority: 0 },
    ]);
    expect(await resolveBackend('webgpu')).toBe(node.webgpuBackend);
    expect(await resolveBackend()).toBe(node.webgpuBackend);
    // Node has no navigator.gpu: the web entry's backend says why.
    expect(await web.webgpuBackend.isAvailable()).toMatchObject({ available: false });
    expect(Object.keys(node).sort()).toEqual(Object.keys(web).sort());
  });
});
