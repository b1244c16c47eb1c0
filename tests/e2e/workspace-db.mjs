// The page's IndexedDB database (src/idb.rs), as the browser tests and scripts/bench-compare.mjs
// prepare it: deleted, or written directly, before the app opens it.

/** The page's IndexedDB database (src/idb.rs) and its stores. */
export const DB = "budget-lens";

/** Deletes the page's database (the app closes its connection when asked: src/idb.rs). */
export async function deleteDb(page) {
  await page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const r = indexedDB.deleteDatabase(name);
        r.onsuccess = () => resolve();
        r.onerror = () => reject(r.error);
      }),
    DB,
  );
}

/** Writes these records (key -> value, any value) into the database, making it if need be. */
export async function seedDb(page, records, order) {
  await page.evaluate(
    ([name, records, order]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(name, 1);
        open.onupgradeneeded = () => {
          open.result.createObjectStore("documents");
          open.result.createObjectStore("meta");
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const t = db.transaction(["documents", "meta"], "readwrite");
          for (const [k, v] of records) t.objectStore("documents").put(v, k);
          if (order) t.objectStore("meta").put(order, "order");
          t.oncomplete = () => {
            db.close();
            resolve();
          };
          t.onerror = () => reject(t.error);
        };
      }),
    [DB, records, order ?? null],
  );
}

/**
 * The parses the page keeps beside the workspace (src/storage.rs): key -> [build, seal, bytes]
 * as stored in the "meta" store under "parse:…" keys.
 */
export async function keptParses(page) {
  return page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("meta")) {
            db.close();
            resolve({});
            return;
          }
          const t = db.transaction("meta");
          const keys = t.objectStore("meta").getAllKeys();
          const values = t.objectStore("meta").getAll();
          t.oncomplete = () => {
            db.close();
            const kept = {};
            keys.result.forEach((k, i) => {
              if (String(k).startsWith("parse:")) kept[k] = values.result[i];
            });
            resolve(kept);
          };
          t.onerror = () => reject(t.error);
        };
      }),
    DB,
  );
}

/** Writes these records (key -> value) into the "meta" store of an existing database. */
export async function putMeta(page, records) {
  await page.evaluate(
    ([name, records]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const t = db.transaction("meta", "readwrite");
          for (const [k, v] of records) t.objectStore("meta").put(v, k);
          t.oncomplete = () => {
            db.close();
            resolve();
          };
          t.onerror = () => reject(t.error);
        };
      }),
    [DB, records],
  );
}
