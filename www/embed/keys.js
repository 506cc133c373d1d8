// The embed keys of a link (or of a custom element's attributes): `embed=1` turns embed mode
// on; `show=step,play` or `hide=speed` choose the controls an embed shows. They are read here,
// apart from each view's own keys, so a view's decoder never sees them and the full page's
// link is the same link minus these keys.

/** The controls an embed can show or hide, by the names `show=` and `hide=` use. */
export const EMBED_CONTROLS = ['step', 'play', 'reset', 'speed', 'timeline', 'status', 'stop', 'progress', 'numbers'];

/** The controls an embed shows when the link names none (the timeline only when asked for). */
export const DEFAULT_CONTROLS = EMBED_CONTROLS.filter((name) => name !== 'timeline');

const EMBED_KEYS = ['embed', 'show', 'hide', 'theme', 'projector'];

/** Names in a comma-separated list: the known ones, and problems for the rest. */
function readNames(key, text, problems) {
  const names = new Set();
  for (const raw of String(text).split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    if (EMBED_CONTROLS.includes(name)) names.add(name);
    else problems.push(`${key}: no control is called "${name.slice(0, 20)}" (choose from ${EMBED_CONTROLS.join(', ')})`);
  }
  return names;
}

/**
 * Splits `pairs` (a list of [key, value]) into the embed settings and the other pairs.
 * Returns `{ embed, rest, problems }`: `embed` is `{ on, shown (a Set of EMBED_CONTROLS),
 * pairs (the embed pairs that were read, to write back) }`, `rest` the pairs the view's own
 * decoder reads, `problems` what was ignored (unknown control names, a bad `embed` value).
 */
export function splitEmbed(pairs) {
  const problems = [];
  const rest = [];
  const found = new Map();
  for (const [key, value] of pairs) {
    if (!EMBED_KEYS.includes(key)) rest.push([key, value]);
    else if (found.has(key)) problems.push(`"${key}" appears twice`);
    else found.set(key, value);
  }
  let on = false;
  const kept = [];
  if (found.has('embed')) {
    const value = found.get('embed');
    if (value === '1' || value === '0') {
      on = value === '1';
      kept.push(['embed', value]);
    } else {
      problems.push(`embed = "${String(value).slice(0, 20)}" is not valid (1 or 0)`);
    }
  }
  let shown = new Set(DEFAULT_CONTROLS);
  if (found.has('show')) {
    shown = readNames('show', found.get('show'), problems);
    kept.push(['show', [...shown].join(',')]);
  }
  if (found.has('hide')) {
    const hidden = readNames('hide', found.get('hide'), problems);
    for (const name of hidden) shown.delete(name);
    kept.push(['hide', [...hidden].join(',')]);
  }
  // Display keys (see ui/looks.js): for embeds, and links made to open ready to project.
  let theme = null;
  if (found.has('theme')) {
    const value = found.get('theme');
    if (value === 'light' || value === 'dark') {
      theme = value;
      kept.push(['theme', value]);
    } else {
      problems.push(`theme = "${String(value).slice(0, 20)}" is not valid (light or dark)`);
    }
  }
  let projector = null;
  if (found.has('projector')) {
    const value = found.get('projector');
    if (value === '1' || value === '0') {
      projector = value === '1';
      kept.push(['projector', value]);
    } else {
      problems.push(`projector = "${String(value).slice(0, 20)}" is not valid (1 or 0)`);
    }
  }
  return { embed: { on, shown, pairs: kept, theme, projector }, rest, problems };
}

/** The [key, value] pairs of a URL hash (with or without '#'), or null when it cannot be read. */
export function hashPairs(hash) {
  try {
    return Array.from(new URLSearchParams(String(hash || '').replace(/^#/, '')));
  } catch (error) {
    return null;
  }
}

/**
 * Reads the embed keys of a URL hash. Returns `{ embed, hash, problems }`: `hash` is the
 * hash without the embed keys (for the view's decoder and the full page's link).
 */
export function readEmbedHash(hash) {
  const pairs = hashPairs(hash);
  if (!pairs) return { embed: splitEmbed([]).embed, hash: String(hash || ''), problems: [] };
  const { embed, rest, problems } = splitEmbed(pairs);
  return { embed, hash: new URLSearchParams(rest).toString(), problems };
}

/** The embed pairs as hash text to append to a view's hash ('' when there are none). */
export function embedSuffix(embed) {
  if (!embed || !embed.pairs.length) return '';
  return `&${embed.pairs.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/gi, ',')}`).join('&')}`;
}
