import { describe, expect, it } from 'vitest';
import { escapeInlineScript, externalResources, inlineSidebar } from '../../../addon/build/inline-sidebar.ts';

const TEMPLATE = '<html><head><!-- inline:css --></head><body><!-- inline:js --></body></html>';

describe('inlineSidebar', () => {
  it('puts the styles and the script at their markers', () => {
    const html = inlineSidebar(TEMPLATE, 'main{color:red}', 'console.log(1)');
    expect(html).toBe('<html><head><style>\nmain{color:red}</style></head><body><script>\nconsole.log(1)</script></body></html>');
  });

  it('keeps $ sequences of the bundle literal when inlining', () => {
    expect(inlineSidebar(TEMPLATE, '', 'a.replace(/x/, "$&$1")')).toContain('a.replace(/x/, "$&$1")');
  });

  it('escapes a closing script tag inside the script when inlining', () => {
    const html = inlineSidebar(TEMPLATE, 'a{}/* </style> */', 'const s = "</script><script>alert(1)</script>";');
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html.match(/<\/style/gi)).toHaveLength(1);
  });

  it('fails when a marker is missing or repeated', () => {
    expect(() => inlineSidebar('<html><!-- inline:js --></html>', '', '')).toThrow(/inline:css/);
    expect(() => inlineSidebar(`${TEMPLATE}<!-- inline:js -->`, '', '')).toThrow(/exactly once, found 2/);
  });

  it('fails when the template loads an external script or stylesheet', () => {
    expect(() => inlineSidebar(`<link rel="stylesheet" href="https://ssl.gstatic.com/a.css">${TEMPLATE}`, '', '')).toThrow(/self-contained/);
    expect(() => inlineSidebar(`<script src="x.js"></script>${TEMPLATE}`, '', '')).toThrow(/self-contained/);
  });
});

describe('escapeInlineScript', () => {
  it('escapes </script and <!-- in any case', () => {
    expect(escapeInlineScript('"</SCRIPT>" + "<!--"')).toBe('"<\\/SCRIPT>" + "<\\!--"');
  });
});

describe('externalResources', () => {
  it('allows data: URLs and fragments', () => {
    expect(externalResources('<img src="data:image/png;base64,AAA"><a href="#x">')).toEqual([]);
  });
});
