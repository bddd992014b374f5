// The Training tab's settings as the trainer and the address need them.
import { sameValue } from '../core/settingsTable';
import { addressBackend, withAddressBackend, type BackendName } from '../platform/backendName';
import type { BackendChoice, TrainingParams } from './urlHashSchema';

export { toTrainConfig } from '../train/trainingSettings';

export function forcedBackend(params: TrainingParams): BackendName | undefined {
  return params.backend === 'auto' ? undefined : params.backend;
}

/**
 * `?backend=` in the page address (the README's way to force a backend, also read by the whitening
 * view) wins over the Training tab's own `backend=` in the hash, so the two always agree. A link
 * whose hash names another backend explicitly gets a notice; `auto` is replaced silently.
 */
export function applyAddressBackend(params: TrainingParams, search: string): { params: TrainingParams; notice?: string } {
  const forced = addressBackend(search);
  if (!forced || params.backend === forced) return { params };
  const notice =
    params.backend === 'auto' ? undefined : `backend: ?backend=${forced} in the address overrides backend=${params.backend} in the link.`;
  return { params: { ...params, backend: forced }, notice };
}

/**
 * The address's new search part after the Training tab's backend changed to `backend`, or null to
 * leave it: an address with `?backend=` follows the setting (and drops it for auto); one without keeps none.
 */
export function addressSearchFor(search: string, backend: BackendChoice): string | null {
  const current = addressBackend(search);
  if (current === undefined) return null;
  const next = backend === 'auto' ? undefined : backend;
  return next === current ? null : withAddressBackend(search, next);
}

/** Keys whose change requires a new run (everything except the live ones). */
export function changedRunKeys(a: TrainingParams, b: TrainingParams, live: ReadonlySet<keyof TrainingParams>): (keyof TrainingParams)[] {
  return (Object.keys(a) as (keyof TrainingParams)[]).filter((key) => !live.has(key) && !sameValue(a[key], b[key]));
}
