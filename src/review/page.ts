import { createHash } from 'node:crypto';
import { html, raw, type HtmlValue, type SafeHtml } from './escape.js';

const hash = (code: string) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`;

/**
 * A whole self-contained page: inline stylesheet and script only. The Content-Security-Policy
 * allows exactly those (by hash) and no network at all, so even markup that slipped through could
 * neither run nor fetch anything.
 */
export function page(options: { title: string; css: string; js: string; body: HtmlValue; bodyClass?: string }): string {
  const csp = `default-src 'none'; img-src data:; style-src ${hash(options.css)}; script-src ${hash(options.js)}; base-uri 'none'; form-action 'none'`;
  const out: SafeHtml = html`<!doctype html>
<html lang="zh-Hant-TW">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="generator" content="twminutes review">
<title>${options.title}</title>
<style>${raw(options.css)}</style>
</head>
<body class="${options.bodyClass ?? ''}">
${options.body}
<script>${raw(options.js)}</script>
</body>
</html>
`;
  return out.value;
}
