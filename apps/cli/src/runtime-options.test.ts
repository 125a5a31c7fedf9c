import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createRandomWeights,
  listBackends,
  referenceBackend,
  registerBackend,
  type SessionOptions,
  serializeWeights,
  unregisterBackend,
} from '@vdsr/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCommandHelp, UsageError } from './command.js';
import { compareCommand } from './commands/compare.js';
import { evalCommand } from './commands/eval.js';
import { upscaleCommand } from './commands/upscale.js';
import { sessionOptionsFrom, upscalerFromOptions } from './runtime-options.js';
import { makeTempDir, TINY_NETWORK } from './test-support/harness.js';

const received: SessionOptions[] = [];
let dir: string;
let remove: () => Promise<void>;
let weights: string;
beforeAll(async () => {
  ({ path: dir, remove } = await makeTempDir());
  weights = join(dir, 'tiny.safetensors');
  await writeFile(
    weights,
    await serializeWeights(createRandomWeights(1, TINY_NETWORK), { dtype: 'F32', provenance: {} }),
  );
  registerBackend('options-spy', () => ({
    name: 'options-spy',
    isAvailable: () => referenceBackend.isAvailable(),
    createSession(w, options) {
      received.push({ ...options });
      return referenceBackend.createSession(w, options);
    },
  }));
});
afterAll(async () => {
  unregisterBackend('options-spy');
  await remove();
});

describe('--backend', () => {
  it("lists the registry's backends in every command's help, as registered when help is shown", () => {
    for (const command of [upscaleCommand, evalCommand, compareCommand]) {
      const line = formatCommandHelp(command)
        .split('\n')
        .find((l) => l.includes('--backend NAME'))!;
      expect(line, command.name).toContain(['auto', ...listBackends().map((b) => b.name)].join(', '));
      expect(line, command.name).toContain('options-spy');
    }
  });
});

describe('--backend-option', () => {
  it('reads KEY=VALUE as JSON when it parses, else as a string, next to --threads', () => {
    expect(
      sessionOptionsFrom({
        threads: '2',
        'backend-option': ['count=3', 'name=gpu', 'list=["a","b"]', 'flag=true', 'empty=', 'text="7"'],
      }),
    ).toEqual({ threads: 2, count: 3, name: 'gpu', list: ['a', 'b'], flag: true, empty: '', text: '7' });
    expect(sessionOptionsFrom({})).toEqual({});
  });

  it('refuses malformed entries, repeated keys and keys that have their own flag', () => {
    for (const entries of [
      ['novalue'],
      ['=1'],
      ['a=1', 'a=2'],
      ['backend=x'],
      ['weights=y'],
      ['ensemble=8'],
    ]) {
      expect(() => sessionOptionsFrom({ 'backend-option': entries }), entries.join(' ')).toThrow(UsageError);
    }
    expect(() => sessionOptionsFrom({ threads: '2', 'backend-option': ['threads=3'] })).toThrow(UsageError);
    expect(() => sessionOptionsFrom({ 'backend-option': ['ensemble=8'] })).toThrow(
      'Expected --ensemble instead of --backend-option ensemble=...',
    );
  });

  it('reaches the backend through createUpscaler', async () => {
    const upscaler = await upscalerFromOptions({
      weights,
      backend: 'options-spy',
      threads: '1',
      'backend-option': ['powerPreference=high-performance', 'limits={"tile":64}'],
    });
    await upscaler.dispose();
    expect(received).toEqual([{ threads: 1, powerPreference: 'high-performance', limits: { tile: 64 } }]);
  });
});
