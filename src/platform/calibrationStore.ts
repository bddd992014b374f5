// IndexedDB store of backend calibrations (workers have IndexedDB but no localStorage). Any
// failure (no IndexedDB, private mode, blocked upgrade) rejects; the cache then measures again.
import type { CalibrationRecord, CalibrationStore } from './calibrationCache';

const DB_NAME = 'deconv-lab-backend';
const STORE = 'calibration';
const VERSION = 1;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, VERSION);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
    req.onblocked = () => reject(new Error('IndexedDB upgrade blocked'));
  });
}

async function withStore<T>(factory: IDBFactory, mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open(factory);
  try {
    const tx = db.transaction(STORE, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    done.catch(() => undefined); // a failed request rejects below; the abort that follows is not a second error
    const result = await request(fn(tx.objectStore(STORE)));
    await done;
    return result;
  } finally {
    db.close();
  }
}

/** The origin's calibration store; every call rejects when this context has no IndexedDB. */
export function indexedDbCalibrationStore(factory: IDBFactory | undefined = globalThis.indexedDB): CalibrationStore {
  const need = (): IDBFactory => {
    if (!factory) throw new Error('no IndexedDB here');
    return factory;
  };
  return {
    get: async (key) =>
      (await withStore(need(), 'readonly', (store) => store.get(key) as IDBRequest<CalibrationRecord | undefined>)) ?? undefined,
    put: async (key, record) => {
      await withStore(need(), 'readwrite', (store) => store.put(record, key));
    },
  };
}
