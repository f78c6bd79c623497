// The console is written in English; its numbers follow its words ("1,234 requests").
const LOCALE = "en-US";
const COUNT = new Intl.NumberFormat(LOCALE);
const SHARE = new Intl.NumberFormat(LOCALE, { style: "percent", maximumFractionDigits: 2 });
const DECIMAL = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const BYTE_UNITS = ["B", "kB", "MB", "GB", "TB"];

export function formatCount(value: number): string {
  return COUNT.format(value);
}

/** The part of `whole` that `part` is, "2.5%"; "—" when there is no whole. */
export function formatShare(part: number, whole: number): string {
  return whole === 0 ? "—" : SHARE.format(part / whole);
}

/** Decimal units, as network traffic is counted: "1.5 MB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${DECIMAL.format(value)} ${BYTE_UNITS[unit]}`;
}

export function formatLatency(millis: number | undefined): string {
  return millis === undefined ? "—" : `${DECIMAL.format(millis)} ms`;
}
