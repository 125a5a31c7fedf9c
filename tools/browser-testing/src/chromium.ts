import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's chromium, which scripts/setup.sh installs; tests never download a browser. */
export const CHROMIUM_PATH = process.env.VDSR_CHROMIUM ?? '/usr/bin/chromium';

/** Why headless Chromium cannot run here, or undefined when it can (for `describe.skipIf`). */
export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM_PATH)
    ? undefined
    : `no Chromium at ${CHROMIUM_PATH} (scripts/setup.sh installs Debian's chromium; VDSR_CHROMIUM overrides the path)`;
}

export interface LaunchOptions {
  /** Enables WebGPU (pages must then come from http://127.0.0.1, a secure context). */
  webgpu?: boolean;
}

/**
 * Headless Chromium (playwright gives it a fresh profile) with the flags this machine needs: no
 * sandbox (tests run as root), no GPU process, and nothing that reaches out to Google's hosts (the
 * network is closed, and refused connections slow the browser down).
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  const args = [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
  ];
  if (options.webgpu)
    args.push('--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-webgpu-adapter=swiftshader');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args, headless: true });
}
