// Runs queries with the script's engine over an index in a folder, for
// TestQueries: argv[2] is the script, argv[3] the folder; each line of
// stdin is a query, with filters after a tab. It writes, for each, the
// addresses of the results in order, whether they have every word, and the files the query fetched.
require(process.argv[2]);
const fs = require('fs');
const path = require('path');
const s = globalThis.pamphletSearch;
const dir = process.argv[3];
let input = '';
process.stdin.on('data', (d) => { input += d; });
process.stdin.on('end', async () => {
  for (const line of input.split('\n').filter((l) => l !== '')) {
    const [q, f] = line.split('\t');
    const fetched = [];
    const index = new s.Index('', (url) => {
      const file = url.replace(/\?.*$/, '');
      fetched.push(file);
      return Promise.resolve(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    });
    const r = await index.search(q, f ? f.split(',') : []);
    const urls = [];
    for (const p of r.pages) { urls.push((await index.page(p.doc)).u); }
    process.stdout.write(JSON.stringify({ q, urls, all: r.all, fetched }) + '\n');
  }
});
