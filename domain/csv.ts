/*
 * CSV as spreadsheets write it: comma or semicolon (chosen by the header line), fields optionally in
 * double quotes with "" for a quote, CRLF or LF line ends. Blank lines are skipped.
 */

function separatorOf(headerLine: string): "," | ";" {
  return (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ";" : ",";
}

/** The records of a CSV text, each with its 1-based line number; null when a quote is never closed. */
export function parseCsv(text: string): { line: number; fields: string[] }[] | null {
  const input = text.replace(/^\uFEFF/, "");
  const separator = separatorOf(input.split(/\r?\n/, 1)[0] ?? "");
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.some((value) => value.trim() !== "")) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
  };
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === "\n") line++;
        field += char;
      }
    } else if (char === '"' && field === "") quoted = true;
    else if (char === separator) {
      fields.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && input[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += char;
  }
  if (quoted) return null;
  endRecord();
  return records;
}
