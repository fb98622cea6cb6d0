// Before the suite runs (npm's `pretest`): makes sure the html report's browser test has a browser.
// It uses Debian's or Ubuntu's Chromium, driven by playwright-core (which brings none, and whose own
// download is not reachable here). Where Chromium is missing, this installs Debian's package when it
// can (run as root, with apt-get), and otherwise says why the browser test will be skipped.
// RIGHTSLINT_NO_BROWSER_INSTALL=1 leaves the system alone.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const say = (text: string) => console.log(`setup-browser: ${text}`);

function hasBrowser(): boolean {
  return CANDIDATES.some((path) => path !== undefined && path !== '' && existsSync(path));
}

function skipReason(): string | undefined {
  if (process.platform !== 'linux') return `${process.platform} has no apt-get to install Chromium with`;
  if (process.env.RIGHTSLINT_NO_BROWSER_INSTALL) return 'RIGHTSLINT_NO_BROWSER_INSTALL is set';
  if (process.getuid?.() !== 0) return 'installing it needs root (apt-get install chromium)';
  if (!existsSync('/usr/bin/apt-get')) return 'no apt-get on this system';
  return undefined;
}

if (!hasBrowser()) {
  const reason = skipReason();
  if (reason) {
    say(`no Chromium, and not installing one: ${reason}; the browser test of the html report will be skipped (set CHROMIUM_PATH to use another)`);
  } else {
    say('no Chromium: installing Debian\'s package (apt-get install chromium), once');
    try {
      const options = { stdio: 'inherit', timeout: 15 * 60 * 1000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } } as const;
      // A package list that cannot be refreshed (one unreachable source) may still hold Chromium.
      try {
        execFileSync('apt-get', ['update', '-qq'], options);
      } catch {
        say('apt-get update failed; trying the package lists as they are');
      }
      execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], options);
    } catch (error) {
      say(`could not install Chromium (${(error as Error).message.split('\n')[0]}); the browser test of the html report will be skipped`);
    }
    if (hasBrowser()) say('Chromium installed');
  }
}
