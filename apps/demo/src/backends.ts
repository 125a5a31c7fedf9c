// Every backend the demo offers registers itself with the core on import: one line per package.
// The picker lists whatever is registered (the core's own reference backend included).
import '@vdsr/backend-onnxruntime';
