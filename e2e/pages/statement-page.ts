import { type Browser, expect, type Locator, type Page } from "@playwright/test";
import { CommentsPanel } from "./comments-panel";
import { DocumentView } from "./document-view";
import { LoginPage } from "./login-page";
import { SectionToolbar } from "./section-toolbar";

const SEED_TITLE = /Om ökad jämlikhet, minskad segregation/;

/**
 * A statement's page: its sections (addressed by key, as two sections share a title), their
 * editors, and the comments panel. `page` is there for what the object does not cover.
 */
export class StatementPage {
  readonly comments: CommentsPanel;
  /** The connection status; "Ansluten" once the document is live. */
  readonly connection: Locator;
  /** The page's root element, which carries its language. */
  readonly root: Locator;
  /** On the statement list, where signing in leads: the table of statements. */
  readonly list: Locator;
  /** Every section's heading, in the order of the statement. */
  readonly sectionHeadings: Locator;
  /** Justering while the statement is a draft: the count of approved sections, and refusals. */
  readonly finalisePanel: Locator;
  /** Once the statement is finalised: who finalised it, and when. */
  readonly finalisedBanner: Locator;

  constructor(readonly page: Page) {
    this.comments = new CommentsPanel(page);
    this.connection = page.getByRole("status").filter({ hasText: "Ansluten" });
    this.root = page.locator("html");
    this.list = page.getByRole("table", { name: "Tjänsteutlåtanden i din förvaltning" });
    this.sectionHeadings = page
      .getByRole("region")
      .and(page.locator("[data-section]"))
      .getByRole("heading", { level: 2 });
    this.finalisePanel = page.getByRole("region", { name: "Justering", exact: true });
    this.finalisedBanner = page.getByRole("region", { name: "Justerad", exact: true });
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

  /** Follows "Visa som dokument" and waits for the document's text. */
  async openDocumentView(): Promise<DocumentView> {
    await this.page.getByRole("link", { name: "Visa som dokument" }).click();
    await expect(this.page).toHaveURL(/\/statements\/[0-9a-f-]{36}\/dokument$/);
    await expect(
      this.page.getByRole("heading", { name: "Förvaltningens yttrande och synpunkter" }),
    ).toBeVisible();
    return new DocumentView(this.page);
  }

  /** One of the statement's details under its title ("Till", "Datum", "Handläggare", …), by its term. */
  detail(term: string): Locator {
    return this.page
      .locator("dl.metadata > div")
      .filter({ has: this.page.getByRole("term").filter({ hasText: term }) })
      .getByRole("definition");
  }

  /** The section's region: heading, sign-off, editor and comment action. */
  section(key: string): Locator {
    return this.page.getByRole("region").and(this.page.locator(`[data-section="${key}"]`));
  }

  /** The section's editor. */
  text(key: string): Locator {
    return this.page.getByRole("textbox").and(this.page.locator(`[data-section="${key}"]`));
  }

  /** The section's formatting toolbar, by the section's title. */
  toolbar(title: string): SectionToolbar {
    return new SectionToolbar(this.page, title);
  }

  /** The section's sign-off: its state (in `data-state`), the approvals and the actions. */
  signOff(key: string): Locator {
    return this.section(key).locator(".sign-off");
  }

  /** The section's approve button ("Godkänn avsnittet", "Godkänn igen"), for those it asks. */
  approveButton(key: string): Locator {
    return this.section(key).getByRole("button", { name: /^Godkänn/ });
  }

  /** Approves the section. */
  async approve(key: string): Promise<void> {
    await this.approveButton(key).click();
  }

  /** Justering: asks to finalise the statement and confirms. */
  async finalise(): Promise<void> {
    await this.page.getByRole("button", { name: "Justera tjänsteutlåtandet" }).click();
    await this.page.getByRole("button", { name: "Ja, justera" }).click();
  }

  /** The words removed and added since the section's stale approvals, as its sign-off shows them. */
  changeSinceApproval(key: string) {
    const signOff = this.signOff(key);
    return { removed: signOff.getByRole("deletion"), added: signOff.getByRole("insertion") };
  }

  /** The note to whoever may edit an approved section that an edit makes the approvals stale. */
  approvedEditWarning(key: string): Locator {
    return this.section(key)
      .getByRole("paragraph")
      .filter({ hasText: /^Avsnittet är godkänt\./ });
  }

  /** The suggested text for "Ärendets beredning" in the section, and the panel offering it. */
  preparationSuggestion(key: string) {
    const root = this.section(key).locator(".preparation-suggestion");
    return { root, text: root.locator(".suggested-text") };
  }

  /** The paragraphs of the section coloured by who wrote them; each names its writer in `title`. */
  authoredParagraphs(key: string): Locator {
    return this.text(key).locator("p.authored");
  }

  /** The guidance an empty section's text shows (the placeholder on its empty paragraph). */
  emptyTextGuidance(key: string): Locator {
    return this.text(key).locator("p.is-editor-empty");
  }

  /** Every node of the section's text that carries guidance; none once something is written. */
  guidanceMarks(key: string): Locator {
    return this.text(key).locator("[data-placeholder]");
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

  /** Selects the first `length` characters of the section, from its very first one; returns them. */
  selectStart(key: string, length: number): Promise<string> {
    return this.text(key).evaluate((root, count) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const node = walker.nextNode();
      if (!node) throw new Error("The section has no text");
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, count);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return range.toString();
    }, length);
  }

  /**
   * Where another user's caret label sits in one paragraph of the section: how many lines the
   * paragraph's text (without carets) takes, and how many of those line boxes the label overlaps.
   */
  caretLabelCover(key: string, index: number): Promise<{ lines: number; covered: number }> {
    return this.text(key)
      .getByRole("paragraph")
      .nth(index)
      .evaluate((paragraph) => {
        const labelBox = paragraph.querySelector(".collaboration-carets__label")?.getBoundingClientRect();
        if (!labelBox) throw new Error("No label in the paragraph");
        const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
        const lines: DOMRect[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement?.closest(".collaboration-carets__caret")) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          lines.push(...range.getClientRects());
        }
        const covered = lines.filter(
          (line) =>
            line.width > 0 &&
            line.left < labelBox.right &&
            line.right > labelBox.left &&
            line.top < labelBox.bottom - 0.5 &&
            line.bottom > labelBox.top + 0.5,
        );
        return { lines: new Set(lines.map((line) => Math.round(line.top))).size, covered: covered.length };
      });
  }

  /** Selects `passage` and opens the comment form for it. */
  async startComment(key: string, title: string, passage: string): Promise<void> {
    await this.select(key, passage);
    await this.page.getByRole("button", { name: `Kommentera markerad text i ${title}` }).click();
  }
}
