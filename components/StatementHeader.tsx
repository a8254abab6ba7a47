import type { StatementDetail } from "@/db/queries/statements";
import { Deadline } from "./Deadline";

export function StatementHeader({ statement }: { statement: StatementDetail }) {
  return (
    <header className="statement-header">
      <p className="muted">Tjänsteutlåtande</p>
      <h1>{statement.title}</h1>
      <dl className="metadata">
        <div>
          <dt>Till</dt>
          <dd>{statement.recipient}</dd>
        </div>
        <div>
          <dt>Diarienummer</dt>
          <dd>{statement.diarienummer ?? "–"}</dd>
        </div>
        <div>
          <dt>Remiss från</dt>
          <dd>{statement.remissSender ?? "–"}</dd>
        </div>
        <div>
          <dt>Svarstid</dt>
          <dd>
            <Deadline
              deadline={statement.deadline}
              extendedDeadline={statement.extendedDeadline}
              finalised={statement.status === "finalised"}
            />
          </dd>
        </div>
        <div>
          <dt>Beredande enheter</dt>
          <dd>{statement.preparingUnits.map((unit) => unit.name).join(", ") || "–"}</dd>
        </div>
        <div>
          <dt>Undertecknas av</dt>
          <dd>
            {statement.signatories.map((signatory) => `${signatory.name}, ${signatory.title}`).join("; ") ||
              "–"}
          </dd>
        </div>
      </dl>
    </header>
  );
}
