import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';

/**
 * The error Node itself throws on importing `name` where it is not installed: a fresh Node in the
 * temporary directory (not this workspace, and without the NODE_PATH a test runner may set).
 */
export function notInstalled(name: string): Error {
  const script = `import(${JSON.stringify(name)}).then(() => console.log('{}'), (e) => console.log(JSON.stringify({ code: e.code, message: e.message })))`;
  const output = execFileSync(process.execPath, ['-e', script], { cwd: tmpdir(), env: {}, encoding: 'utf8' });
  const { code, message } = JSON.parse(output) as { code?: string; message?: string };
  if (!message) throw new Error(`${name} is installed where this test expected none`);
  return Object.assign(new Error(message), { code });
}
