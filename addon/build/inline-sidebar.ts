// The sidebar ships as ONE HtmlService file: HtmlService serves it from the script project, where
// there is nowhere to fetch a separate script or stylesheet from.

const CSS_MARKER = '<!-- inline:css -->';
const JS_MARKER = '<!-- inline:js -->';

export class SidebarInlineError extends Error {
  override readonly name = 'SidebarInlineError';
}

// Inside <script>, the HTML parser ends the element at the first `</script`, whatever the JS
// means; `<!--` can switch it into an escaped state. `<\/` and `<\!` mean the same in JS strings,
// regular expressions and comments, where these sequences can occur.
export function escapeInlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

// In CSS `\/` is an escaped `/`: same meaning, no `</style` for the HTML parser.
function escapeInlineStyle(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

function replaceOnce(html: string, marker: string, replacement: string, file: string): string {
  const parts = html.split(marker);
  if (parts.length !== 2) throw new SidebarInlineError(`${file}: expected the marker ${marker} exactly once, found ${parts.length - 1}`);
  // split/join rather than String.replace: `$&` and friends in the bundle must stay literal.
  return parts.join(replacement);
}

/** External resources the page would load: a sidebar must not have any. */
export function externalResources(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?([^"'\s>]+)/gi)) {
    const url = m[3] ?? '';
    if (!url.startsWith('data:') && !url.startsWith('#')) found.push(`<${m[1]} ${m[2]}=${url}>`);
  }
  for (const m of html.matchAll(/@import\s+(url\()?["']?([^"')\s;]+)/gi)) found.push(`@import ${m[2]}`);
  return found;
}

/** The template with its style and script inlined at the markers. */
export function inlineSidebar(template: string, css: string, js: string, file = 'sidebar.html'): string {
  const own = externalResources(template);
  if (own.length > 0) throw new SidebarInlineError(`${file}: the sidebar must be self-contained, but it loads ${own.join(', ')}`);
  const withCss = replaceOnce(template, CSS_MARKER, `<style>\n${escapeInlineStyle(css)}</style>`, file);
  return replaceOnce(withCss, JS_MARKER, `<script>\n${escapeInlineScript(js)}</script>`, file);
}
