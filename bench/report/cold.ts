/** The report's cold-open section and the open checks the targets use. */
import type { ColdFigures } from "../lib/results";
import { median } from "../lib/stats";
import { background, count, cpuCell, label, mib, ms, ratio, ratioRows, table } from "./format";

/** Ours cold open (after a restart) when measured, else its warm open; the in-memory servers only have warm. */
export function openFigure(cold: ColdFigures): number {
  return cold.coldOpenMs.length > 0 ? median(cold.coldOpenMs) : median(cold.warmOpenMs);
}

export interface HocuspocusCheck {
  scenario: string;
  ours: number | undefined;
  theirs: number | undefined;
  higherIsBetter: boolean;
}

/**
 * The trace opens judged against Hocuspocus, like for like: after a restart when both were restarted
 * (Hocuspocus persisting with its own extension), and with the document in memory. A run without
 * Hocuspocus' cold opens compares ours' cold open with its warm one, the closest it has.
 */
export function traceOpenChecks(
  ours: ColdFigures | undefined,
  theirs: ColdFigures | undefined,
): HocuspocusCheck[] {
  if (!ours || !theirs) return [];
  if (ours.coldOpenMs.length === 0 || theirs.coldOpenMs.length === 0) {
    return [
      {
        scenario: "trace connect → synced (ours cold, Hocuspocus warm in memory)",
        ours: openFigure(ours),
        theirs: median(theirs.warmOpenMs),
        higherIsBetter: false,
      },
    ];
  }
  return [
    {
      scenario: "trace connect → synced after a restart",
      ours: median(ours.coldOpenMs),
      theirs: median(theirs.coldOpenMs),
      higherIsBetter: false,
    },
    {
      scenario: "trace connect → synced, document in memory",
      ours: median(ours.warmOpenMs),
      theirs: median(theirs.warmOpenMs),
      higherIsBetter: false,
    },
  ];
}

/** Ours cold ÷ Hocuspocus warm, shown beside the like-for-like checks when those were made. */
export function crossedOpenRatio(
  ours: ColdFigures | undefined,
  theirs: ColdFigures | undefined,
): string | null {
  if (!ours || !theirs || ours.coldOpenMs.length === 0 || theirs.coldOpenMs.length === 0) return null;
  return ratio(median(ours.coldOpenMs), median(theirs.warmOpenMs));
}

/** The median, or "–" for a list that is empty (no cold opens, no load timed) or that older results lack. */
export function medianOrDash(values: number[] | undefined): string {
  return values && values.length > 0 ? ms(median(values)) : "–";
}

export function serverPartCell(entry: ColdFigures): string {
  return `${medianOrDash(entry.coldOpenServerMs)} / ${medianOrDash(entry.warmOpenServerMs)}`;
}

/** What the cold-open figures are, and how they were taken. */
const COLD_NOTES =
  "\nServer load is `loadDocument` timed inside a freshly started server (nothing loaded, code not yet " +
  "optimised by the JIT, as after a deploy); read + rebuild are its two steps (`loadStoredDocument`, then " +
  "`Y.applyUpdate` into a new document), timed apart in other freshly started servers. Encode is " +
  "`Y.encodeStateAsUpdate` of the loaded document, what a new client's sync step 2 costs in a loaded room; " +
  "in a cold open ours sends a new client the stored snapshot as soon as it is read, and rebuilds meanwhile " +
  "(`server/collab/stored-state-handoff.ts`).\n" +
  "\nWarm opens wait until the server (and its database) has used under 0.05 cores for 250 ms after the " +
  'replay ("busy after the replay": ours persists and compacts the 259,778 updates meanwhile), so they time an ' +
  "open and not that work.\n" +
  "\nThe server's part of an open is connect → the last message the client received before it was synced: " +
  "the upgrade (ours: the session and the statement's access checked in the database), the server's answer " +
  "and its transfer; the rest of an open is the client applying the state. The writer has the same Yjs " +
  "client id against every server, so the servers hold the same bytes: every item names its neighbours by " +
  "client id, a varint of four or five bytes, and the trace's state is 289,553 or 311,460 bytes by that " +
  "alone (ours on PostgreSQL starts from a statement seeded apart: its own client ids differ by a few " +
  "bytes).\n" +
  "\nEvery open is by the same opener process, after 3 untimed opens against the same server: applying the " +
  "state is most of an open, and the opener's JIT speeds it up over its first few opens, so every server is " +
  "timed with an equally warm client.\n" +
  "\nThe stock server keeps documents in memory only: it cannot be restarted without losing the document, so " +
  "it has no cold open, and its warm open (document in memory, writer still connected) is the closest figure. " +
  "Hocuspocus persists in this scenario (see Setup): its cold opens follow a graceful shutdown and a restart, " +
  "as ours do, and its figures in this table (replay, stored bytes, shutdown) are with that persistence. " +
  "Against Hocuspocus, the targets judge cold against cold and warm against warm; ours cold against its warm " +
  "is shown beside them.\n\n";

/** Ours against each other server, where both were measured. */
function coldRatios(figures: ColdFigures[]): string {
  const rows = ratioRows(figures, ["stock", "hocuspocus"], (mine, theirs) => [
    ratio(mine.ingestPerSecond, theirs.ingestPerSecond),
    ratio(mine.replayCpuSeconds, theirs.replayCpuSeconds),
    theirs.coldOpenMs.length > 0 ? ratio(median(mine.coldOpenMs), median(theirs.coldOpenMs)) : "–",
    ratio(median(mine.warmOpenMs), median(theirs.warmOpenMs)),
    mine.warmOpenServerMs?.length && theirs.warmOpenServerMs?.length
      ? ratio(median(mine.warmOpenServerMs), median(theirs.warmOpenServerMs))
      : "–",
    ratio(median(mine.coldOpenMs), median(theirs.warmOpenMs)),
  ]);
  if (rows.length === 0) return "";
  return (
    "\nRatios (ours ÷ theirs):\n\n" +
    table(
      [
        "ratio",
        "edits/s (higher is better)",
        "replay server CPU",
        "cold open ÷ cold open",
        "warm open ÷ warm open",
        "server's part of a warm open (not judged)",
        "our cold open ÷ their warm open",
      ],
      rows,
    )
  );
}

export function coldSection(figures: ColdFigures[]): string {
  if (figures.length === 0) return "";
  let out = "## Cold open of a long history (automerge-paper trace)\n\n";
  out += table(
    [
      "server",
      "edits",
      "replay s",
      "edits/s",
      "server CPU s (replay)",
      "peak RSS MiB",
      "stored bytes (update rows)",
      "state bytes",
      "shutdown ms",
      "cold open ms (median; runs)",
      "busy after the replay ms",
      "warm open ms (median; runs)",
      "of which the server's part, cold / warm ms (medians)",
      "server load ms (median; runs)",
      "of which read + rebuild ms (medians)",
      "encode ms",
      "other load (cores)",
    ],
    figures.map((entry) => [
      label(entry.server),
      count(entry.edits),
      entry.replaySeconds.toFixed(1),
      count(entry.ingestPerSecond),
      cpuCell(entry.replayCpuSeconds, entry.replayDatabaseCpuSeconds, 1),
      mib(Math.max(entry.replayPeakRssBytes, entry.openPeakRssBytes)),
      entry.storedBytes === null
        ? "in memory"
        : `${count(entry.storedBytes)} (${entry.storedRows === null ? "a file" : entry.storedRows})`,
      count(entry.stateBytes),
      ms(entry.shutdownMs),
      entry.coldOpenMs.length > 0
        ? `${ms(median(entry.coldOpenMs))}; ${entry.coldOpenMs.map(ms).join(", ")}`
        : "in memory: no restart possible",
      // Absent in reports of runs from before the warm opens waited for it.
      ms(entry.settleMs),
      `${ms(median(entry.warmOpenMs))}; ${entry.warmOpenMs.map(ms).join(", ")}`,
      serverPartCell(entry),
      entry.serverLoadMs.length > 0
        ? `${ms(median(entry.serverLoadMs))}; ${entry.serverLoadMs.map(ms).join(", ")}`
        : "–",
      entry.serverReadMs.length > 0
        ? `${ms(median(entry.serverReadMs))} + ${ms(median(entry.serverApplyMs))}`
        : "–",
      medianOrDash(entry.serverEncodeMs),
      background(entry.background),
    ]),
  );
  out += coldRatios(figures);
  out += COLD_NOTES;
  return out;
}
