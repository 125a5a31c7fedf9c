import { spawn } from 'node:child_process';

/**
 * The environment as a user's shell has it: without what pnpm and the test runner set for their own
 * children (NODE_PATH would let Node find packages in this workspace that the project lacks; npm_*
 * and pnpm_* settings would steer npm).
 */
function userEnv(): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => key !== 'NODE_PATH' && !/^(npm|pnpm)_/i.test(key)),
  );
}

/** Runs a command without a shell, stdout and stderr together; rejects with the output if it fails. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string>; timeoutMs?: number },
): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...userEnv(), ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 300_000,
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolvePromise(output);
      else {
        const how = signal ? `was killed by ${signal}` : `exited with ${code}`;
        reject(new Error(`${command} ${args.join(' ')} ${how} in ${options.cwd}:\n${output}`));
      }
    });
  });
}
