import { onnxruntimeBackend } from './node-backend.js';
import { describeOrtBackend } from './ort-backend.cases.js';

describeOrtBackend(onnxruntimeBackend, 2);
