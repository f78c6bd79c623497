const FORMATS = {
  minutes: new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }),
  // Health probes and reports are seconds apart.
  seconds: new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" }),
};

/** An instant from the API in the reader's locale, keeping the exact value in the markup. */
export function DateTime({ value, precision = "minutes" }: { value: string; precision?: keyof typeof FORMATS }) {
  return <time dateTime={value}>{FORMATS[precision].format(new Date(value))}</time>;
}
