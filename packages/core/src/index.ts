export const VERSION: string = __PACKAGE_VERSION__;
export type * from './models/index.js';
