import type { BackendInfo, Reply } from './protocol.js';

type Backends = Extract<Reply, { type: 'backends' }>;

/** Fills the backend <select>: 'auto' first, then every registered backend; unavailable ones greyed with the reason. */
export function renderPicker(select: HTMLSelectElement, list: Backends): void {
  const auto = new Option(list.auto ? `auto (${list.auto})` : 'auto (nothing available)', 'auto', true, true);
  auto.disabled = !list.auto;
  if (list.autoReason) auto.title = list.autoReason;
  const options = list.backends.map((backend: BackendInfo) => {
    const option = new Option(
      backend.available ? backend.name : `${backend.name}: unavailable`,
      backend.name,
    );
    option.disabled = !backend.available;
    option.title = backend.available ? `priority ${backend.priority} here` : (backend.reason ?? '');
    if (!backend.available) option.dataset.reason = backend.reason ?? '';
    return option;
  });
  select.replaceChildren(auto, ...options);
}

/** One line under the picker: what the chosen backend runs on, or why the others cannot run. */
export function describeUnavailable(list: Backends): string {
  return list.backends
    .filter((b) => !b.available)
    .map((b) => `${b.name}: ${b.reason}`)
    .join(' · ');
}
