// Files the page hands to the learner: tables as CSV or JSON, canvases as PNG, and the download
// itself. Every export goes through here, so each file is written one way.

/** A CSV cell: numbers as JavaScript writes them back exactly, text quoted when it must be. */
function csvCell(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value);
  // A cell a spreadsheet would run as a formula is written as text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** `{ columns, rows }` as CSV text: a header line, then one line per row. */
export function csvText(table) {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

/** `{ columns, rows }` as a list of objects (one per row, keyed by column), for JSON. */
export function tableRecords(table) {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, row[i] ?? null])));
}

/** Pretty JSON text (non-finite numbers become null, as JSON has no NaN). */
export function jsonText(value) {
  return `${JSON.stringify(value, null, 1)}\n`;
}

/**
 * Two exports of one table: `{name}.csv` and `{name}.json` (the JSON adds `about`, e.g. the
 * settings that made it).
 */
export function tableExports(label, name, table, about = {}) {
  return [
    { label: `${label} (CSV)`, file: `${name}.csv`, type: 'text/csv', content: () => csvText(table()) },
    { label: `${label} (JSON)`, file: `${name}.json`, type: 'application/json', content: () => jsonText({ ...about, rows: tableRecords(table()) }) },
  ];
}

/** The canvas as a PNG blob, at its full backing-store (device) resolution. */
export function canvasPng(canvas) {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('this picture is empty'))), 'image/png');
  });
}

/** Hands `content` (text or a Blob) to the browser as a download named `file`. */
export function saveFile(file, content, type) {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
