// The header's "Export" menu: a picture (PNG, at device resolution) of any canvas the shown view
// draws, and the files the view itself offers (its run's trace, its leaderboard, its model).

import { popupMenu } from '../ui/menu.js';
import { canvasPng, saveFile } from './files.js';

/** A file-name part made of the canvas's description: "loss-landscape". */
function slug(text) {
  return String(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'picture';
}

/** The canvases of `panel` a learner can see, each with its description. */
function visibleCanvases(panel) {
  return Array.from(panel.querySelectorAll('canvas[aria-label]'))
    .filter((canvas) => canvas.width > 0 && canvas.height > 0 && canvas.getClientRects().length > 0);
}

/**
 * The Export menu. `shown()` returns `{ panel, api, view }` for the view on screen (or null);
 * `onError(message)` reports a file that could not be made.
 */
export function exportMenu(shown, onError) {
  const entries = () => {
    const current = shown();
    if (!current) return [];
    const pictures = visibleCanvases(current.panel).map((canvas, i) => {
      const label = canvas.getAttribute('aria-label');
      return {
        id: `png-${i}`,
        label: `Picture: ${label} (PNG)`,
        act: () => canvasPng(canvas).then((blob) => saveFile(`${current.view}-${slug(label)}.png`, blob, 'image/png'), (e) => onError(e.message)),
      };
    });
    const files = (current.api && typeof current.api.exports === 'function' ? current.api.exports() : []).map((item, i) => ({
      id: `file-${i}`,
      label: item.label,
      act: () => {
        try {
          saveFile(item.file, item.content(), item.type);
        } catch (error) {
          onError(error && error.message ? error.message : String(error));
        }
      },
    }));
    return [...files, ...pictures];
  };
  return popupMenu('Export', 'export', entries);
}
