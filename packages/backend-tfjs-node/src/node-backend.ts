import { createTfjsBackend, type Tf } from '@vdsr/backend-tfjs';
import type { Backend } from '@vdsr/core/backend';

/** A variable, so that TypeScript and bundlers leave this optional peer alone until it is loaded. */
const TFJS_NODE = '@tensorflow/tfjs-node';

/**
 * Loads @tensorflow/tfjs-node, which registers tfjs's 'tensorflow' backend (libtensorflow through a
 * native binding). Its install script downloads libtensorflow, so where that could not run the
 * package or its binding is missing: the error says so and how to get it.
 */
export async function loadTfjsNode(load: (id: string) => Promise<unknown> = (id) => import(id)): Promise<Tf> {
  try {
    const module = (await load(TFJS_NODE)) as { default?: Tf } & Tf;
    // A CommonJS package: its namespace is module.exports, found on `default` when imported as ESM.
    return module.default ?? module;
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(
      `${TFJS_NODE} is not installed or its native binding did not load (${why}); install it next to ` +
        `@vdsr/backend-tfjs-node with \`npm install ${TFJS_NODE}\` (its install script downloads libtensorflow)`,
      { cause: error },
    );
  }
}

/** VDSR on @tensorflow/tfjs-node's native 'tensorflow' backend, through the shared tfjs graph. */
export const tfjsNodeBackend: Backend = createTfjsBackend({
  name: 'tfjs-node',
  tf: () => loadTfjsNode(),
  tfjsBackend: 'tensorflow',
});
