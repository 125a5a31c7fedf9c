import type { Backend, BackendSession, SessionOptions } from '../backend.js';
import { argError, isVdsrError, VdsrError } from '../errors.js';
import type { VdsrWeights } from '../weights/types.js';
import { assertSessionOptions } from './args.js';

export type BackendFactory = () => Backend | Promise<Backend>;

export interface RegisterOptions {
  /** Replace a different backend already registered under the name (default false: that throws). */
  replace?: boolean;
  /**
   * Who registers (a package name). The same source registering the same name again is a no-op:
   * that is one package loaded twice, as ESM by one importer and CJS by another.
   */
  source?: string;
}

interface Entry {
  readonly name: string;
  readonly priority: number;
  readonly factory: BackendFactory;
  readonly source?: string;
  /** The factory's backend, once it has made one; failures are not kept, so a later call may retry. */
  backend?: Promise<Backend>;
}

// One registry per JavaScript realm, on globalThis: the ESM and CJS builds of the core (and two
// bundled copies) must see the same backends, or 'auto' misses an adapter registered through the other.
const KEY: unique symbol = Symbol.for('@vdsr/core/registry@1');
const shared = globalThis as { [KEY]?: Map<string, Entry> };
shared[KEY] ??= new Map<string, Entry>();
const entries = shared[KEY];

/**
 * Makes a backend available to resolveBackend, createSession and createUpscaler under `name`. The
 * factory runs on first use, so registering costs nothing (an adapter can import its engine lazily).
 * A priority below 0 means 'auto' never picks it; it runs only when asked for by name. A name that
 * is taken throws E_ARG, unless `replace` is set or the same `source` registers it again.
 */
export function registerBackend(
  name: string,
  factory: BackendFactory,
  priority = 0,
  options: RegisterOptions = {},
): void {
  if (typeof name !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/i.test(name) || name === 'auto') {
    throw argError('name', "a backend name of letters, digits, '.', '_' or '-' (not 'auto')", name);
  }
  if (typeof factory !== 'function') throw argError('factory', 'a function returning a Backend', factory);
  if (typeof priority !== 'number' || !Number.isFinite(priority)) {
    throw argError('priority', 'a finite number', priority);
  }
  if (typeof options !== 'object' || options === null) throw argError('options', 'an object', options);
  const { replace = false, source } = options;
  if (source !== undefined && typeof source !== 'string')
    throw argError('options.source', 'a string', source);
  const taken = entries.get(name);
  if (taken && !replace) {
    if (taken.factory === factory || (source !== undefined && taken.source === source)) return;
    throw new VdsrError(
      'E_ARG',
      `A different backend is already registered as '${name}'${taken.source ? ` by ${taken.source}` : ''}; ` +
        'pass { replace: true } to replace it',
      { details: { option: 'name', value: name } },
    );
  }
  entries.set(name, { name, priority, factory, source });
}

/** Removes a registered backend; true if there was one. */
export function unregisterBackend(name: string): boolean {
  return entries.delete(name);
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

type Tried = { backend: Backend; priority?: number } | { reason: string };

/** The backend if it can run here (with the priority it reports), else the reason it cannot. */
async function tryBackend(entry: Entry): Promise<Tried> {
  try {
    const backend = await instantiate(entry);
    const { available, reason, priority } = await backend.isAvailable();
    if (!available) return { reason: reason ?? 'it reports itself unavailable' };
    return {
      backend,
      priority: typeof priority === 'number' && Number.isFinite(priority) ? priority : undefined,
    };
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A backend by name, or with 'auto' the available one of highest priority (as registered, or as the
 * backend reports it here, e.g. lower on a software GPU). Backends registered below 0 are skipped by
 * 'auto'. Throws E_BACKEND naming the registered backends for an unknown name, saying why a named one
 * is unavailable, or (for 'auto') listing every backend tried and why each failed.
 */
export async function resolveBackend(name = 'auto'): Promise<Backend> {
  if (typeof name !== 'string' || name === '') throw argError('backend', "a backend name or 'auto'", name);
  if (name !== 'auto') {
    const entry = entries.get(name);
    if (!entry) {
      const known = listBackends().map((b) => b.name);
      throw new VdsrError(
        'E_BACKEND',
        `Unknown backend '${name}'; registered backends: ${known.join(', ')}`,
        {
          details: { option: 'backend', value: name },
        },
      );
    }
    const result = await tryBackend(entry);
    if ('reason' in result) {
      throw new VdsrError('E_BACKEND', `Backend '${name}' is not available: ${result.reason}`, {
        details: { option: 'backend', value: name },
      });
    }
    return result.backend;
  }
  const failures: string[] = [];
  // Candidates in registered order; one that reports a lower priority here waits for its new place.
  const queue = ordered()
    .filter((e) => e.priority >= 0)
    .map((entry) => ({ entry, priority: entry.priority, checked: undefined as Backend | undefined }));
  while (queue.length > 0) {
    const head = queue.shift()!;
    if (head.checked) return head.checked;
    const result = await tryBackend(head.entry);
    if ('reason' in result) {
      failures.push(`${head.entry.name} (${result.reason})`);
      continue;
    }
    const priority = result.priority ?? head.priority;
    if (priority < 0) {
      failures.push(`${head.entry.name} (available, but ranks itself below 0 here; ask for it by name)`);
      continue;
    }
    if (queue.length === 0 || priority >= queue[0]!.priority) return result.backend;
    const place = queue.findIndex((c) => c.priority < priority);
    queue.splice(place === -1 ? queue.length : place, 0, {
      entry: head.entry,
      priority,
      checked: result.backend,
    });
  }
  throw new VdsrError('E_BACKEND', `No backend is available; tried: ${failures.join('; ')}`);
}

export interface CreateSessionOptions extends SessionOptions {
  /** A registered backend's name, or 'auto' (the default) for the best available one. */
  backend?: string;
}

/** Resolves a backend (see resolveBackend) and opens a session of `weights` on it; every other option reaches the backend. */
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
    if (isVdsrError(error)) throw error;
    throw new VdsrError(
      'E_BACKEND',
      `Backend '${backend.name}' failed to create a session: ${String(error)}`,
      {
        cause: error,
      },
    );
  }
}
