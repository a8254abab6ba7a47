import { daysUntil, describeDaysLeft, effectiveDeadline, formatSwedishDate } from "@/domain/deadline";

export function Deadline({
  deadline,
  extendedDeadline,
}: {
  deadline: string | null;
  extendedDeadline: string | null;
}) {
  const inForce = effectiveDeadline(deadline, extendedDeadline);
  if (!inForce) return <span>Ingen svarstid angiven</span>;
  const days = daysUntil(inForce);
  return (
    <span className={days < 0 ? "deadline overdue" : "deadline"}>
      {formatSwedishDate(inForce)}
      {extendedDeadline && deadline && <> (förlängd från {formatSwedishDate(deadline)})</>} –{" "}
      {describeDaysLeft(days)}
    </span>
  );
}
