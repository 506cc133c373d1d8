// The "Share" button: copies the link of what is on screen (the URL, whose hash every view keeps
// current) and says that it did. Where the clipboard is out of reach (an insecure origin, a
// refused permission), it shows the link selected in a field, ready for Ctrl+C.

import { el, replaceChildren } from './ui/dom.js';

/**
 * The Share button and its polite status line; `link()` returns the URL to share, `limit()`
 * what it cannot carry (`{ message, refused }`, or null): a refused link is not copied.
 */
export function shareButton(link, limit = () => null) {
  const button = el('button', { type: 'button', class: 'pg-button header-action', id: 'share-button' }, 'Share');
  const status = el('span', { class: 'share-status', role: 'status', 'aria-live': 'polite' });
  button.addEventListener('click', async () => {
    const url = link();
    const cannot = limit();
    if (cannot && cannot.refused) {
      replaceChildren(status, `Not copied: ${cannot.message}`);
      return;
    }
    try {
      if (!navigator.clipboard || !window.isSecureContext) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      replaceChildren(status, cannot && cannot.message ? `Link copied. ${cannot.message}` : 'Link copied: it opens this state.');
      setTimeout(() => replaceChildren(status), 5000);
    } catch {
      const field = el('input', { type: 'text', class: 'share-field', readonly: true, value: url, 'aria-label': 'Link to this state' });
      replaceChildren(status, 'Copy this link (Ctrl+C): ', field);
      field.focus();
      field.select();
    }
  });
  return el('div', { class: 'share' }, button, status);
}
