// Every backend the demo offers registers itself with the core on import: one line per package.
// The picker lists whatever is registered (the core's own reference backend included), and 'auto'
// ranks them by what this browser has: a GPU backend on a software renderer ranks below wasm.
import '@vdsr/backend-onnxruntime';
import '@vdsr/backend-tfjs-webgl';
import '@vdsr/backend-webgpu';
