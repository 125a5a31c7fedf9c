import { VdsrError } from '@vdsr/core';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { encodeOnnxModel, type OnnxModel } from './model.js';

// x [M, 3] times a constant [3, 2]: small enough to check by hand, with one symbolic dimension.
const matmul: OnnxModel = {
  graph: {
    name: 'matmul',
    nodes: [{ opType: 'MatMul', name: 'mm', inputs: ['x', 'b'], outputs: ['z'] }],
    initializers: [{ name: 'b', dims: [3, 2], data: Float32Array.of(1, 2, 3, 4, 5, 0.1) }],
    inputs: [{ name: 'x', shape: ['M', 3] }],
    outputs: [{ name: 'z', shape: ['M', 2] }],
  },
  metadata: { note: 'hand-checked' },
};

function expectArgError(run: () => unknown, message: string) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(VdsrError);
    expect((error as VdsrError).code).toBe('E_ARG');
    expect((error as VdsrError).message).toBe(message);
    return;
  }
  expect.fail('expected an E_ARG error');
}

describe('encodeOnnxModel', () => {
  it('encodes a model onnxruntime loads, with a symbolic dimension and float initializers', async () => {
    const session = await ort.InferenceSession.create(encodeOnnxModel(matmul));
    expect(session.inputNames).toEqual(['x']);
    expect(session.outputNames).toEqual(['z']);
    for (const rows of [1, 2]) {
      const x = Float32Array.from({ length: rows * 3 }, (_, i) => i + 1); // [[1, 2, 3], [4, 5, 6]]
      const { z } = await session.run({ x: new ort.Tensor('float32', x, [rows, 3]) });
      expect(z!.dims).toEqual([rows, 2]);
      // [1 2 3] . [[1 2] [3 4] [5 0.1]] = [1+6+15, 2+8+0.3]; [4 5 6] -> [4+15+30, 8+20+0.6]
      const expected = [22, 10.3, 49, 28.6].slice(0, rows * 2);
      Array.from(z!.data as Float32Array).forEach((v, i) => {
        expect(v).toBeCloseTo(expected[i]!, 5);
      });
    }
    await session.release();
  });

  it('encodes integer and integer-list attributes', async () => {
    // A 2x2 max pool with stride 2 over a 1x1x4x4 ramp keeps each block's bottom-right value.
    const pool = await ort.InferenceSession.create(
      encodeOnnxModel({
        graph: {
          name: 'pool',
          nodes: [
            {
              opType: 'MaxPool',
              name: 'pool',
              inputs: ['x'],
              outputs: ['y'],
              attributes: { kernel_shape: [2, 2], strides: [2, 2], ceil_mode: 0 },
            },
          ],
          initializers: [],
          inputs: [{ name: 'x', shape: [1, 1, 4, 4] }],
          outputs: [{ name: 'y', shape: [1, 1, 2, 2] }],
        },
      }),
    );
    const x = Float32Array.from({ length: 16 }, (_, i) => i);
    const { y } = await pool.run({ x: new ort.Tensor('float32', x, [1, 1, 4, 4]) });
    expect(Array.from(y!.data as Float32Array)).toEqual([5, 7, 13, 15]);
    await pool.release();
  });

  it('stores floats little-endian in raw_data', () => {
    const bytes = encodeOnnxModel(matmul);
    const raw = Buffer.from(new Float32Array([1, 2, 3, 4, 5, 0.1]).buffer);
    // This host is little-endian, so the stored bytes match the array's own.
    expect(Buffer.from(bytes).indexOf(raw)).toBeGreaterThan(0);
  });

  it('says which part of the model is wrong', () => {
    const graph = matmul.graph;
    expectArgError(
      () => encodeOnnxModel(null as never),
      'Expected an ONNX model object for model but received null',
    );
    expectArgError(
      () => encodeOnnxModel({ graph: { ...graph, nodes: 'x' as never } }),
      "Expected an array for model.graph.nodes but received string 'x'",
    );
    expectArgError(
      () => encodeOnnxModel({ graph: { ...graph, nodes: [{ ...graph.nodes[0]!, opType: '' }] } }),
      "Expected a non-empty string for model.graph.nodes[0].opType but received string ''",
    );
    expectArgError(
      () =>
        encodeOnnxModel({
          graph: { ...graph, nodes: [{ ...graph.nodes[0]!, attributes: { pads: [1, -1] } }] },
        }),
      'Expected a non-negative integer for model.graph.nodes[0].attributes.pads[1] but received number -1',
    );
    expectArgError(
      () =>
        encodeOnnxModel({
          graph: { ...graph, initializers: [{ name: 'b', dims: [3, 2], data: new Float32Array(5) }] },
        }),
      'Expected a Float32Array of length 6 (dims 3 x 2) for model.graph.initializers[0].data but received Float32Array of length 5',
    );
    expectArgError(
      () => encodeOnnxModel({ graph: { ...graph, inputs: [{ name: 'x', shape: [1.5, 3] }] } }),
      'Expected a non-negative integer for model.graph.inputs[0].shape[0] but received number 1.5',
    );
    expectArgError(
      () => encodeOnnxModel({ graph, metadata: { note: 3 as never } }),
      'Expected a string for model.metadata.note but received number 3',
    );
  });
});
