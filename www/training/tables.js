// The classic tables' text. The served page fetches them from www/data/; the single-file
// build (opened from file://, where fetch does not work) carries them in
// globalThis.AUTOML_TABLES, keyed by file name.

const cache = new Map();

/** Resolves to the text of table file `file` (e.g. "iris.csv"). */
export async function loadTable(file) {
  const inlined = globalThis.AUTOML_TABLES && globalThis.AUTOML_TABLES[file];
  if (typeof inlined === 'string') return inlined;
  if (cache.has(file)) return cache.get(file);
  let response;
  try {
    response = await fetch(new URL(`../data/${file}`, import.meta.url));
  } catch (error) {
    throw new Error(`the table ${file} could not be loaded (${error && error.message ? error.message : error}); serve the page over http or use the single-file build`);
  }
  if (!response.ok) throw new Error(`the table ${file} could not be loaded (HTTP ${response.status})`);
  const text = await response.text();
  cache.set(file, text);
  return text;
}
