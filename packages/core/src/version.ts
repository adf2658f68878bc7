/** The version of @livechatai/core (sent in the User-Agent header outside browsers). */
export const VERSION: string = __PACKAGE_VERSION__;
