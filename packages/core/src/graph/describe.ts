import { VDSR_PAPER, type VdsrArchitecture } from './architecture.js';
import { validateArchitecture } from './validate.js';

/** One convolution of the network: `weight` is [out][in][k][k], then a bias per output channel. */
export interface GraphLayer {
  readonly index: number;
  readonly op: 'conv';
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernelSize: number;
  /** Zero padding on every side, so each layer keeps the spatial size. */
  readonly padding: number;
  readonly activation: 'relu' | 'none';
  /** Weights plus biases. */
  readonly parameters: number;
  /** 2 x the multiply-accumulates per output pixel. */
  readonly flopsPerPixel: number;
}

/** The skip connection: the network's input is added to the output of layer `afterLayer`. */
export interface GraphResidual {
  readonly op: 'add';
  readonly afterLayer: number;
}

export interface GraphDescription {
  readonly architecture: VdsrArchitecture;
  readonly layers: readonly GraphLayer[];
  readonly residual: GraphResidual;
  /** Learnable parameters, biases included. */
  readonly parameters: number;
  /** Side of the input square that one output pixel depends on. */
  readonly receptiveField: number;
  /** Pixels of context needed on each side of a tile: (receptiveField - 1) / 2. */
  readonly receptiveRadius: number;
  /**
   * Floating-point operations per output pixel, counting each convolution multiply-accumulate as
   * 2. Bias adds, ReLUs and the residual add are not counted (about 0.1% more for the paper's net).
   */
  readonly flopsPerPixel: number;
}

/** The layer-by-layer shape of a VDSR network, the single description every backend builds from. */
export function describeGraph(arch: VdsrArchitecture = VDSR_PAPER): GraphDescription {
  const architecture = validateArchitecture(arch);
  const { depth, channels, kernelSize: k } = architecture;
  const padding = (k - 1) / 2;
  const layers: GraphLayer[] = [];
  for (let index = 0; index < depth; index++) {
    const inChannels = index === 0 ? 1 : channels;
    const outChannels = index === depth - 1 ? 1 : channels;
    const macs = inChannels * outChannels * k * k;
    layers.push(
      Object.freeze({
        index,
        op: 'conv',
        inChannels,
        outChannels,
        kernelSize: k,
        padding,
        activation: index === depth - 1 ? 'none' : 'relu',
        parameters: macs + outChannels,
        flopsPerPixel: 2 * macs,
      }),
    );
  }
  // Each layer widens what one output pixel sees by `padding` on every side.
  const receptiveRadius = depth * padding;
  return Object.freeze({
    architecture,
    layers: Object.freeze(layers),
    residual: Object.freeze({ op: 'add', afterLayer: depth - 1 }),
    parameters: layers.reduce((s, l) => s + l.parameters, 0),
    receptiveField: 2 * receptiveRadius + 1,
    receptiveRadius,
    flopsPerPixel: layers.reduce((s, l) => s + l.flopsPerPixel, 0),
  });
}
