import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ContentBlock, StatementDocument } from "../content";
import { TJANSTEUTLATANDE_TEMPLATE } from "../template";
import { importPlainTextStatement, StatementImportError } from "./plain-text-statement";

// The seed is committed beside the demo data (a public document) so a clone needs nothing outside the repo.
const SEED_URL = new URL("../../seed/tjansteutlatande-remiss-jamlikhet-2011.txt", import.meta.url);

function blocksOf(document: StatementDocument, key: string): ContentBlock[] {
  const section = document.sections.find((candidate) => candidate.key === key);
  if (!section) throw new Error(`section ${key} missing`);
  return section.blocks;
}

function paragraphTexts(document: StatementDocument, key: string): string[] {
  return blocksOf(document, key).flatMap((block) => (block.type === "paragraph" ? [block.text] : []));
}

/** Mimics the PDF extractor: each line followed by "", paragraphs separated by " ". */
function extractedPdfText(paragraphs: string[][], lineEnding = "\n"): string {
  return [...paragraphs.map((lines) => lines.flatMap((line) => [`${line} `, ""]).join(lineEnding)), ""].join(
    `${lineEnding} ${lineEnding}${lineEnding}`,
  );
}

describe("importPlainTextStatement on the seed (remiss om jämlikhet, 2011)", () => {
  const statement = importPlainTextStatement(readFileSync(SEED_URL, "utf8"));

  it("reads the header", () => {
    expect(statement.recipient).toBe("Hässelby-Vällingby stadsdelsnämnd");
    expect(statement.title).toBe(
      "”Om ökad jämlikhet, minskad segregation och goda uppväxtvillkor för barn och unga”– motion från (v)",
    );
    expect(statement.diarienummer).toBeNull();
  });

  it("finds remiss sender, deadlines and preparing units in the text", () => {
    expect(statement.remissSender).toBe("Kommunstyrelsen");
    expect(statement.deadline).toBe("2011-09-01");
    expect(statement.extendedDeadline).toBe("2011-10-01");
    expect(statement.preparingUnits).toEqual([
      "Socialtjänstavdelningen",
      "Barn- och ungdomsenheten",
      "Enheten för ekonomiskt bistånd",
    ]);
  });

  it("pairs the two-column signature block into signatories", () => {
    expect(statement.signatories).toEqual([
      { name: "Leif Spjuth", title: "stadsdelsdirektör" },
      { name: "Ingrid Brännström", title: "avdelningschef" },
    ]);
  });

  it("returns every template section in template order", () => {
    expect(statement.sections.map(({ key, title }) => ({ key, title }))).toEqual(
      TJANSTEUTLATANDE_TEMPLATE.map(({ key, title }) => ({ key, title })),
    );
    expect(statement.sections.map((section) => section.key)).toEqual([
      "forslag-till-beslut",
      "sammanfattning",
      "bilaga",
      "arendets-beredning",
      "bakgrund",
      "forvaltningens-yttrande",
      "forslag-till-beslut-avslutande",
    ]);
  });

  it("keeps paragraphs intact in every section", () => {
    const paragraphCounts = Object.fromEntries(
      statement.sections.map((section) => [section.key, paragraphTexts(statement, section.key).length]),
    );
    expect(paragraphCounts).toEqual({
      "forslag-till-beslut": 0,
      sammanfattning: 1,
      bilaga: 1,
      "arendets-beredning": 1,
      bakgrund: 2,
      "forvaltningens-yttrande": 4,
      "forslag-till-beslut-avslutande": 1,
    });
  });

  it("turns the numbered proposals into one ordered list without the signature block", () => {
    expect(blocksOf(statement, "forslag-till-beslut")).toEqual([
      {
        type: "orderedList",
        items: [
          "Stadsdelsnämnden beslutar att som svar på remissen överlämna och åberopa förvaltningens tjänsteutlåtande.",
          "Ärendet förklaras omedelbart justerat",
        ],
      },
    ]);
  });

  it("joins soft-wrapped lines with single spaces", () => {
    expect(paragraphTexts(statement, "bakgrund")[0]).toBe(
      "Karin Rågsjö (v) och Måns Almqvist (v) föreslår i en motion till kommunfullmäktige den 14 mars 2011 " +
        "att staden ska tillsätta en tvärsektoriell utredning som granskar de socioekonomiska konsekvenserna " +
        "av ökad segregering inom olika områden, samt att förslag ska tas fram på hur jämlikheten kan öka och " +
        "hur segregationen kan minska i alla delar av staden.",
    );
    expect(paragraphTexts(statement, "bakgrund")[1]).toBe(
      "Motionen har av kommunstyrelsen remitterats till socialnämnden, arbetsmarknadsnämnden, " +
        "utbildningsnämnden samt stadsdelsnämnderna i och stadsdelsnämnderna i Hässelby-Vällingby, Norrmalm " +
        "och Farsta. Yttrandet skulle ha varit kommunstyrelsen tillhanda senast 1 september 2011. Förvaltningen " +
        "har efter kontakt med trafik- och arbetsmarknadsroteln beviljats förlängd svarstid till den 1 oktober 2011.",
    );
  });

  it("ends a section at a heading that follows a page break", () => {
    expect(paragraphTexts(statement, "forvaltningens-yttrande").at(-1)).toBe(
      "När det gäller förslaget att tillsätta en tvärsektoriell utredning är det i första hand en politisk " +
        "fråga som förvaltningen lämnar utan eget ställningstagande. Det gäller även frågor kring ökad " +
        "jämlikhet i staden.",
    );
    expect(paragraphTexts(statement, "arendets-beredning")).toEqual([
      "Ärendet har beretts inom Socialtjänstavdelningen, Barn- och ungdomsenheten och enheten för ekonomiskt bistånd.",
    ]);
  });

  it("starts the Bilaga section with the text after “Bilaga:”", () => {
    expect(paragraphTexts(statement, "bilaga")).toEqual([
      "Motion till kommunfullmäktige (2011:24) av Karin Rågsjö (v) och Måns Almqvist (v) om ökad jämlikhet, " +
        "minskad segregation och goda uppväxtvillkor för barn och unga.",
    ]);
  });

  it("reads the remaining sections and ignores the end marker", () => {
    expect(paragraphTexts(statement, "sammanfattning")[0]).toMatch(
      /^Vissa barn och ungdomar i stadsdelen befinner sig i socialt utsatta situationer\. Förvaltningen arbetar/,
    );
    expect(paragraphTexts(statement, "sammanfattning")[0]).toMatch(
      /politiska frågor som förvaltningen lämnar utan eget ställningstagande\.$/,
    );
    expect(paragraphTexts(statement, "forvaltningens-yttrande")[2]).toBe(
      "Stadsdelen har ett utvecklat och bra samarbete med Jobbtorget i Vällingby till vilket " +
        "socialbidragssökande personer i arbetsför ålder hänvisas i syfte att ge dem stöd och coachning för " +
        "att kunna ta sig ut på arbetsmarknaden, tex via praktikjobb, eller övergå till studier.",
    );
    expect(paragraphTexts(statement, "forslag-till-beslut-avslutande")).toEqual([
      "Stadsdelsnämnden föreslås besluta att som svar på remissen överlämna och åberopa förvaltningens " +
        "tjänsteutlåtande. Nämnden föreslås även besluta om omedelbar justering.",
    ]);
  });

  it("leaves no doubled or stray whitespace in any text", () => {
    const texts = statement.sections.flatMap((section) =>
      section.blocks.flatMap((block) => ("text" in block ? [block.text] : block.items)),
    );
    for (const text of [...texts, statement.title, statement.recipient]) {
      expect(text).toBe(text.trim());
      expect(text).not.toMatch(/\s{2,}|[\r\n\u00A0]/);
    }
  });
});

describe("importPlainTextStatement on synthetic input", () => {
  const threeSignatoryParagraphs = [
    ["Dnr 1.5-123/2024"],
    ["Till"],
    ["Exempelby stadsdelsnämnd"],
    ["Remiss om", "exempel"],
    ["Förslag till beslut"],
    ["1. Stadsdelsnämnden godkänner", "förslaget."],
    ["2. Ärendet förklaras omedelbart justerat"],
    [
      "Anna Andersson        Bo Berg        Cecilia af Chapman",
      "stadsdelsdirektör        avdelningschef        t.f. enhetschef",
    ],
    ["Bakgrund"],
    ["Kulturnämnden har remitterats av stadsledningskontoret till", "nämnden."],
    ["Svaret ska vara stadsledningskontoret", "tillhanda senast den 3 mars 2024."],
  ];

  it("pairs any number of signatories and continues a list across paragraphs", () => {
    const statement = importPlainTextStatement(extractedPdfText(threeSignatoryParagraphs));
    expect(statement.signatories).toEqual([
      { name: "Anna Andersson", title: "stadsdelsdirektör" },
      { name: "Bo Berg", title: "avdelningschef" },
      { name: "Cecilia af Chapman", title: "t.f. enhetschef" },
    ]);
    expect(blocksOf(statement, "forslag-till-beslut")).toEqual([
      {
        type: "orderedList",
        items: ["Stadsdelsnämnden godkänner förslaget.", "Ärendet förklaras omedelbart justerat"],
      },
    ]);
  });

  it("reads the diarienummer and keeps it out of the header text", () => {
    const statement = importPlainTextStatement(extractedPdfText(threeSignatoryParagraphs));
    expect(statement.diarienummer).toBe("1.5-123/2024");
    expect(statement.recipient).toBe("Exempelby stadsdelsnämnd");
    expect(statement.title).toBe("Remiss om exempel");
    expect(statement.remissSender).toBe("Stadsledningskontoret");
    expect(statement.deadline).toBe("2024-03-03");
    expect(statement.extendedDeadline).toBeNull();
    expect(statement.preparingUnits).toEqual([]);
  });

  it("returns empty sections for headings the text lacks", () => {
    const statement = importPlainTextStatement(extractedPdfText(threeSignatoryParagraphs));
    expect(statement.sections).toHaveLength(TJANSTEUTLATANDE_TEMPLATE.length);
    expect(blocksOf(statement, "sammanfattning")).toEqual([]);
    expect(blocksOf(statement, "forslag-till-beslut-avslutande")).toEqual([]);
    expect(paragraphTexts(statement, "bakgrund")).toHaveLength(2);
  });

  it("reads CRLF line endings and non-breaking spaces like plain LF text", () => {
    const paragraphs = [
      ["Till Norra\u00A0stadsdelsnämnden"],
      ["Yttrande över", "en remiss"],
      ["Sammanfattning"],
      ["Förvaltningen\u00A0tillstyrker", "förslaget."],
      ["Ärendets beredning"],
      ["Ärendet har beretts inom avdelningen för", "stadsmiljö och Parkenheten."],
    ];
    const fromCrlf = importPlainTextStatement(
      `${extractedPdfText(paragraphs, "\r\n")}                   -----\r\n`,
    );
    const fromLf = importPlainTextStatement(extractedPdfText(paragraphs).replaceAll("\u00A0", " "));

    expect(fromCrlf).toEqual(fromLf);
    expect(fromCrlf.recipient).toBe("Norra stadsdelsnämnden");
    expect(fromCrlf.title).toBe("Yttrande över en remiss");
    expect(paragraphTexts(fromCrlf, "sammanfattning")).toEqual(["Förvaltningen tillstyrker förslaget."]);
    expect(fromCrlf.preparingUnits).toEqual(["Avdelningen för stadsmiljö", "Parkenheten"]);
  });

  it("rejects text without a “Till” header", () => {
    const text = extractedPdfText([["Remiss om exempel"], ["Bakgrund"], ["Något hände."]]);
    expect(() => importPlainTextStatement(text)).toThrow(StatementImportError);
    expect(() => importPlainTextStatement(text)).toThrow(
      expect.objectContaining({ reason: "missing-recipient" }),
    );
  });

  it("rejects text without any known section heading", () => {
    const text = extractedPdfText([
      ["Till"],
      ["Exempelby stadsdelsnämnd"],
      ["Ett brev"],
      ["Hej, detta är ett brev."],
    ]);
    expect(() => importPlainTextStatement(text)).toThrow(StatementImportError);
    expect(() => importPlainTextStatement(text)).toThrow(expect.objectContaining({ reason: "no-sections" }));
  });

  it("rejects empty text", () => {
    expect(() => importPlainTextStatement(" \n\n \r\n")).toThrow(
      expect.objectContaining({ reason: "empty-text" }),
    );
  });
});
