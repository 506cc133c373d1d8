// Mounting a view inside a shadow root with its own copy of the stylesheet, so that an embed
// neither takes style from the host page nor gives it any.

import { el } from '../ui/dom.js';

/**
 * Attaches (or reuses) an open shadow root on `host`, puts the playground's stylesheet and an
 * empty container in it, and resolves to the container once the stylesheet has loaded (at
 * once for an element not in a document yet).
 */
export async function shadowContainer(host) {
  if (typeof host.attachShadow !== 'function') throw new Error('expected an element that can hold a shadow root (a div, a section…)');
  const shadow = host.shadowRoot || host.attachShadow({ mode: 'open' });
  const link = el('link', { rel: 'stylesheet', href: new URL('../style.css', import.meta.url).href });
  const container = el('div', { class: 'pg-shadow' });
  const loaded = new Promise((resolve, reject) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', () => reject(new Error(`the stylesheet ${link.href} could not be loaded`)), { once: true });
  });
  shadow.replaceChildren(link, container);
  // A detached element loads no stylesheet: it will style itself once it is in a page.
  if (!host.isConnected) return container;
  try {
    await loaded;
  } catch (error) {
    releaseShadow(host);
    throw error;
  }
  return container;
}

/** Shows `host`'s own children again (a shadow root cannot be removed, but it can slot them). */
export function releaseShadow(host) {
  if (host.shadowRoot) host.shadowRoot.replaceChildren(el('slot'));
}

/**
 * `mount(element, options)` inside a shadow root on `element`: resolves to the view's API,
 * whose destroy() also gives `element` its own children back; a refusal leaves `element` as
 * it was.
 */
export async function mountInShadow(mount, element, options) {
  const container = await shadowContainer(element);
  let api;
  try {
    api = await mount(container, options);
  } catch (error) {
    releaseShadow(element);
    throw error;
  }
  const destroy = api.destroy;
  return {
    ...api,
    element,
    destroy: () => {
      destroy();
      releaseShadow(element);
    },
  };
}

/**
 * The host-page form of a view's `mount(element, options)`: the same view, mounted inside a
 * shadow root on `element` with its own stylesheet (see mountInShadow). `name` is the
 * function's name in its error messages.
 */
export function shadowed(mount, name) {
  return async (element, options = {}) => {
    if (!(element instanceof Element)) throw new Error(`${name}: expected a DOM element`);
    return mountInShadow(mount, element, options);
  };
}
