import { describe, expect, it } from "vitest";
import { daysUntil, describeDaysLeft, effectiveDeadline, formatSwedishDate, todayInSweden } from "./deadline";

describe("deadlines", () => {
  it("lets an extended deadline replace the original", () => {
    expect(effectiveDeadline("2011-09-01", "2011-10-01")).toBe("2011-10-01");
    expect(effectiveDeadline("2011-09-01", null)).toBe("2011-09-01");
    expect(effectiveDeadline(null, null)).toBeNull();
  });

  it("counts calendar days", () => {
    expect(daysUntil("2011-10-01", "2011-09-28")).toBe(3);
    expect(daysUntil("2011-10-01", "2011-10-01")).toBe(0);
    expect(daysUntil("2011-10-01", "2011-10-06")).toBe(-5);
  });

  it("describes days left in Swedish", () => {
    expect(describeDaysLeft(3)).toBe("3 dagar kvar");
    expect(describeDaysLeft(1)).toBe("1 dag kvar");
    expect(describeDaysLeft(0)).toBe("sista dagen i dag");
    expect(describeDaysLeft(-5)).toBe("passerad för 5 dagar sedan");
  });

  it("formats dates the Swedish way", () => {
    expect(formatSwedishDate("2011-10-01")).toBe("1 oktober 2011");
  });

  it("takes today's date in Stockholm, not UTC", () => {
    expect(todayInSweden(new Date("2026-11-27T23:30:00Z"))).toBe("2026-11-28");
  });
});
