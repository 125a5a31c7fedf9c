// Runs an exported weights file through @vdsr/core's reference backend (the TypeScript side of the
// contract): node run_reference.mjs WEIGHTS INPUT.f32 WIDTH HEIGHT OUTPUT.f32
import { readFile, writeFile } from 'node:fs/promises';
import { parseWeights, referenceBackend } from '../../packages/core/dist/index.js';

const [weightsPath, inputPath, width, height, outputPath] = process.argv.slice(2);
const weights = await parseWeights(await readFile(weightsPath));
const input = new Float32Array((await readFile(inputPath)).buffer.slice(0));
const session = await referenceBackend.createSession(weights);
const output = await session.run(input, Number(width), Number(height));
await session.dispose();
await writeFile(outputPath, Buffer.from(output.buffer, output.byteOffset, output.byteLength));
