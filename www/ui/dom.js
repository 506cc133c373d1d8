// Tiny DOM builder. Text always goes in through textContent, never through innerHTML,
// so no string (from a user, a URL or the core) can ever become markup.

/**
 * el('div', { class: 'x', title: 't', onclick: fn }, child, 'text', …) → HTMLElement.
 * Attributes whose name starts with "on" become event listeners; `dataset` and `style`
 * take objects; booleans set or remove the attribute; children may be nodes, strings,
 * numbers, arrays of those, or null/false (skipped).
 */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (name === 'style' && typeof value === 'object') {
      Object.assign(node.style, value);
    } else if (value === true) {
      node.setAttribute(name, '');
    } else {
      node.setAttribute(name, String(value));
    }
  }
  append(node, children);
  return node;
}

/** Appends nodes or text (arrays flattened, null/false skipped). */
export function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces an element's children. */
export function replaceChildren(parent, ...children) {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  return append(parent, children);
}

/** A process-wide counter for unique element ids (several playgrounds may share a page). */
export function uniqueId(prefix) {
  const g = globalThis;
  g.__automlIdCounter = (g.__automlIdCounter || 0) + 1;
  return `${prefix}-${g.__automlIdCounter}`;
}
