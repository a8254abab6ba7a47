import { type BrowserContext, test as base, type ConsoleMessage, expect } from "@playwright/test";

/** Console output a test expects (a refused request it makes on purpose, a connection it cuts). */
export interface ConsoleGuard {
  allow(pattern: RegExp): void;
}

function describeMessage(message: ConsoleMessage): string {
  const where = message.location().url;
  return `${message.type()}: ${message.text()}${where ? ` (${where})` : ""}`;
}

/**
 * Every spec imports `test` from here: a test fails when any page it opened, in any browser context,
 * logs an error or a warning to the console or throws an uncaught error. The contexts a test opens
 * are closed after it, so no page of one test stays in a statement (and its presence) during the next.
 */
export const test = base.extend<{ consoleGuard: ConsoleGuard }>({
  consoleGuard: [
    async ({ browser, context }, use) => {
      const problems: string[] = [];
      const allowed: RegExp[] = [];
      const opened: BrowserContext[] = [];
      const watch = (watched: BrowserContext) => {
        watched.on("console", (message) => {
          if (message.type() !== "error" && message.type() !== "warning") return;
          const text = describeMessage(message);
          if (!allowed.some((pattern) => pattern.test(text))) problems.push(text);
        });
        watched.on("weberror", (error) => problems.push(`uncaught: ${error.error().message}`));
      };
      watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const created = await newContext(...args);
        watch(created);
        opened.push(created);
        return created;
      };
      try {
        await use({ allow: (pattern) => allowed.push(pattern) });
      } finally {
        browser.newContext = newContext;
        await Promise.all(opened.map((created) => created.close()));
      }
      expect(problems, "the browser console stays free of errors and warnings").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
