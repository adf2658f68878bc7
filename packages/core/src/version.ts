/** The version of @livechatai/core (sent in the `x-livechatai-sdk` header). */
export const VERSION: string = __PACKAGE_VERSION__;
