// Dropping a CSV file anywhere on the page while the "Train a model" view is shown: an overlay
// says the file will be trained on, and the file is read as if it had been chosen in the data
// settings.

import { el } from '../ui/dom.js';

export class CsvDrop {
  constructor() {
    /** The overlay shown while a file is dragged over the page. */
    this.element = el('div', { class: 'tr-drop', hidden: true }, el('p', {}, 'Drop the CSV file to train on it'));
  }

  /**
   * Listens, with `listen(target, type, fn)`, for files dragged over the page while `root`
   * (the view) is shown; a dropped file goes to `readFile(file)`.
   */
  listen(listen, root, readFile) {
    const visible = () => root.isConnected && root.offsetParent !== null;
    const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
    listen(document, 'dragover', (e) => {
      if (!visible() || !hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      this.element.hidden = false;
    });
    listen(document, 'dragleave', (e) => {
      if (e.relatedTarget === null) this.element.hidden = true;
    });
    listen(document, 'drop', (e) => {
      this.element.hidden = true;
      if (!visible() || !hasFiles(e)) return;
      e.preventDefault();
      const file = e.dataTransfer.files && e.dataTransfer.files[0];
      if (file) readFile(file);
    });
  }
}
