#!/usr/bin/env node
// The CLI is TypeScript run by Node's own type stripping, which needs Node 24; `npx sheets-sfa`
// inside the project runs the Node 24 pinned in devDependencies.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(`sheets-sfa needs Node 24 or later (this is ${process.version}); run it with npx inside the project\n`);
  process.exit(2);
}
const { main } = await import('../server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
