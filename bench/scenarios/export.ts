import mammoth from "mammoth";
import { renderDocx } from "../../document/docx";
import { closePdfEngine, renderPdf } from "../../document/pdf";
import { seedDocumentModel } from "../../tests/support/seed-document";
import type { ExportFigures } from "../lib/results";
import { median } from "../lib/stats";
import { log, quick, results } from "../run/context";
import type { Scenario } from "./scenario";

/** Targets from the issue: the seed's export, on this machine. */
const TARGET_MS = { docx: 300, pdf: 2000 } as const;

async function timed(render: () => Promise<Buffer>): Promise<{ ms: number; bytes: Buffer }> {
  const started = performance.now();
  const bytes = await render();
  return { ms: performance.now() - started, bytes };
}

/**
 * The export scenario: the seed statement rendered to DOCX and to PDF, `runs` times each after
 * one warm-up (which for PDF starts Chromium, reported apart). The document model is built once:
 * this measures the renderers, as an export does after reading the statement.
 */
async function runExport(): Promise<void> {
  const runs = quick ? 2 : 10;
  const model = seedDocumentModel();
  const figures: ExportFigures[] = [];
  for (const format of ["docx", "pdf"] as const) {
    const render = () => (format === "docx" ? renderDocx(model) : renderPdf(model));
    const first = await timed(render);
    const times: number[] = [];
    for (let run = 0; run < runs; run++) times.push((await timed(render)).ms);
    figures.push({
      format,
      runs,
      medianMs: median(times),
      minMs: Math.min(...times),
      maxMs: Math.max(...times),
      firstMs: first.ms,
      bytes: first.bytes.length,
      targetMs: TARGET_MS[format],
    });
    const holdsText =
      format === "pdf"
        ? first.bytes.subarray(0, 5).toString("latin1") === "%PDF-"
        : (await mammoth.extractRawText({ buffer: first.bytes })).value.includes(
            "Förvaltningens yttrande och synpunkter",
          );
    results.integrity.push({
      scenario: "export",
      server: "ours-pglite",
      ok: holdsText,
      detail: `the seed's ${format.toUpperCase()} ${holdsText ? "holds" : "lacks"} the statement`,
    });
  }
  await closePdfEngine();
  results.export = figures;
  for (const entry of figures) {
    log(`export ${entry.format}: median of ${entry.runs} ${entry.medianMs.toFixed(0)} ms`);
  }
}

export const exportScenario: Scenario = { name: "export", serverless: true, run: runExport };
