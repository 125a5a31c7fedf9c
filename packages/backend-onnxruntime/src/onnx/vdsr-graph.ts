import { assertWeights, type VdsrWeights } from '@vdsr/core';
import { encodeOnnxModel, type OnnxGraph, type OnnxNode, type OnnxTensor } from './model.js';

/** The graph's input: a batch of luma tiles, Y / 255, shape [N, 1, H, W]. */
export const VDSR_INPUT = 'y';
/** The graph's output: the input plus the predicted residual, same shape. */
export const VDSR_OUTPUT = 'y_out';

/**
 * The VDSR network as an ONNX graph: per layer a Conv (zero padding k/2, bias), a Relu after every
 * layer but the last, then an Add of the input. Initializers keep the weights file's tensor names
 * (`layers.{i}.weight`, `layers.{i}.bias`), so the two can be compared name by name.
 */
export function vdsrOnnxGraph(weights: VdsrWeights): OnnxGraph {
  assertWeights(weights);
  const { layers } = weights;
  const nodes: OnnxNode[] = [];
  const initializers: OnnxTensor[] = [];
  let current = VDSR_INPUT;
  layers.forEach((layer, i) => {
    const { inChannels, outChannels, kernelSize: k } = layer;
    const weight = `layers.${i}.weight`;
    const bias = `layers.${i}.bias`;
    initializers.push({ name: weight, dims: [outChannels, inChannels, k, k], data: layer.weight });
    initializers.push({ name: bias, dims: [outChannels], data: layer.bias });
    const last = i === layers.length - 1;
    const conv = last ? 'residual' : `conv${i}`;
    const pad = (k - 1) / 2;
    nodes.push({
      opType: 'Conv',
      name: `conv${i}`,
      inputs: [current, weight, bias],
      outputs: [conv],
      attributes: { kernel_shape: [k, k], pads: [pad, pad, pad, pad] },
    });
    current = conv;
    if (!last) {
      current = `relu${i}`;
      nodes.push({ opType: 'Relu', name: current, inputs: [conv], outputs: [current] });
    }
  });
  nodes.push({ opType: 'Add', name: 'add_input', inputs: [VDSR_INPUT, current], outputs: [VDSR_OUTPUT] });
  const shape = ['N', 1, 'H', 'W'];
  return {
    name: 'vdsr',
    nodes,
    initializers,
    inputs: [{ name: VDSR_INPUT, shape }],
    outputs: [{ name: VDSR_OUTPUT, shape }],
  };
}

/**
 * The VDSR network as ONNX model bytes (IR 8, opset 17) with dynamic batch, height and width, built
 * from the same weights the core reads. Write them to a `.onnx` file to use the network elsewhere.
 */
export function buildVdsrOnnxModel(weights: VdsrWeights): Uint8Array {
  return encodeOnnxModel({
    graph: vdsrOnnxGraph(weights),
    metadata: {
      'vdsr.architecture': JSON.stringify(weights.architecture),
      'vdsr.content_sha256': weights.contentHash,
    },
  });
}
