// A cell starting with = + - @ (or a tab/CR) is a formula to spreadsheet programs (CSV injection).
// The export prefixes such cells with an apostrophe; the import takes it off again, so a round trip is exact.
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardSpreadsheetCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unguardSpreadsheetCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
