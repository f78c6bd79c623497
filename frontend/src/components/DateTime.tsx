const FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** An instant from the API in the reader's locale, keeping the exact value in the markup. */
export function DateTime({ value }: { value: string }) {
  return <time dateTime={value}>{FORMAT.format(new Date(value))}</time>;
}
