import type { Locator, Page } from "@playwright/test";

/** A statement shown as the document it becomes (/statements/<id>/dokument). */
export class DocumentView {
  /** The rendered document, as it prints. */
  readonly document: Locator;
  /** Who signs the document: each signatory's name and title. */
  readonly signatories: Locator;

  constructor(readonly page: Page) {
    this.document = page.getByRole("article");
    // The shared renderer's markup gives a signatory no accessible handle of its own.
    this.signatories = this.document.locator(".tu-signatory");
  }
}
