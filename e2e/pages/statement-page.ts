import { type Browser, expect, type Locator, type Page } from "@playwright/test";
import { CommentsPanel } from "./comments-panel";
import { LoginPage } from "./login-page";

const SEED_TITLE = /Om ökad jämlikhet, minskad segregation/;

/**
 * A statement's page: its sections (addressed by key, as two sections share a title), their
 * editors, and the comments panel. `page` is there for what the object does not cover.
 */
export class StatementPage {
  readonly comments: CommentsPanel;
  /** The connection status; "Ansluten" once the document is live. */
  readonly connection: Locator;

  constructor(readonly page: Page) {
    this.comments = new CommentsPanel(page);
    this.connection = page.getByRole("status").filter({ hasText: "Ansluten" });
  }

  /** Signs `email` in, in a context of its own; on the statement list, or live at `url`. */
  static async signIn(
    browser: Browser,
    email: string,
    url?: string,
    baseURL?: string,
  ): Promise<StatementPage> {
    const statement = new StatementPage(await LoginPage.signIn(browser, email, baseURL));
    if (url) await statement.openAt(url);
    return statement;
  }

  /** From the statement list, opens the seeded statement and waits until it is live. */
  async openSeed(): Promise<void> {
    await this.page.getByRole("link", { name: SEED_TITLE }).click();
    await expect(this.connection).toBeVisible();
  }

  /** Opens the statement at `url` and waits until it is live. */
  async openAt(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.connection).toBeVisible();
  }

  /** The section's region: heading, sign-off, editor and comment action. */
  section(key: string): Locator {
    return this.page.getByRole("region").and(this.page.locator(`[data-section="${key}"]`));
  }

  /** The section's editor. */
  text(key: string): Locator {
    return this.page.getByRole("textbox").and(this.page.locator(`[data-section="${key}"]`));
  }

  /** The count of open threads shown under the section's heading. */
  openThreadCount(key: string): Locator {
    return this.section(key)
      .getByRole("paragraph")
      .filter({ hasText: /^\d+ (öppen kommentar|öppna kommentarer)$/ });
  }

  /** "Ägs av …": shown on a section the viewer may read but not edit. */
  ownerNote(key: string): Locator {
    return this.section(key)
      .getByRole("paragraph")
      .filter({ hasText: /^Ägs av/ });
  }

  /** In the section's text: the passages open suggestions would replace, and their proposed text. */
  suggestions(key: string) {
    const text = this.text(key);
    return { replaced: text.locator(".suggestion-old"), proposed: text.locator(".suggestion-new") };
  }

  /** The passages of the section that comment threads mark. */
  highlights(key: string): Locator {
    return this.text(key).locator(".comment-highlight");
  }

  /** The passage of the thread last shown with "Visa stycket". */
  activeHighlight(key: string): Locator {
    return this.text(key).locator(".comment-highlight.active");
  }

  /** The open comment or suggestion form's quote of the selected passage ("Om: …"). */
  composerQuote(): Locator {
    return this.page.getByRole("paragraph").filter({ hasText: /^Om:/ });
  }

  /** A user in the list of who is in the statement now, by name. */
  presence(name: string): Locator {
    return this.page
      .getByRole("region", { name: /I utlåtandet nu/ })
      .getByRole("listitem")
      .filter({ hasText: name });
  }

  /** Another user's caret label in the text, by their name. */
  caretLabel(name: string): Locator {
    return this.page.locator(".collaboration-carets__label", { hasText: name });
  }

  /** The section's text as the document holds it: without other users' caret labels. */
  plainText(key: string): Promise<string> {
    return this.text(key).evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
      // biome-ignore lint/performance/useDomNodeTextContent: innerText keeps the paragraphs' line breaks
      return copy.innerText;
    });
  }

  /** Puts the caret at the end of the section's text, as a click into it and Ctrl+End. */
  async focusEnd(key: string): Promise<void> {
    await this.text(key).click();
    await this.page.keyboard.press("Control+End");
  }

  /** Puts the caret at the start or end of one paragraph (End only reaches a visual line's end). */
  async focusParagraph(key: string, index: number, at: "start" | "end"): Promise<void> {
    const paragraph = this.text(key).getByRole("paragraph").nth(index);
    await paragraph.click();
    await paragraph.evaluate((element, toStart) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      range.collapse(toStart);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }, at === "start");
  }

  /** Selects the first occurrence of `passage` in the section, as a user dragging over it would. */
  async select(key: string, passage: string): Promise<void> {
    await this.text(key).evaluate((root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return;
      }
      throw new Error(`Text not found: ${wanted}`);
    }, passage);
  }

  /** Selects `passage` and opens the comment form for it. */
  async startComment(key: string, title: string, passage: string): Promise<void> {
    await this.select(key, passage);
    await this.page.getByRole("button", { name: `Kommentera markerad text i ${title}` }).click();
  }
}
