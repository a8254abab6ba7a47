/** ISO dates (YYYY-MM-DD) are calendar days in Sweden; they are compared as UTC midnights. */
function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}

export function todayInSweden(now = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(now);
}

/** The deadline in force: an extended deadline (förlängd svarstid) replaces the original one. */
export function effectiveDeadline(deadline: string | null, extendedDeadline: string | null): string | null {
  return extendedDeadline ?? deadline;
}

export function daysUntil(isoDate: string, today = todayInSweden()): number {
  return dayNumber(isoDate) - dayNumber(today);
}

export function formatSwedishDate(isoDate: string): string {
  return new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** "3 dagar kvar", "1 dag kvar", "sista dagen i dag", "passerad för 5 dagar sedan". */
export function describeDaysLeft(days: number): string {
  if (days === 0) return "sista dagen i dag";
  const count = Math.abs(days);
  const unit = count === 1 ? "dag" : "dagar";
  return days > 0 ? `${count} ${unit} kvar` : `passerad för ${count} ${unit} sedan`;
}

/** "27 november 2026 14:03", in Swedish time. */
export function formatSwedishDateTime(iso: string): string {
  return new Intl.DateTimeFormat("sv-SE", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Stockholm",
  }).format(new Date(iso));
}
