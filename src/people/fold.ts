// Names are folded by the same rule everywhere (speaker resolution, people index, export ids).
export { foldName } from '../util/fold.js';
