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

  it("keeps the rows and cells of a Word table and drops its widths", () => {
    const word = `<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>
<tr style='mso-yfti-irow:0'><td width=302 valign=top style='width:226.5pt'><p class=MsoNormal>Cell A<o:p></o:p></p></td>
<td width=302 valign=top><p class=MsoNormal>Cell B<o:p></o:p></p></td></tr>
<tr><td width=302 valign=top><p class=MsoNormal>Cell C<o:p></o:p></p></td><td width=302 valign=top><p class=MsoNormal>Cell D</p></td></tr></table>`;
    const cleaned = cleanPastedHtml(word);
    expect(cleaned.match(/<tr[ >]/g)).toHaveLength(2);
    expect(cleaned.match(/<td[ >]/g)).toHaveLength(4);
    expect(cleaned).toContain("<p>Cell A</p></td>");
    expect(cleaned).not.toMatch(/width|Mso|mso-/);
  });

  it("keeps the rows and cells of a LibreOffice table and drops its column widths", () => {
    const libreOffice = `<table width="100%" cellpadding="4" cellspacing="0"><col width="128*"/><col width="128*"/>
<tr valign="top"><td width="50%" style="border: 1px solid #000000"><p>Cell A</p></td><td width="50%"><p>Cell B</p></td></tr>
<tr valign="top"><td width="50%"><p>Cell C</p></td><td width="50%"><p>Cell D</p></td></tr></table>`;
    const cleaned = cleanPastedHtml(libreOffice);
    expect(cleaned.match(/<td[ >]/g)).toHaveLength(4);
    expect(cleaned).not.toMatch(/<col|width/);
  });
});
