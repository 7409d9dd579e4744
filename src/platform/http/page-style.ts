import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * One stylesheet for every server-rendered page (the CSP allows no script; pages work without it). Sizes in
 * rem so that the browser's text size scales everything; one column on a phone; tap targets of 44 px.
 */
export const PAGE_CSS = `*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:1.125rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#0b0c0c;background:#fff;overflow-wrap:anywhere}
a{color:#1864ab;text-underline-offset:.15em}
a:visited{color:#4c2c92}
a:hover{text-decoration-thickness:.15em}
a:focus-visible{outline:3px solid transparent;color:#0b0c0c;background:#ffdd00;box-shadow:0 -2px #ffdd00,0 4px #0b0c0c;text-decoration:none}
input:focus-visible,button:focus-visible{outline:3px solid #ffdd00;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
.skip{position:absolute;left:.5rem;top:-100rem;z-index:9;padding:.75rem 1rem;background:#ffdd00;color:#0b0c0c;font-weight:700}
.skip:focus{top:.5rem}
.w{max-width:48rem;margin:0 auto;padding:0 1rem}
.hd{background:#1864ab;color:#fff}
.hd a,.hd a:visited{display:flex;flex-direction:column;justify-content:center;min-height:2.75rem;padding:.5rem 0;color:#fff;text-decoration:none}
.hd b{font-size:1.375rem;line-height:1.2}
.hd a:focus-visible{color:#0b0c0c}
main{display:block;padding:1rem 0 2rem}
main:focus{outline:none}
h1{font-size:2rem;line-height:1.2;margin:.5rem 0 1rem}
h2{font-size:1.5rem;line-height:1.25;margin:2rem 0 .75rem}
h3{font-size:1.25rem;margin:1.5rem 0 .5rem}
p,ul,ol,dl,table,figure{margin:0 0 1rem}
ul,ol{padding-left:1.5rem}
li{margin-bottom:.375rem}
.m0{margin:0}
.lead{font-size:1.25rem}
.hint,.meta{color:#505a5f}
.crumbs ol{display:flex;flex-wrap:wrap;margin:0;padding:0;list-style:none}
.crumbs li{margin:0}
.crumbs li+li::before{content:"›";margin:0 .5rem}
.crumbs a,.t,.go a{display:inline-flex;align-items:center;min-height:2.75rem}
.go{list-style:none;padding:0}
.go a{font-weight:700}
.links{list-style:none;padding:0;border-top:1px solid #b1b4b6}
.links li{margin:0;padding:.25rem 0 .75rem;border-bottom:1px solid #b1b4b6}
.links a{display:inline-flex;align-items:center;min-height:2.75rem;font-size:1.1875rem;font-weight:700}
.links p{margin:0}
.sl{border-top:1px solid #b1b4b6}
.sl div{padding:.5rem 0;border-bottom:1px solid #b1b4b6}
.sl dt{font-weight:700}
.sl dd{margin:0}
.sl ul{margin:0}
@media (min-width:40em){.sl div{display:flex;gap:1rem}.sl dt{flex:0 0 38%}.sl dd{flex:1}}
.tw{overflow-x:auto}
table{width:100%;border-collapse:collapse}
caption{text-align:left;font-weight:700;padding-bottom:.5rem}
th,td{padding:.5rem .5rem .5rem 0;text-align:left;vertical-align:top;border-bottom:1px solid #b1b4b6}
.n{text-align:center;width:5.5rem}
.note{display:block;color:#505a5f;font-size:1rem}
label{display:block;margin-bottom:.25rem;font-size:1.25rem;font-weight:700}
input[type=text],input[type=search]{display:block;width:100%;max-width:26rem;min-height:2.75rem;margin-top:.25rem;padding:.375rem .5rem;font:inherit;border:2px solid #0b0c0c;border-radius:0}
button{min-height:2.75rem;margin-top:.75rem;padding:.5rem 1.25rem;font:inherit;font-weight:700;color:#fff;background:#1864ab;border:2px solid #1864ab;border-radius:0;box-shadow:0 2px 0 #0b0c0c;cursor:pointer}
.fg{margin-bottom:1.5rem}
.fe{padding-left:.75rem;border-left:5px solid #b10e1e}
.fe input{border-color:#b10e1e}
.em{margin:.25rem 0;color:#b10e1e;font-weight:700}
.es{margin-bottom:1.5rem;padding:1rem;border:5px solid #b10e1e}
.es:focus{outline:3px solid #ffdd00}
.es h2{margin-top:0}
.es a,.es a:visited{color:#b10e1e;font-weight:700}
.vh{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;clip-path:inset(50%)!important;white-space:nowrap!important;border:0!important}
.panel{margin-bottom:1.5rem;padding:1rem;background:#f3f2f1;border-left:5px solid #1864ab}
.panel p{margin:.25rem 0}
.big{font-size:1.5rem;font-weight:700}
.tag{display:inline-block;padding:.125rem .5rem;color:#fff;background:#1864ab;font-weight:700}
.qr{display:block;width:10rem;height:10rem}
.tl{list-style:none;padding:0;border-left:4px solid #b1b4b6}
.tl li{margin:0 0 1rem;padding-left:1rem}
.ft{margin-top:1rem;padding:1.5rem 0;border-top:4px solid #1864ab}
.ft p{margin:0 0 .5rem}
@media (prefers-contrast:more){a,a:visited{color:#000;text-decoration-thickness:.15em}.hd{background:#000}.hint,.meta,.note{color:#000}}
@media print{@page{size:A4;margin:15mm}body{font-size:11pt}.skip,.hd,.ft,.crumbs,.np,form{display:none!important}a,a:visited{color:#000}main{padding:0}h1{font-size:18pt}h2{font-size:14pt;margin-top:1.25rem}tr,figure,.sl div,.links li{break-inside:avoid}h2,h3{break-after:avoid}.tw{overflow:visible}}`;

const PAGE_CSS_BYTES = Buffer.from(PAGE_CSS);

/**
 * Named by its content: a browser keeps it for a year and fetches a changed one at once. Served apart rather
 * than inlined, every page is a few kilobytes lighter after the first (the ward's pages share one copy).
 */
export const PAGE_CSS_HREF = `/giao-dien/trang-${createHash('sha256').update(PAGE_CSS_BYTES).digest('hex').slice(0, 12)}.css`;

export function installPageStylesheet(app: FastifyInstance): void {
  app.get(PAGE_CSS_HREF, { config: { policy: 'public' }, schema: { hide: true } }, (_request, reply) =>
    reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .type('text/css; charset=utf-8')
      .send(PAGE_CSS_BYTES),
  );
}
