import type { Backend, BackendSession, SessionOptions } from '../backend.js';
import { argError, VdsrError } from '../errors.js';
import { referenceBackend } from '../reference/backend.js';
import type { VdsrWeights } from '../weights/types.js';
import { assertSessionOptions } from './args.js';

export type BackendFactory = () => Backend | Promise<Backend>;

interface Entry {
  readonly name: string;
  readonly priority: number;
  readonly factory: BackendFactory;
  /** The factory's backend, once it has made one; failures are not kept, so a later call may retry. */
  backend?: Promise<Backend>;
}

// The reference backend is always there, at the lowest default priority: adapters register above it.
const entries = new Map<string, Entry>([
  ['reference', { name: 'reference', priority: 0, factory: () => referenceBackend }],
]);

/**
 * Makes a backend available to resolveBackend, createSession and createUpscaler under `name`. The
 * factory runs on first use, so registering costs nothing (an adapter can import its engine lazily).
 * Registering a name again replaces the earlier entry.
 */
export function registerBackend(name: string, factory: BackendFactory, priority = 0): void {
  if (typeof name !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/i.test(name) || name === 'auto') {
    throw argError('name', "a backend name of letters, digits, '.', '_' or '-' (not 'auto')", name);
  }
  if (typeof factory !== 'function') throw argError('factory', 'a function returning a Backend', factory);
  if (typeof priority !== 'number' || !Number.isFinite(priority)) {
    throw argError('priority', 'a finite number', priority);
  }
  entries.set(name, { name, priority, factory });
}

/** Registered backends, highest priority first (ties by name); nothing is instantiated. */
export function listBackends(): { name: string; priority: number }[] {
  return ordered().map(({ name, priority }) => ({ name, priority }));
}

function ordered(): Entry[] {
  return [...entries.values()].sort((a, b) => b.priority - a.priority || (a.name < b.name ? -1 : 1));
}

async function instantiate(entry: Entry): Promise<Backend> {
  entry.backend ??= Promise.resolve()
    .then(entry.factory)
    .then((backend) => {
      if (typeof backend?.isAvailable !== 'function' || typeof backend.createSession !== 'function') {
        throw new Error('its factory did not return a Backend (isAvailable and createSession)');
      }
      return backend;
    });
  try {
    return await entry.backend;
  } catch (error) {
    entry.backend = undefined;
    throw error;
  }
}

/** The backend if it can run here, else the reason it cannot. */
async function tryBackend(entry: Entry): Promise<Backend | string> {
  try {
    const backend = await instantiate(entry);
    const { available, reason } = await backend.isAvailable();
    return available ? backend : (reason ?? 'it reports itself unavailable');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * A backend by name, or with 'auto' the highest-priority one that is available here. Throws E_BACKEND
 * naming the registered backends for an unknown name, saying why a named one is unavailable, or (for
 * 'auto') listing every backend tried and why each failed.
 */
export async function resolveBackend(name = 'auto'): Promise<Backend> {
  if (typeof name !== 'string' || name === '') throw argError('backend', "a backend name or 'auto'", name);
  if (name !== 'auto') {
    const entry = entries.get(name);
    if (!entry) {
      const known = listBackends().map((b) => b.name);
      throw new VdsrError('E_BACKEND', `Unknown backend '${name}'; registered backends: ${known.join(', ')}`);
    }
    const result = await tryBackend(entry);
    if (typeof result === 'string')
      throw new VdsrError('E_BACKEND', `Backend '${name}' is not available: ${result}`);
    return result;
  }
  const failures: string[] = [];
  for (const entry of ordered()) {
    const result = await tryBackend(entry);
    if (typeof result !== 'string') return result;
    failures.push(`${entry.name} (${result})`);
  }
  throw new VdsrError('E_BACKEND', `No backend is available; tried: ${failures.join('; ')}`);
}

export interface CreateSessionOptions extends SessionOptions {
  /** A registered backend's name, or 'auto' (the default) for the best available one. */
  backend?: string;
}

/** Resolves a backend (see resolveBackend) and opens a session of `weights` on it. */
export async function createSession(
  weights: VdsrWeights,
  options: CreateSessionOptions = {},
): Promise<BackendSession> {
  assertSessionOptions(options);
  const { backend: name = 'auto', ...sessionOptions } = options;
  const backend = await resolveBackend(name);
  try {
    return await backend.createSession(weights, sessionOptions);
  } catch (error) {
    if (error instanceof VdsrError) throw error;
    throw new VdsrError(
      'E_BACKEND',
      `Backend '${backend.name}' failed to create a session: ${String(error)}`,
      {
        cause: error,
      },
    );
  }
}
