// <automl-playground>: the playground as a custom element, for pages that host the files.
//
//   <script type="module" src="www/element.js"></script>
//   <automl-playground view="landscapes" strategy="gradient" landscape="rosenbrock" seed="3"
//                      show="step,play"></automl-playground>
//
// Its attributes are the link's keys (`view`, each view's own keys, and the embed keys `show`
// / `hide`): they are turned into the same key/value pairs and read by the same decoders as a
// link. It always shows the embed layout, in a shadow root with its own stylesheet; it is as
// wide as its container and 480 px high unless the page sets its height. Several on one page
// run independently, and keys act only on the one that has the focus. `element.api` is the
// view's API (step, play, pause, reset, set, state) once `element.ready` has resolved.

import { loadWasm } from './wasm.js';
import { viewList } from './views/list.js';
import { splitEmbed } from './embed/keys.js';
import { applyLooks } from './ui/looks.js';
import { shadowContainer, releaseShadow } from './embed/shadow.js';
import { foldForEmbed } from './embed/layout.js';
import { el } from './ui/dom.js';
import { FULL_PAGE as PAGE } from './embed/page.js';

/** HTML's own attributes, which any element may carry: they are not settings. */
const PAGE_ATTRIBUTES = ['id', 'class', 'style', 'title', 'hidden', 'lang', 'dir', 'tabindex', 'slot', 'part', 'role'];

function isPageAttribute(name) {
  return PAGE_ATTRIBUTES.includes(name) || name.startsWith('aria-') || name.startsWith('data-');
}

class AutomlPlayground extends HTMLElement {
  connectedCallback() {
    if (this.ready) return;
    this.ready = this.start().catch((error) => {
      this.showProblem(`The playground could not start: ${error && error.message ? error.message : error}`);
      throw error;
    });
    // A failed start is shown in the element; it must not also be an unhandled rejection.
    this.ready.catch(() => {});
  }

  disconnectedCallback() {
    // Moved within the page: connectedCallback keeps the running view.
    queueMicrotask(() => {
      if (this.isConnected || !this.api) return;
      this.api.destroy();
      this.api = null;
      this.ready = null;
      releaseShadow(this);
    });
  }

  async start() {
    const container = await shadowContainer(this);
    this.notice = el('p', { class: 'notice', role: 'alert', hidden: true });
    const box = el('div', { class: 'pg-embed-view' });
    container.replaceChildren(this.notice, box);
    const wasm = await loadWasm();
    const list = viewList(wasm);
    const pairs = Array.from(this.attributes, (a) => [a.name, a.value]).filter(([name]) => !isPageAttribute(name));
    const { embed, rest, problems } = splitEmbed(pairs);
    applyLooks(this, embed);
    const viewId = (rest.find(([key]) => key === 'view') || [null, 'landscapes'])[1];
    let view = list.find((v) => v.id === viewId);
    if (!view) {
      problems.push(`unknown view "${viewId.slice(0, 20)}"`);
      view = list[0];
    }
    const decoded = view.decode(new URLSearchParams(rest).toString());
    problems.push(...decoded.problems);
    const layout = { current: null };
    const onChange = (options) => {
      if (layout.current) layout.current.setHref(`${PAGE}#${view.encode(view.id, options)}`);
    };
    let api;
    try {
      api = await view.mount(box, { ...decoded.options, onChange });
    } catch (error) {
      problems.push(`refused: ${error && error.message ? error.message : error}`);
      api = await view.mount(box, { onChange });
    }
    layout.current = foldForEmbed(box, embed.shown, PAGE);
    onChange(api.state().options);
    if (problems.length) this.showProblem(`Ignored: ${problems.slice(0, 3).join('; ')}.`);
    this.api = api;
    return api;
  }

  showProblem(message) {
    if (!this.notice) return;
    this.notice.textContent = message;
    this.notice.hidden = false;
  }
}

if (!customElements.get('automl-playground')) customElements.define('automl-playground', AutomlPlayground);
