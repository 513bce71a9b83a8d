// pamphlet's site search: it answers as you type from the index that
// pamphlet build writes beside the search page (see internal/search), and
// asks no other host for anything. Its analyser (words, fold, stems) is
// the same as the index's: a test runs both over the same words.
(function (root) {
  'use strict';

  // The analyser.
  var wordRE = /[\p{L}\p{Mn}]+(?:['’ʼ][\p{L}\p{Mn}]+)*|\p{Nd}+(?:[.,]\p{Nd}+)*/gu;

  function fold(w) {
    return w.toLowerCase().normalize('NFD').replace(/\p{Mn}/gu, '').replace(/[’ʼ]/g, "'").replace(/ς/g, 'σ');
  }

  // words returns the folded words of text, each with where it is.
  function words(text) {
    var out = [], m;
    wordRE.lastIndex = 0;
    while ((m = wordRE.exec(text)) !== null) {
      var w = fold(m[0]);
      if (w) { out.push({ w: w, start: m.index, end: m.index + m[0].length }); }
    }
    return out;
  }

  function isVowel(c) { return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u'; }

  function hasVowel(w) {
    for (var i = 0; i < w.length; i++) {
      if (isVowel(w[i]) || (w[i] === 'y' && i > 0)) { return true; }
    }
    return false;
  }

  function undouble(w) {
    var n = w.length;
    if (n >= 3 && w[n - 1] === w[n - 2] && !isVowel(w[n - 1]) && 'lsz'.indexOf(w[n - 1]) < 0) { return w.slice(0, n - 1); }
    return w;
  }

  function ends(w, s) { return w.length >= s.length && w.slice(w.length - s.length) === s; }

  // stemEnglish is internal/prose's Stem.
  function stemEnglish(w) {
    if (w.length <= 3 || !/^[a-z'-]*$/.test(w)) { return ends(w, "'s") ? w.slice(0, -2) : w; }
    if (ends(w, "'s")) { w = w.slice(0, -2); }
    if (ends(w, "'")) { w = w.slice(0, -1); }
    if (ends(w, 'ies') && w.length > 4) {
      w = w.slice(0, -3) + 'y';
    } else if (ends(w, 'ied') && w.length > 4) {
      w = w.slice(0, -3) + 'y';
    } else if (ends(w, 'sses') || ends(w, 'shes') || ends(w, 'ches') || ends(w, 'xes') || (ends(w, 'zes') && !ends(w, 'izes'))) {
      w = w.slice(0, -2);
    } else if (ends(w, 'ss') || ends(w, 'us') || ends(w, 'is') || ends(w, 'ous')) {
      // kept
    } else if (ends(w, 's') && w.length > 3) {
      w = w.slice(0, -1);
    } else if (ends(w, 'eed')) {
      // kept
    } else if (ends(w, 'ed') && w.length > 3 && hasVowel(w.slice(0, -2))) {
      w = undouble(w.slice(0, -2));
    } else if (ends(w, 'ing') && w.length > 4 && hasVowel(w.slice(0, -3)) && w !== 'bring' && w !== 'thing' && w !== 'string') {
      w = undouble(w.slice(0, -3));
    }
    if (w.length <= 2) { return w + 'e'; }
    if (w.length > 3 && ends(w, 'e') && !ends(w, 'ee')) { w = w.slice(0, -1); }
    return w;
  }

  // stemSpanish is internal/search's StemSpanish.
  function stemSpanish(w) {
    if (w.length <= 4 || !/^[a-z]*$/.test(w)) { return w; }
    var n = w.length;
    if (ends(w, 'es') && !isVowel(w[n - 3])) {
      w = w.slice(0, -2);
    } else if (ends(w, 's') && isVowel(w[n - 2])) {
      w = w.slice(0, -1);
    }
    n = w.length;
    if (n > 4 && (w[n - 1] === 'a' || w[n - 1] === 'o' || w[n - 1] === 'e')) { w = w.slice(0, -1); }
    return w;
  }

  function stemmer(lang) {
    if (lang === 'en') { return stemEnglish; }
    if (lang === 'es') { return stemSpanish; }
    return function (w) { return w; };
  }

  // shardFile is internal/search's ShardFile.
  function shardFile(key) {
    if (/^[a-z0-9]+$/.test(key)) { return key; }
    var bytes = new TextEncoder().encode(key), s = '_';
    for (var i = 0; i < bytes.length; i++) { s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16); }
    return s;
  }

  // editedOnce reports whether b is a with one letter added, dropped,
  // changed, or two letters swapped.
  function editedOnce(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) { return false; }
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) { i++; }
    if (a.length === b.length) {
      if (a.slice(i + 1) === b.slice(i + 1)) { return true; }
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // The index.
  function Index(base, fetcher) {
    this.base = base;
    this.fetcher = fetcher || function (url) {
      return fetch(url).then(function (r) { if (!r.ok) { throw new Error(url + ': ' + r.status); } return r.json(); });
    };
    this.cache = {};
    this.meta = null;
  }

  Index.prototype.get = function (path) {
    var self = this;
    if (!this.cache[path]) {
      var url = this.base + path + (this.meta ? '?v=' + this.meta.v : '');
      this.cache[path] = this.fetcher(url).catch(function (e) { delete self.cache[path]; throw e; });
    }
    return this.cache[path];
  };

  Index.prototype.load = function () {
    var self = this;
    if (this.meta) { return Promise.resolve(this.meta); }
    return this.get('meta.json').then(function (m) {
      self.meta = m;
      self.stem = stemmer(m.lang);
      self.stop = {};
      m.stop.forEach(function (w) { self.stop[w] = true; });
      return m;
    });
  };

  // shardOf returns the key of the shard that holds term t: the longest
  // key it starts with; "" for none.
  Index.prototype.shardOf = function (t) {
    var best = '';
    this.meta.shards.forEach(function (k) { if (k.length > best.length && t.slice(0, k.length) === k) { best = k; } });
    return best;
  };

  Index.prototype.shard = function (key) {
    if (!key) { return Promise.resolve({}); }
    return this.get('t/' + shardFile(key) + '.json');
  };

  // postings turns a term's list into page → score.
  function postings(list, weight, into) {
    var doc = 0;
    for (var i = 0; i + 1 < list.length; i += 2) {
      doc += list[i];
      var s = list[i + 1] * weight;
      if (!(into[doc] >= s)) { into[doc] = s; }
    }
  }

  // How much a match weighs by how it was found.
  var weightPrefix = 0.7, weightTypo = 0.5, weightSynonym = 0.8;

  // scoresOf finds the pages of one query word: its stem, else (in a word
  // of five letters or more) a word one typo from it, and, while it is
  // being typed, the words it begins.
  Index.prototype.scoresOf = function (q) {
    var self = this, keys = [this.shardOf(q.term)];
    if (q.typing && q.w.length >= 2) {
      keys.push(this.shardOf(q.w));
      var under = this.meta.shards.filter(function (k) { return k.length > q.w.length && k.slice(0, q.w.length) === q.w; });
      if (under.length <= 4) { keys = keys.concat(under); }
    }
    keys = keys.filter(function (k, i) { return k && keys.indexOf(k) === i; });
    return Promise.all(keys.map(function (k) { return self.shard(k); })).then(function (shards) {
      var scores = {}, exact = false, found = [];
      shards.forEach(function (terms) {
        if (terms[q.term]) { postings(terms[q.term], 1, scores); exact = true; found.push(q.term); }
      });
      if (q.typing) {
        var starts = [];
        shards.forEach(function (terms) {
          Object.keys(terms).forEach(function (t) {
            if (t !== q.term && t.slice(0, q.w.length) === q.w) { starts.push(t); }
          });
        });
        starts.sort(function (a, b) { return findIn(shards, b).length - findIn(shards, a).length || (a < b ? -1 : 1); });
        starts.slice(0, 5).forEach(function (t) { postings(findIn(shards, t), weightPrefix * q.w.length / t.length, scores); found.push(t); });
      }
      if (!exact && q.w.length >= 5) {
        shards.forEach(function (terms) {
          Object.keys(terms).forEach(function (t) {
            if (editedOnce(q.term, t) || editedOnce(q.w, t)) { postings(terms[t], weightTypo, scores); found.push(t); }
          });
        });
      }
      // A word on more pages than a list holds (meta.cap) keeps only its
      // best pages: a page missing from its list may still have it.
      var list = exact ? findIn(shards, q.term) : [];
      var result = { scores: scores, found: found, partial: self.meta.cap > 0 && list.length >= 2 * self.meta.cap };
      if (found.length > 0 || q.w.length < 5) { return result; }
      // Nothing yet: a typo in the first letters puts the word in
      // another shard.
      return self.nearTerms([q.term, q.w]).then(function (near) {
        near = near.slice(0, 5);
        return Promise.all(near.map(function (t) { return self.shard(self.shardOf(t)); })).then(function (more) {
          near.forEach(function (t, i) { if (more[i][t]) { postings(more[i][t], weightTypo, scores); found.push(t); } });
          return result;
        });
      });
    });
  };

  // forms returns a word and the words made by taking out one of its
  // first five letters, as nearby in index.go files terms.
  function forms(w) {
    var r = Array.from(w), out = [w];
    for (var i = 0; i < Math.min(5, r.length); i++) {
      var v = r.slice(0, i).concat(r.slice(i + 1)).join('');
      if (out.indexOf(v) < 0) { out.push(v); }
    }
    return out;
  }

  // nearTerms returns the terms one typo from any of the words ws whose
  // typo is in their first letters, sorted: the files of near terms of
  // the words' forms, each under its first two letters, hold them.
  Index.prototype.nearTerms = function (ws) {
    var self = this, keys = [], fs = [], have = ' ' + (this.meta.near || '') + ' ';
    ws.forEach(function (w) {
      forms(w).forEach(function (v) {
        if (fs.indexOf(v) < 0) { fs.push(v); }
        var k = Array.from(v).slice(0, 2).join('');
        if (keys.indexOf(k) < 0 && have.indexOf(' ' + k + ' ') >= 0) { keys.push(k); }
      });
    });
    keys.sort();
    return Promise.all(keys.map(function (k) { return self.get('n/' + shardFile(k) + '.json'); })).then(function (files) {
      var out = [];
      files.forEach(function (f) {
        fs.forEach(function (v) {
          (f[v] ? f[v].split(' ') : []).forEach(function (t) {
            if (t === '=') { t = v; }
            if (out.indexOf(t) < 0 && ws.some(function (w) { return editedOnce(w, t); })) { out.push(t); }
          });
        });
      });
      return out.sort();
    });
  };

  function findIn(shards, t) {
    for (var i = 0; i < shards.length; i++) { if (shards[i][t]) { return shards[i][t]; } }
    return [];
  }

  // allOf finds the pages that have every term of a phrase, with the sum
  // of their scores.
  Index.prototype.allOf = function (terms, weight) {
    var self = this;
    return Promise.all(terms.map(function (t) { return self.shard(self.shardOf(t)); })).then(function (shards) {
      var total = null;
      shards.forEach(function (s, i) {
        var one = {};
        if (s[terms[i]]) { postings(s[terms[i]], weight, one); }
        if (total === null) { total = one; return; }
        Object.keys(total).forEach(function (d) { if (one[d] === undefined) { delete total[d]; } else { total[d] += one[d]; } });
      });
      return total || {};
    });
  };

  // parse turns a query into its words: each folded word that is not a
  // common one, its term, and whether it is still being typed.
  Index.prototype.parse = function (text) {
    var self = this, ws = words(text), typingLast = !/[\s\p{P}]$/u.test(text);
    var out = [];
    ws.forEach(function (x, i) {
      if (self.stop[x.w] && !(typingLast && i === ws.length - 1)) { return; }
      out.push({ w: x.w, term: self.stem(x.w), typing: typingLast && i === ws.length - 1 });
    });
    return out;
  };

  // synonymsOf finds the phrases of the synonym groups in a query's
  // terms: each with where it stands, how many words it covers, and the
  // group's other phrases.
  Index.prototype.synonymsOf = function (terms) {
    var out = [];
    (this.meta.syn || []).forEach(function (group) {
      group.forEach(function (phrase) {
        for (var i = 0; i + phrase.length <= terms.length; i++) {
          if (phrase.every(function (t, k) { return terms[i + k] === t; })) {
            group.forEach(function (other) {
              if (other !== phrase) { out.push({ from: i, n: phrase.length, terms: other }); }
            });
          }
        }
      });
    });
    return out;
  };

  // search returns the pages for a query, best first, and the terms
  // found: the pages with every word of it, by score; when no page has
  // them all, those with the most of them.
  // filters is a list of filter files (such as "s0") a page must be in.
  Index.prototype.search = function (text, filters) {
    var self = this, qs, syn;
    return this.load().then(function () {
      qs = self.parse(text);
      syn = self.synonymsOf(qs.map(function (q) { return q.term; }));
      return Promise.all([
        Promise.all(qs.map(function (q) { return self.scoresOf(q); })),
        Promise.all(syn.map(function (s) { return self.allOf(s.terms, weightSynonym); })),
        Promise.all((filters || []).map(function (f) { return self.get('f/' + f + '.json'); }))
      ]);
    }).then(function (all) {
      var per = all[0], found = [];
      per.forEach(function (r) { found = found.concat(r.found); });
      // A synonym's pages count for the words of the phrase it stands for.
      syn.forEach(function (s, k) {
        found = found.concat(s.terms);
        Object.keys(all[1][k]).forEach(function (d) {
          var v = all[1][k][d] / s.n;
          for (var i = s.from; i < s.from + s.n; i++) {
            if (!(per[i].scores[d] >= v)) { per[i].scores[d] = v; }
          }
        });
      });
      var allowed = null;
      all[2].forEach(function (list) {
        var set = {}, doc = 0;
        list.forEach(function (delta) { doc += delta; if (!allowed || allowed[doc]) { set[doc] = true; } });
        allowed = set;
      });
      var pages = {};
      per.forEach(function (r) {
        Object.keys(r.scores).forEach(function (d) {
          if (allowed && !allowed[d]) { return; }
          var p = pages[d] || (pages[d] = { doc: +d, matched: 0, score: 0 });
          p.matched++;
          p.score += r.scores[d];
        });
      });
      var list = Object.keys(pages).map(function (d) { return pages[d]; });
      // A word whose list is partial counts as matched on every page
      // found, so that a common word does not keep a page out.
      per.forEach(function (r) {
        if (!r.partial) { return; }
        list.forEach(function (p) { if (r.scores[p.doc] === undefined) { p.matched++; } });
      });
      // Pages with every word, when there are any; else those with most.
      var all = list.filter(function (p) { return p.matched === per.length; });
      if (all.length > 0) { list = all; }
      list.sort(function (a, b) { return b.matched - a.matched || b.score - a.score || a.doc - b.doc; });
      return { pages: list, terms: found, words: per.length, all: all.length > 0 };
    });
  };

  // page returns the card of a page: its address, title, summary,
  // review date and section, from the file of its bundle (the cards of
  // meta.bundle pages, by number, share a file).
  Index.prototype.page = function (doc) {
    var n = this.meta.bundle || 1;
    return this.get('d/' + Math.floor(doc / n) + '.json').then(function (cards) { return cards[doc % n]; });
  };

  // text returns the text of a page for its excerpt: the blocks of its
  // content (the text of the theme's content and answers, else of its
  // main element), read from the page itself, which a reader who follows
  // the result then has in the browser's cache already.
  Index.prototype.text = function (url) {
    var self = this;
    this.texts = this.texts || {};
    if (!this.texts[url]) {
      this.texts[url] = fetch(url).then(function (r) {
        if (!r.ok) { throw new Error(url + ': ' + r.status); }
        return r.text();
      }).then(pageText).catch(function (e) { delete self.texts[url]; throw e; });
    }
    return this.texts[url];
  };

  var blocks = 'p, li, dt, dd, td, th, blockquote, figcaption, h2, h3, h4, h5, h6';

  // pageText returns the text blocks of a page's HTML, each between
  // single spaces, innermost blocks only (a list item's paragraphs, not
  // the item as well).
  function pageText(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var parts = doc.querySelectorAll('main .content, main .answer');
    if (parts.length === 0) { parts = doc.querySelectorAll('main'); }
    var out = [];
    Array.prototype.forEach.call(parts, function (part) {
      Array.prototype.forEach.call(part.querySelectorAll(blocks), function (b) {
        if (b.querySelector(blocks)) { return; }
        var t = b.textContent.replace(/\s+/g, ' ').trim();
        if (t) { out.push(t); }
      });
    });
    return out;
  }

  // excerpt returns the piece of a page's text about the query's terms,
  // cut to about n words around the first match, as runs of text and
  // marked text; null when no piece has them.
  function excerpt(pieces, matches, n) {
    for (var i = 0; i < (pieces || []).length; i++) {
      var text = pieces[i], ws = words(text), hits = [];
      ws.forEach(function (x, k) { if (matches(x.w)) { hits.push(k); } });
      if (hits.length === 0) { continue; }
      var from = Math.max(0, hits[0] - Math.floor(n / 3)), to = Math.min(ws.length, from + n);
      var runs = [], at = ws[from].start;
      if (from > 0) { runs.push({ text: '… ' }); }
      for (var k = from; k < to; k++) {
        if (hits.indexOf(k) >= 0) {
          runs.push({ text: text.slice(at, ws[k].start) });
          runs.push({ text: text.slice(ws[k].start, ws[k].end), mark: true });
          at = ws[k].end;
        }
      }
      var end = to < ws.length ? ws[to - 1].end : text.length;
      runs.push({ text: text.slice(at, end) + (to < ws.length ? ' …' : '') });
      return runs;
    }
    return null;
  }

  root.pamphletSearch = { words: words, fold: fold, stemEnglish: stemEnglish, stemSpanish: stemSpanish, shardFile: shardFile, forms: forms, editedOnce: editedOnce, Index: Index, excerpt: excerpt };

  // The page.
  if (typeof document === 'undefined') { return; }
  var form = document.getElementById('search-form');
  if (!form) { return; }
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var results = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var extra = document.getElementById('search-filters');
  var index = new Index(form.getAttribute('data-index'));
  var pageSize = 10, shown = 0, current = null, seq = 0;
  var say = function (key, n, q) {
    return (form.getAttribute('data-' + key) || '').replace('{n}', n).replace('{query}', q);
  };

  var selects = {
    s: document.getElementById('search-section'),
    a: document.getElementById('search-audience'),
    t: document.getElementById('search-topic')
  };

  function fill(select, items) {
    if (!select) { return; }
    var wrap = select.parentNode;
    if (items.length < 2) { wrap.hidden = true; return; }
    items.forEach(function (label, i) {
      var o = document.createElement('option');
      o.value = String(i);
      o.textContent = label;
      select.appendChild(o);
    });
    wrap.hidden = false;
  }

  function chosen() {
    var out = [];
    Object.keys(selects).forEach(function (k) {
      var s = selects[k];
      if (s && s.value !== '') { out.push(k + s.value); }
    });
    return out;
  }

  // marked fills a paragraph with runs of text and marked text.
  function marked(p, runs) {
    p.textContent = '';
    runs.forEach(function (run) {
      if (run.mark) {
        var mk = document.createElement('mark');
        mk.textContent = run.text;
        p.appendChild(mk);
      } else {
        p.appendChild(document.createTextNode(run.text));
      }
    });
  }

  // show lists the results from the from-th, ten of them, each as soon as
  // its card and those of the results above it have come, with the
  // summary as its excerpt (its matched words marked); then the excerpt
  // about the first matched word in the page's text, as each page comes.
  // It returns the first result's link, once all ten are shown.
  function show(from) {
    var r = current, mine = seq;
    var batch = r.pages.slice(from, from + pageSize);
    var stems = {};
    r.terms.forEach(function (t) { stems[t] = true; });
    var typed = index.parse(input.value).filter(function (q) { return q.typing; }).map(function (q) { return q.w; });
    var matches = function (w) {
      return stems[index.stem(w)] || typed.some(function (t) { return w.slice(0, t.length) === t; });
    };
    var cards = [], next = 0, first = null, texts = [];
    results.setAttribute('data-excerpts', 'loading');
    function excerptOf(d, p) {
      return index.text(d.u).then(function (pieces) {
        var runs = mine === seq && excerpt(pieces, matches, 30);
        if (runs) { marked(p, runs); }
      }, function () {});
    }
    function put(d) {
      var li = document.createElement('li');
        var h = document.createElement('h2');
        var a = document.createElement('a');
        a.href = d.u;
        a.textContent = d.t;
        h.appendChild(a);
        li.appendChild(h);
        if (d.x || d.r) {
          var m = document.createElement('p');
          m.className = 'search-meta';
          m.textContent = [d.x, d.r].filter(Boolean).join(' · ');
          li.appendChild(m);
        }
      var runs = excerpt([d.s || ''], matches, 30);
      var p = document.createElement('p');
      if (runs) { marked(p, runs); } else { p.textContent = d.s || ''; }
      li.appendChild(p);
      results.appendChild(li);
      first = first || a;
      texts.push([d, p]);
    }
    return Promise.all(batch.map(function (p, k) {
      return index.page(p.doc).then(function (d) {
        cards[k] = d;
        while (mine === seq && next < batch.length && cards[next]) { put(cards[next++]); }
      });
    })).then(function () {
      if (mine !== seq) { return null; }
      shown = from + batch.length;
      more.hidden = shown >= r.pages.length;
      // The pages' text, once the results are all shown.
      Promise.all(texts.map(function (t) { return excerptOf(t[0], t[1]); })).then(function () {
        if (mine === seq) { results.setAttribute('data-excerpts', 'done'); }
      });
      return first;
    });
  }

  // remember puts the query in the page's address, so that going back to
  // the page, or sharing it, gives the same results; it waits for the
  // results of the query, as changing the address takes the browser a
  // while.
  function remember(q) {
    var url = new URL(location.href);
    if (q) { url.searchParams.set('q', q); } else { url.searchParams.delete('q'); }
    history.replaceState(null, '', url);
  }

  function run() {
    var q = input.value, mine = ++seq;
    if (!q.trim()) {
      remember(q);
      results.textContent = '';
      more.hidden = true;
      status.textContent = '';
      return Promise.resolve();
    }
    return index.search(q, chosen()).then(function (r) {
      if (mine !== seq) { return; }
      current = r;
      results.textContent = '';
      var n = r.pages.length;
      if (n === 0) {
        status.textContent = say('none', 0, q);
      } else if (!r.all) {
        status.textContent = say('some', n, q);
      } else {
        status.textContent = say(n === 1 ? 'one' : 'found', n, q);
      }
      return show(0);
    }).then(function (first) {
      if (mine === seq) { remember(q); }
      return first;
    }, function () {
      if (mine === seq) { status.textContent = say('error', 0, q); }
    });
  }

  index.load().then(function (m) {
    fill(selects.s, m.sections.map(function (s) { return s[1]; }));
    fill(selects.a, m.audiences.map(function (s) { return s[1]; }));
    fill(selects.t, m.topics);
    if (extra) { extra.hidden = Object.keys(selects).every(function (k) { return !selects[k] || selects[k].parentNode.hidden; }); }
    // The browser compiles the analyser's patterns (and loads the
    // Unicode data they need) on their first use: use them now, on
    // words of no query, rather than on the reader's first keystroke.
    excerpt([index.parse('Warm-up: café, 1.5 mg').map(function (q) { return q.term; }).join(' ')], function (w) { return w === 'cafe'; }, 30);
  }).catch(function () {});
  document.getElementById('search-live').hidden = false;
  // The index's first file is fetched as the page opens; should that
  // have failed (a connection lost a moment), the box's focus asks again,
  // before the first query needs it.
  input.addEventListener('focus', function () { index.load().catch(function () {}); });
  form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
  input.addEventListener('input', run);
  Object.keys(selects).forEach(function (k) { if (selects[k]) { selects[k].addEventListener('change', run); } });
  more.addEventListener('click', function () {
    show(shown).then(function (first) { if (first) { first.focus(); } });
  });
  var q = new URL(location.href).searchParams.get('q');
  if (q) { input.value = q; run(); }
  root.pamphletSearchRun = run;
})(typeof window !== 'undefined' ? window : globalThis);
