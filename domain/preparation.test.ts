import { describe, expect, it } from "vitest";
import { contributorsOf, preparationSuggestion } from "./preparation";

const sara = { id: "1", name: "Sara Lindqvist", unit: "Barn- och ungdomsenheten" };
const ahmed = { id: "2", name: "Ahmed Yilmaz", unit: "Enheten för ekonomiskt bistånd" };
const johan = { id: "3", name: "Johan Berg", unit: "Barn- och ungdomsenheten" };
const leif = { id: "4", name: "Leif Spjuth", unit: null };

describe("preparationSuggestion", () => {
  it("names each unit with its people in brackets, in the order they first wrote", () => {
    expect(preparationSuggestion([sara, ahmed])).toBe(
      "Ärendet har beretts av Barn- och ungdomsenheten (Sara Lindqvist) och Enheten för ekonomiskt bistånd (Ahmed Yilmaz).",
    );
    expect(preparationSuggestion([sara, ahmed, johan])).toBe(
      "Ärendet har beretts av Barn- och ungdomsenheten (Sara Lindqvist och Johan Berg) och Enheten för ekonomiskt bistånd (Ahmed Yilmaz).",
    );
  });

  it("lists people without a unit after the units, and suggests nothing without writers", () => {
    expect(preparationSuggestion([leif, ahmed])).toBe(
      "Ärendet har beretts av Enheten för ekonomiskt bistånd (Ahmed Yilmaz) och Leif Spjuth.",
    );
    expect(preparationSuggestion([])).toBeNull();
  });
});

describe("contributorsOf", () => {
  it("takes every writer once, in the order of the paragraphs", () => {
    const sections = [
      { paragraphs: [{ authors: [ahmed] }, { authors: [sara, ahmed] }] },
      { paragraphs: [{ authors: [] }, { authors: [johan, sara] }] },
    ];
    expect(contributorsOf(sections).map((author) => author.name)).toEqual([
      "Ahmed Yilmaz",
      "Sara Lindqvist",
      "Johan Berg",
    ]);
  });
});
