import { type Browser, expect, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "beredning-demo";

/** The login form at /login. */
export class LoginPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel("E-postadress");
    this.password = page.getByLabel("Lösenord");
    this.submit = page.getByRole("button", { name: "Logga in", exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto("/login");
  }

  /** Where the page's icon is, as its <link rel="icon"> gives it. */
  faviconHref(): Promise<string | null> {
    return this.page.locator('link[rel="icon"]').first().getAttribute("href");
  }

  /** Fills in and sends the form; does not wait for where it leads. */
  async submitAs(email: string, password = DEMO_PASSWORD): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  /**
   * Signs in through the form in a browser context of its own (on `baseURL`, another app node, if
   * given); resolves on the statement list.
   */
  static async signIn(browser: Browser, email: string, baseURL?: string): Promise<Page> {
    const context = await browser.newContext(baseURL ? { baseURL } : undefined);
    const login = new LoginPage(await context.newPage());
    await login.goto();
    await login.submitAs(email);
    await expect(login.page.getByRole("heading", { name: "Tjänsteutlåtanden" })).toBeVisible();
    return login.page;
  }
}
