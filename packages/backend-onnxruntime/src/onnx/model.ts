import { argError } from '@vdsr/core/backend';
import { ProtoWriter } from './protobuf.js';

/** ONNX IR version 8 (ONNX 1.10+): understood by every onnxruntime since 1.10. */
export const ONNX_IR_VERSION = 8;
/** Default-domain opset: Conv, Relu, Add and MatMul are unchanged since well before it. */
export const ONNX_OPSET = 17;

/** A float32 constant of the graph (a weight or a bias). */
export interface OnnxTensor {
  readonly name: string;
  readonly dims: readonly number[];
  readonly data: Float32Array;
}

/** A float32 graph input or output; a string dimension is symbolic, so any size is accepted there. */
export interface OnnxValueInfo {
  readonly name: string;
  readonly shape: readonly (number | string)[];
}

export interface OnnxNode {
  readonly opType: string;
  readonly name: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** Integer (INT) or integer-list (INTS) attributes, e.g. Conv's `pads`. */
  readonly attributes?: Readonly<Record<string, number | readonly number[]>>;
}

export interface OnnxGraph {
  readonly name: string;
  readonly nodes: readonly OnnxNode[];
  readonly initializers: readonly OnnxTensor[];
  readonly inputs: readonly OnnxValueInfo[];
  readonly outputs: readonly OnnxValueInfo[];
}

export interface OnnxModel {
  readonly graph: OnnxGraph;
  /** Stored as the model's metadata_props. */
  readonly metadata?: Readonly<Record<string, string>>;
}

const FLOAT = 1; // TensorProto.DataType.FLOAT
const ATTRIBUTE_INT = 2; // AttributeProto.AttributeType.INT
const ATTRIBUTE_INTS = 7; // AttributeProto.AttributeType.INTS

/**
 * Encodes a float32 ONNX model (ModelProto, IR version 8, default-domain opset 17) as protobuf
 * bytes ready for `InferenceSession.create` or a `.onnx` file.
 */
export function encodeOnnxModel(model: OnnxModel): Uint8Array {
  if (typeof model !== 'object' || model === null) throw argError('model', 'an ONNX model object', model);
  const graph = model.graph;
  if (typeof graph !== 'object' || graph === null) throw argError('model.graph', 'a graph object', graph);
  const metadata = model.metadata ?? {};
  if (typeof metadata !== 'object' || metadata === null) {
    throw argError('model.metadata', 'an object of strings', metadata);
  }
  const w = new ProtoWriter();
  w.varint(1, ONNX_IR_VERSION); // ir_version
  w.string(2, '@vdsr/backend-onnxruntime'); // producer_name
  w.message(7, (g) => writeGraph(g, graph)); // graph
  w.message(8, (o) => o.string(1, '').varint(2, ONNX_OPSET)); // opset_import: domain, version
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value !== 'string') throw argError(`model.metadata.${key}`, 'a string', value);
    w.message(14, (e) => e.string(1, key).string(2, value)); // metadata_props
  }
  return w.finish();
}

function writeGraph(w: ProtoWriter, graph: OnnxGraph): void {
  w.string(2, checkName(graph.name, 'model.graph.name'));
  checkList(graph.nodes, 'model.graph.nodes').forEach((node, i) => {
    w.message(1, (n) => writeNode(n, node, `model.graph.nodes[${i}]`));
  });
  checkList(graph.initializers, 'model.graph.initializers').forEach((tensor, i) => {
    w.message(5, (t) => writeTensor(t, tensor, `model.graph.initializers[${i}]`));
  });
  checkList(graph.inputs, 'model.graph.inputs').forEach((value, i) => {
    w.message(11, (v) => writeValueInfo(v, value, `model.graph.inputs[${i}]`));
  });
  checkList(graph.outputs, 'model.graph.outputs').forEach((value, i) => {
    w.message(12, (v) => writeValueInfo(v, value, `model.graph.outputs[${i}]`));
  });
}

function writeNode(w: ProtoWriter, node: OnnxNode, path: string): void {
  checkObject(node, path);
  checkList(node.inputs, `${path}.inputs`).forEach((name, i) => {
    w.string(1, checkName(name, `${path}.inputs[${i}]`));
  });
  checkList(node.outputs, `${path}.outputs`).forEach((name, i) => {
    w.string(2, checkName(name, `${path}.outputs[${i}]`));
  });
  w.string(3, checkName(node.name, `${path}.name`));
  w.string(4, checkName(node.opType, `${path}.opType`));
  for (const [name, value] of Object.entries(node.attributes ?? {})) {
    const at = `${path}.attributes.${name}`;
    w.message(5, (a) => {
      a.string(1, name);
      if (Array.isArray(value)) {
        value.forEach((v, i) => {
          a.varint(8, checkCount(v, `${at}[${i}]`)); // ints
        });
        a.varint(20, ATTRIBUTE_INTS);
      } else {
        a.varint(3, checkCount(value, at)); // i
        a.varint(20, ATTRIBUTE_INT);
      }
    });
  }
}

function writeTensor(w: ProtoWriter, tensor: OnnxTensor, path: string): void {
  checkObject(tensor, path);
  const dims = checkList(tensor.dims, `${path}.dims`);
  let elements = 1;
  dims.forEach((d, i) => {
    w.varint(1, checkCount(d, `${path}.dims[${i}]`));
    elements *= d;
  });
  w.varint(2, FLOAT); // data_type
  w.string(8, checkName(tensor.name, `${path}.name`));
  const { data } = tensor;
  if (!(data instanceof Float32Array) || data.length !== elements) {
    throw argError(`${path}.data`, `a Float32Array of length ${elements} (dims ${dims.join(' x ')})`, data);
  }
  w.bytes(9, littleEndian(data)); // raw_data
}

function writeValueInfo(w: ProtoWriter, value: OnnxValueInfo, path: string): void {
  checkObject(value, path);
  w.string(1, checkName(value.name, `${path}.name`));
  const shape = checkList(value.shape, `${path}.shape`);
  // type { tensor_type { elem_type, shape { dim { dim_value | dim_param } } } }
  w.message(2, (type) =>
    type.message(1, (tensorType) => {
      tensorType.varint(1, FLOAT);
      tensorType.message(2, (s) => {
        shape.forEach((d, i) => {
          s.message(1, (dim) => {
            if (typeof d === 'string') dim.string(2, checkName(d, `${path}.shape[${i}]`));
            else dim.varint(1, checkCount(d, `${path}.shape[${i}]`));
          });
        });
      });
    }),
  );
}

// raw_data is little-endian whatever the host's byte order.
function littleEndian(data: Float32Array): Uint8Array {
  const bytes = new Uint8Array(data.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < data.length; i++) view.setFloat32(i * 4, data[i]!, true);
  return bytes;
}

function checkObject(value: unknown, path: string): void {
  if (typeof value !== 'object' || value === null) throw argError(path, 'an object', value);
}

function checkList<T>(value: readonly T[], path: string): readonly T[] {
  if (!Array.isArray(value)) throw argError(path, 'an array', value);
  return value;
}

function checkName(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0) throw argError(path, 'a non-empty string', value);
  return value;
}

function checkCount(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw argError(path, 'a non-negative integer', value);
  }
  return value;
}
