/**
 * The review page (`twminutes review`): a self-contained HTML page that shows what was extracted
 * from a document over its normalised text, and an index page for a batch.
 */
export { reviewHtml, type ReviewOptions } from './review.js';
export { reviewIndexHtml, type ReviewIndexEntry, type ReviewIndexRow } from './index-page.js';
