import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";

describe("parseCsv", () => {
  it("reads comma and semicolon files, quotes, CRLF and blank lines, with line numbers", () => {
    expect(parseCsv('namn,e-post\r\n"Ek, Maria",maria@x.se\r\n\r\nBo "B",bo@x.se')).toEqual([
      { line: 1, fields: ["namn", "e-post"] },
      { line: 2, fields: ["Ek, Maria", "maria@x.se"] },
      { line: 4, fields: ['Bo "B"', "bo@x.se"] },
    ]);
    expect(parseCsv('\uFEFFnamn;titel\nAnna;"Säger ""hej"""\n')).toEqual([
      { line: 1, fields: ["namn", "titel"] },
      { line: 2, fields: ["Anna", 'Säger "hej"'] },
    ]);
  });

  it("gives null for an unclosed quote", () => {
    expect(parseCsv('namn\n"Anna')).toBeNull();
  });
});
