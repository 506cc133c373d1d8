// The core's settings tables (`settingsTables()`: the strategy's, the Landscapes view's, the
// Train a model view's), installed once the wasm is loaded. Every field's range, whole-number
// flag, message name and link key comes from here; the views add only presentation (labels of
// menu entries, layout). A table entry: { path, key, label, name?, kind, min, max, maxFrom?,
// default, choices, strategies, requires?: [{ path, values, not? }], midRun } (see src/catalog.rs).

let installed = null;

/** Keeps the core's tables for the page (called once the wasm is loaded). */
export function installTables(tables) {
  installed = tables;
}

/** The installed tables `{ strategy, landscape, training }`. */
export function settingsTables() {
  if (!installed) throw new Error('the settings tables are not loaded yet');
  return installed;
}

/** The entry at `path` of table `part` ('strategy', 'landscape' or 'training'). */
export function specAt(part, path) {
  const spec = settingsTables()[part].find((s) => s.path === path);
  if (!spec) throw new Error(`no setting ${path} in the ${part} table`);
  return spec;
}

/** The value at dotted `path` of `object` (undefined when a step is missing). */
export function valueAt(object, path) {
  return path.split('.').reduce((node, key) => (node == null ? undefined : node[key]), object);
}

/**
 * Whether `spec` applies to `settings`: its strategies include the kind at `kindPath` (with no
 * strategy settings at all: the default strategy's) and each of its conditions holds (a setting
 * that is not set holds none).
 */
export function specApplies(spec, settings, kindPath) {
  const holds = (value, values, not = false) => values.includes(value) !== not;
  const kind = () => {
    const holder = kindPath.split('.').slice(0, -1).join('.');
    return holder && valueAt(settings, holder) == null ? specAt('strategy', 'kind').default : valueAt(settings, kindPath);
  };
  return (!spec.strategies.length || holds(kind(), spec.strategies))
    && (spec.requires || []).every((c) => holds(valueAt(settings, c.path), c.values, c.not));
}

/**
 * A number field's spec from a table entry (see field.js): `key` is where the value lives in
 * its settings object (the path's last part unless given), `n` numbers a list's item.
 */
export function numberSpec(spec, { key, id, label, n } = {}) {
  const numbered = (text) => (n === undefined ? text : text.replace('{n}', String(n)));
  return {
    key: key || spec.path.split('.').pop(),
    id,
    label: numbered(label || spec.label),
    name: numbered(spec.name || spec.label),
    min: spec.min,
    max: spec.max,
    maxFrom: spec.maxFrom,
    integer: spec.kind === 'count',
    table: spec,
  };
}

/** A field's upper bound for `settings` (the lesser of its own and the one it follows). */
export function fieldMax(field, settings) {
  const from = field.maxFrom;
  const other = from ? valueAt(settings || {}, from.path) : undefined;
  return typeof other === 'number' ? Math.min(field.max, other + from.offset) : field.max;
}

/**
 * The link keys of `table` for settings at `base` (a path) in a view's options, for
 * decodeWith/encodeWith (state.js): numbers as 'number', choices as 'enum', flags as 'flag'
 * (written only when not the default), seeds (`seeds`:
 * their paths) as 'seed' with their range; each written only while it applies.
 */
export function linkKeys(table, base, { kindPath, seeds = [] }) {
  const at = (o) => base.reduce((node, k) => (node == null ? undefined : node[k]), o) || {};
  return table.filter((spec) => spec.key).map((spec) => {
    const type = spec.kind === 'choice' ? 'enum' : spec.kind === 'flag' ? 'flag' : seeds.includes(spec.path) ? 'seed' : 'number';
    return {
      key: spec.key,
      path: [...base, ...spec.path.split('.')],
      type,
      default: spec.default,
      choices: spec.choices,
      min: spec.min,
      max: spec.max,
      when: spec.strategies.length || spec.requires ? (o) => specApplies(spec, at(o), kindPath) : undefined,
    };
  });
}
