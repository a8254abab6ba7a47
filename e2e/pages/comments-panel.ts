import type { Locator, Page } from "@playwright/test";

/** The statement page's comments panel: threads by section, filtered by open/resolved. */
export class CommentsPanel {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole("region", { name: "Kommentarer" });
  }

  /** The threads (comments and suggestions) whose text contains `text`. */
  thread(text: string | RegExp) {
    return this.root.getByRole("article").filter({ hasText: text });
  }

  /** Whether the focus is in the panel. */
  hasFocus(): Promise<boolean> {
    return this.root.evaluate((panel) => panel.contains(document.activeElement));
  }

  /** Shows the open, the resolved or all threads. */
  async show(filter: "Öppna" | "Lösta" | "Alla"): Promise<void> {
    await this.root.getByRole("radio", { name: filter }).check();
  }
}
