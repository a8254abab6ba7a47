import type { Locator, Page } from "@playwright/test";

/** A section's formatting toolbar, named "Formatering: <section title>". */
export class SectionToolbar {
  readonly root: Locator;

  constructor(page: Page, sectionTitle: string) {
    this.root = page.getByRole("toolbar", { name: `Formatering: ${sectionTitle}` });
  }

  /** A button of the toolbar, by its accessible name ("Fetstil", "Länk", …). */
  button(name: string): Locator {
    return this.root.getByRole("button", { name });
  }

  /** The tip a button shows on hover and focus; hidden from screen readers, which read its name. */
  tip(name: string): Locator {
    return this.button(name).locator(".tool-tip");
  }

  /** The buttons in the Tab order: one, as the arrow keys move within the toolbar. */
  tabStops(): Locator {
    return this.root.locator('button[tabindex="0"]');
  }

  /** What each button shows on its face (a word or a glyph), without its tip. */
  faces(): Promise<string[]> {
    return this.root.locator("button > span:first-child").allTextContents();
  }
}
