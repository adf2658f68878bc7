// @ts-check
// Public surface of the private @livechatai/size package (used by its own tests and by @livechatai/release-tests).
export { ENTRIES, KB, REACT_PAGE_BUDGET, RESOURCES } from './entries.js';
export { bundle, formatTable, measure, missingPackage, PACKAGES_DIR, SIZE_DIR } from './measure.js';
