// The full page, for links out of an embed or a mounted view ("open in AutoML Playground",
// "Train this one"), resolved from this module's own address so it works from any host page.

/** The full page's address, without a hash. */
export const FULL_PAGE = new URL('../../index.html', import.meta.url).href;
