import { daysUntil, describeDaysLeft, effectiveDeadline, formatSwedishDate } from "@/domain/deadline";

export function Deadline({
  deadline,
  extendedDeadline,
  finalised = false,
}: {
  deadline: string | null;
  extendedDeadline: string | null;
  /** A finalised statement is answered: its deadline is shown as a date, never as overdue. */
  finalised?: boolean;
}) {
  const inForce = effectiveDeadline(deadline, extendedDeadline);
  if (!inForce) return <span>Ingen svarstid angiven</span>;
  const days = daysUntil(inForce);
  const extension = extendedDeadline && deadline && <> (förlängd från {formatSwedishDate(deadline)})</>;
  if (finalised) {
    return (
      <span className="deadline">
        {formatSwedishDate(inForce)}
        {extension} – justerad
      </span>
    );
  }
  return (
    <span className={days < 0 ? "deadline overdue" : "deadline"}>
      {formatSwedishDate(inForce)}
      {extension} – {describeDaysLeft(days)}
    </span>
  );
}

/** A statement's deadline in force, shown as answered once the statement is finalised. */
export function StatementDeadline({
  statement,
}: {
  statement: { deadline: string | null; extendedDeadline: string | null; status: string };
}) {
  return (
    <Deadline
      deadline={statement.deadline}
      extendedDeadline={statement.extendedDeadline}
      finalised={statement.status === "finalised"}
    />
  );
}
