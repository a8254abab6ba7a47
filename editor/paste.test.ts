import { describe, expect, it } from "vitest";
import { cleanPastedHtml } from "./paste";

describe("cleanPastedHtml", () => {
  it("strips Word's markup and keeps the structure", () => {
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><style>p.MsoNormal{margin:0}</style></head>
<body><!--StartFragment--><p class="MsoNormal" style="mso-line-height-rule:exactly"><b>Bakgrund</b><o:p></o:p></p>
<!--[if !supportLists]--><span>1.</span><!--[endif]--><p class=MsoListParagraph>Första</p><!--EndFragment--></body></html>`;
    const cleaned = cleanPastedHtml(word);
    expect(cleaned).not.toMatch(/Mso|mso-|<o:p>|<style|<!--/);
    expect(cleaned).toContain("<p><b>Bakgrund</b></p>");
  });

  it("leaves ordinary HTML alone", () => {
    expect(cleanPastedHtml('<p>Se <a href="https://example.org">länken</a></p>')).toBe(
      '<p>Se <a href="https://example.org">länken</a></p>',
    );
  });
});
