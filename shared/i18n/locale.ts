export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export type MessageParams = Readonly<Record<string, string | number>>;

/** One message in both languages; `{name}` placeholders are filled from params. */
export type Message = Readonly<Record<Locale, string>>;

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function format(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
