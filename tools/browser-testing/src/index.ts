export { CHROMIUM_PATH, chromiumMissing, type LaunchOptions, launchChromium } from './chromium.js';
export {
  type MirrorApi,
  mirrorPageSuite,
  openPageSuite,
  type PageSuite,
  type PageSuiteOptions,
} from './page-suite.js';
export type { PageTestInfo, PageTestResult } from './page-tests.js';
export { CROSS_ORIGIN_ISOLATION, type StaticServer, serveStatic } from './serve.js';
