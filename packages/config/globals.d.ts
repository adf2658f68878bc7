/** Injected at build time by tsup (`define`) and in tests by vitest. */
declare const __PACKAGE_VERSION__: string;
