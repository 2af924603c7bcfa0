// The one way the sidebar builds DOM: attributes with setAttribute, text with text nodes. Data
// from the sheet never goes through innerHTML.
export type Child = Node | string | number | null | undefined | false;
export type Attrs = Readonly<Record<string, string | number | boolean | null | undefined>>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, children: readonly Child[] = []): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces everything inside `el`. */
export function fill(el: Element, children: readonly Child[]): void {
  el.replaceChildren();
  append(el, children);
}

let next = 0;

/** A document-unique id for label/aria wiring. */
export function uid(prefix: string): string {
  next += 1;
  return `${prefix}-${next}`;
}
