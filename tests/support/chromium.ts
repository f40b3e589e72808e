import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { findProjectRoot } from '@hub/local-infra';

/** Debian's Chromium, where its package puts it. */
export const CHROMIUM = '/usr/bin/chromium';
/** A font with the Chinese characters, without which the pages (and their screenshots) show empty boxes. */
const CHINESE_FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';
const PACKAGES = ['chromium', 'fonts-wqy-zenhei'];

/** Where the browser tests leave their screenshots (one per main page). */
export const SCREENSHOTS = join(findProjectRoot(), 'test-output', 'console');

/**
 * Installs Debian's chromium and a Chinese font when they are missing (as CI runs, as root); elsewhere says how.
 * Without the background-networking flags Chromium keeps calling Google's hosts, which this
 * machine's closed network refuses.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM) || !existsSync(CHINESE_FONT)) {
    if (process.getuid?.() !== 0) throw new Error(`the browser tests need Debian's Chromium at ${CHROMIUM} and a Chinese font: sudo apt-get install -y ${PACKAGES.join(' ')}`);
    process.stdout.write(`[test] installing ${PACKAGES.join(' ')} (apt-get) ...\n`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
