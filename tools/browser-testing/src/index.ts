export { CHROMIUM_PATH, chromiumMissing, type LaunchOptions, launchChromium } from './chromium.js';
export { CROSS_ORIGIN_ISOLATION, type StaticServer, serveStatic } from './serve.js';
