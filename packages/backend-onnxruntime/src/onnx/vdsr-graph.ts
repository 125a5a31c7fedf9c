import { assertWeights, describeGraph, type VdsrWeights } from '@vdsr/core/backend';
import { encodeOnnxModel, type OnnxGraph, type OnnxNode, type OnnxTensor } from './model.js';

/** The graph's input: a batch of luma tiles, Y / 255, shape [N, 1, H, W]. */
export const VDSR_INPUT = 'y';
/** The graph's output: the input plus the predicted residual, same shape. */
export const VDSR_OUTPUT = 'y_out';

/**
 * The VDSR network as an ONNX graph, laid out by the core's describeGraph (the one description every
 * backend builds from) and filled with the weights: per layer a Conv with its zero padding and bias,
 * a Relu where the description says so, then the residual: an Add of the input to the last output.
 * Initializers keep the weights file's tensor names (`layers.{i}.weight`, `layers.{i}.bias`).
 */
export function vdsrOnnxGraph(weights: VdsrWeights): OnnxGraph {
  assertWeights(weights);
  const { layers } = describeGraph(weights.architecture);
  const nodes: OnnxNode[] = [];
  const initializers: OnnxTensor[] = [];
  let current = VDSR_INPUT;
  for (const { index, inChannels, outChannels, kernelSize: k, padding: p, activation } of layers) {
    const { weight, bias } = weights.layers[index]!;
    const names = { weight: `layers.${index}.weight`, bias: `layers.${index}.bias` };
    initializers.push({ name: names.weight, dims: [outChannels, inChannels, k, k], data: weight });
    initializers.push({ name: names.bias, dims: [outChannels], data: bias });
    const conv = `conv${index}`;
    nodes.push({
      opType: 'Conv',
      name: conv,
      inputs: [current, names.weight, names.bias],
      outputs: [conv],
      attributes: { kernel_shape: [k, k], pads: [p, p, p, p] },
    });
    current = conv;
    if (activation === 'relu') {
      current = `relu${index}`;
      nodes.push({ opType: 'Relu', name: current, inputs: [conv], outputs: [current] });
    }
  }
  nodes.push({ opType: 'Add', name: 'residual', inputs: [VDSR_INPUT, current], outputs: [VDSR_OUTPUT] });
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
