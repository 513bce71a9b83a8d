// Reads lines of text on stdin and writes, for each, the script's folded
// words, their English and Spanish stems, shard files and forms (see
// nearby in index.go), as a JSON line, for
// TestScriptAgrees.
require(process.argv[2]);
const s = globalThis.pamphletSearch;
let input = '';
process.stdin.on('data', (d) => { input += d; });
process.stdin.on('end', () => {
  const out = input.split('\n').filter((l) => l !== '').map((line) => {
    const ws = s.words(line).map((x) => x.w);
    return JSON.stringify({ words: ws, en: ws.map(s.stemEnglish), es: ws.map(s.stemSpanish), shards: ws.map(s.shardFile), forms: ws.map((w) => s.forms(w).join(' ')) });
  });
  process.stdout.write(out.join('\n') + '\n');
});
