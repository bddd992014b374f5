// A page the browser can really freeze (as a sleeping laptop's tab is), for the sleep/wake tests.
//
// Playwright's own pages cannot be frozen: it turns focus emulation on for each, which counts as a
// visible capture, and Chromium then ignores Page.setWebLifecycleState 'frozen'. So this launches
// the project's Chromium with a debugging port and attaches to its default context with
// `noDefaults` (no focus emulation there): its page freezes (timers, tasks and workers stop).
import type { Browser, CDPSession, Page, PlaywrightWorkerArgs, TestInfo } from '@playwright/test';

export interface FreezablePage {
  page: Page;
  /** The app's address for `path` (this page is outside the test's context, so it has no baseURL). */
  url(path: string): string;
  /** Freezes the page for `ms` (hidden, 'freeze'), then resumes it ('resume') and shows it again ('visibilitychange'). */
  sleep(ms: number): Promise<void>;
  /** The page's lifecycle events so far, in order: 'freeze', 'resume', 'hidden', 'visible'. */
  lifecycle(): Promise<string[]>;
  close(): Promise<void>;
}

export async function openFreezablePage(playwright: PlaywrightWorkerArgs['playwright'], info: TestInfo): Promise<FreezablePage> {
  const use = info.project.use;
  const launch = (use.launchOptions ?? {}) as { args?: string[]; executablePath?: string };
  const port = Number(process.env.E2E_PORT ?? 4173) + 5000;
  const launched = await playwright.chromium.launch({ ...launch, args: [...(launch.args ?? []), `--remote-debugging-port=${port}`] });
  let attached: Browser | null = null;
  try {
    attached = await playwright.chromium.connectOverCDP(`http://127.0.0.1:${port}`, { noDefaults: true });
    const context = attached.contexts()[0];
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize(use.viewport ?? { width: 1280, height: 720 });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { lifecycleSeen: string[] }).lifecycleSeen = seen;
      document.addEventListener('freeze', () => seen.push('freeze'));
      document.addEventListener('resume', () => seen.push('resume'));
      document.addEventListener('visibilitychange', () => seen.push(document.visibilityState));
    });
    const cdp: CDPSession = await context.newCDPSession(page);
    const browser = attached;
    return {
      page,
      url: (path) => `${use.baseURL ?? ''}${path}`,
      sleep: async (ms) => {
        await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
        await new Promise((resolve) => setTimeout(resolve, ms));
        await cdp.send('Page.setWebLifecycleState', { state: 'active' });
        // A resumed page stays hidden; a capture with focus emulation shows it, as opening the lid does.
        await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
        await page.waitForFunction(() => document.visibilityState === 'visible');
      },
      lifecycle: () => page.evaluate(() => (window as unknown as { lifecycleSeen: string[] }).lifecycleSeen.slice()),
      close: async () => {
        await browser.close();
        await launched.close();
      },
    };
  } catch (error) {
    await attached?.close();
    await launched.close();
    throw error;
  }
}
