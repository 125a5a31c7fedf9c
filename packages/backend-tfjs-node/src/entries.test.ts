import { listBackends } from '@vdsr/core';
import { describe, expect, it } from 'vitest';

describe('package entry', () => {
  it("registers 'tfjs-node' at 15 on import, between onnxruntime (20) and onnxruntime-web (10)", async () => {
    expect(listBackends().map((b) => b.name)).not.toContain('tfjs-node');
    const entry = await import('./index.js');
    expect(listBackends()).toEqual([
      { name: 'tfjs-node', priority: 15 },
      { name: 'reference', priority: 0 },
    ]);
    expect(Object.keys(entry).sort()).toEqual(['createTfjsBackend', 'loadTfjsNode', 'tfjsNodeBackend']);
  });
});
