/** The hyper-parameters that fix a VDSR network's shape. */
export interface VdsrArchitecture {
  readonly name: 'vdsr';
  /** Convolution layers, first and last included (the paper: 20). */
  readonly depth: number;
  /** Feature channels of the hidden layers (the paper: 64). */
  readonly channels: number;
  /** Square kernel size (the paper: 3). */
  readonly kernelSize: number;
  /** The network predicts a residual that is added to its input. */
  readonly residual: true;
}

export const VDSR_PAPER: VdsrArchitecture = Object.freeze({
  name: 'vdsr',
  depth: 20,
  channels: 64,
  kernelSize: 3,
  residual: true,
});
