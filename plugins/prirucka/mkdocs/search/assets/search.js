/* Příručka: the search box in the header, on Pagefind's search API.
 *
 * Pagefind (pagefind/pagefind.js, built with the site) searches the index of
 * the page's <html lang> only, folds diacritics and matches word prefixes.
 * This script opens and closes Material's search box, shows results with
 * their excerpts, offers shorter words and glossary terms when nothing is
 * found, and marks the words found on the page a result leads to.
 * Everything is served from the site itself.
 *
 * The words searched for never go into the address (a parent's search for
 * "násilí" must not sit in the browser's history): a result carries them to
 * the page it opens in the tab's session storage, read once and removed. */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var HIGHLIGHT = "prirucka-highlight";
  var TERMS_FIELD = "prirucka_terms";
  var BOOST_FILTER = "prirucka_boost";
  // Czech endings, longest first: a word without them is the stem suggested
  // when a query finds nothing ("konferencich" -> "konferenc").
  var ENDINGS = ("ovemu oveho ovymi ovych ovou ova ove ovy ovi ech ach ich ymi ami emi um ou em im ho mu " +
    "ych ym am e a i o u y").split(" ").sort(function (a, b) { return b.length - a.length; });

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function stem(word) {
    var folded = fold(word);
    for (var i = 0; i < ENDINGS.length; i++) {
      var ending = ENDINGS[i];
      if (folded.length - ending.length >= 4 && folded.slice(-ending.length) === ending) {
        return folded.slice(0, -ending.length);
      }
    }
    return folded;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function queryWords(text) {
    return text.match(/[\p{L}\p{N}]+/gu) || [];
  }

  /* --- marking the words found, on the page a result leads to ------------- */

  function storage() {
    try {
      return window.sessionStorage;
    } catch (error) {
      return null; // switched off: results open without marks
    }
  }

  // The words to mark on the page a result opens (see the click handler below).
  function remember(link) {
    var store = storage();
    if (!store) return;
    var target = new URL(link.getAttribute("href"), window.location.href);
    store.setItem(HIGHLIGHT, JSON.stringify({
      path: target.pathname,
      words: (link.getAttribute("data-prirucka-words") || "").split(" ").filter(Boolean)
    }));
  }

  function remembered() {
    var store = storage();
    if (!store) return [];
    var saved = store.getItem(HIGHLIGHT);
    store.removeItem(HIGHLIGHT);
    try {
      var data = JSON.parse(saved || "null");
      return data && data.path === window.location.pathname ? data.words : [];
    } catch (error) {
      return [];
    }
  }

  function highlightPage() {
    // The words found and their stems: a page found by `matka` says `matky`.
    var terms = [];
    remembered().forEach(function (t) { terms.push(fold(t), stem(t)); });
    terms = terms.filter(function (t) { return t.length > 1; });
    var root = document.querySelector("article.md-content__inner");
    if (!terms.length || !root) return;
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentElement;
        if (!parent || parent.closest("script, style, mark, .headerlink, .prirucka-notice")) {
          return NodeFilter.FILTER_REJECT;
        }
        return /\S/.test(node.nodeValue) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    var first = null;
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      var pattern = /[\p{L}\p{N}]+/gu;
      var match, last = 0, parts = [];
      while ((match = pattern.exec(text))) {
        var word = fold(match[0]);
        var hit = terms.some(function (t) { return word.indexOf(t) === 0; });
        if (!hit) continue;
        parts.push(document.createTextNode(text.slice(last, match.index)));
        var mark = document.createElement("mark");
        mark.className = "prirucka-search-hit";
        mark.textContent = match[0];
        parts.push(mark);
        first = first || mark;
        last = match.index + match[0].length;
      }
      if (!parts.length) return;
      parts.push(document.createTextNode(text.slice(last)));
      var fragment = document.createDocumentFragment();
      parts.forEach(function (p) { fragment.appendChild(p); });
      node.parentNode.replaceChild(fragment, node);
    });
    if (first && !window.location.hash) {
      first.scrollIntoView({ block: "center" });
    }
  }

  /* --- the search box -------------------------------------------------------- */

  function setUp(box) {
    var toggle = document.getElementById("__search");
    var form = box.querySelector(".md-search__form");
    var input = box.querySelector(".md-search__input");
    var meta = box.querySelector(".md-search-result__meta");
    var list = box.querySelector(".md-search-result__list");
    var scroll = box.querySelector(".md-search__scrollwrap");
    var texts = JSON.parse(box.querySelector("[data-prirucka-search-texts]").textContent);
    var lang = document.documentElement.lang || "en";
    var plural = new Intl.PluralRules(lang);
    var bundle = new URL(box.getAttribute("data-prirucka-search"), document.baseURI);
    // Readers' pages search readers' pages; the editor guide searches itself.
    var scope = {};
    if (box.getAttribute("data-prirucka-search-filter")) {
      scope[box.getAttribute("data-prirucka-search-filter")] = box.getAttribute("data-prirucka-search-scope");
    }

    function filtered(extra) {
      var filters = {};
      Object.keys(scope).forEach(function (k) { filters[k] = scope[k]; });
      Object.keys(extra || {}).forEach(function (k) { filters[k] = extra[k]; });
      return { filters: filters };
    }
    var wordsUrl = new URL(box.getAttribute("data-prirucka-search-words"), document.baseURI);
    var pagefind = null;
    var glossaryWords = null;
    var generation = 0;

    function load() {
      if (!pagefind) {
        pagefind = import(new URL("pagefind.js", bundle).href).then(function (pf) {
          return pf.options({
            basePath: bundle.pathname,
            baseUrl: new URL("..", bundle).pathname,
            excerptLength: 24
          }).then(function () {
            pf.init();
            return pf;
          });
        });
        pagefind.catch(function () { pagefind = null; });
      }
      return pagefind;
    }

    function count(n) {
      var key = "results." + plural.select(n);
      return (texts[key] || texts["results.other"]).replace("{count}", n);
    }

    function isOpen() {
      return toggle.checked;
    }

    function setOpen(open) {
      if (toggle.checked === open) return;
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change"));
    }

    function open() {
      setOpen(true);
      load();
      input.focus();
      input.select();
    }

    function close() {
      setOpen(false);
      input.blur();
    }

    function resultUrl(url) {
      var target = new URL(url, window.location.href);
      return target.pathname + target.hash;
    }

    function wordsAttribute(words) {
      return ' data-prirucka-words="' + escapeHtml(words.join(" ")) + '"';
    }

    function markedWords(html) {
      var found = [];
      html.replace(/<mark>(.*?)<\/mark>/g, function (_, text) {
        found = found.concat(queryWords(text.replace(/&[^;]+;/g, " ")));
      });
      return found;
    }

    // Pagefind marks a word with the punctuation around it ("(OSPOD", "dítěte.").
    function tidy(excerpt) {
      return excerpt
        .replace(/<mark>([(„“"'‚‘[]+)/g, "$1<mark>")
        .replace(/([.,;:!?…)“”"'‘’\]]+)<\/mark>/g, "</mark>$1");
    }

    function allMarkedWords(datas) {
      var found = [];
      datas.forEach(function (data) {
        found = found.concat(markedWords(data.excerpt || ""));
        (data.sub_results || []).forEach(function (sub) {
          found = found.concat(markedWords(sub.excerpt || ""));
        });
      });
      return found;
    }

    /* Where no indexed word starts with a query word, Pagefind falls back to
     * the longest indexed word the query word starts with: `pracovnikem`
     * finds `pracovník` (useful for Czech endings), but `mandragora` finds
     * `má`. Judge that from the words marked in the excerpts: a fallback
     * that keeps less than 60 % of the word (or under 4 letters) is no
     * match; a good one is shown with the word actually found. */
    function judge(query, datas) {
      var marked = allMarkedWords(datas);
      var original = {};
      marked.forEach(function (w) { original[fold(w)] = original[fold(w)] || w; });
      var folded = Object.keys(original);
      var weak = false;
      var changed = false;
      var words = queryWords(query).map(function (word) {
        var t = fold(word);
        if (folded.some(function (m) { return m.indexOf(t) === 0; })) return word;
        var prefixes = folded.filter(function (m) { return t.indexOf(m) === 0; })
          .sort(function (a, b) { return b.length - a.length; });
        if (!prefixes.length) return word; // found by a hidden term: no excerpt evidence
        if (prefixes[0].length < Math.max(4, Math.ceil(t.length * 0.6))) weak = true;
        changed = true;
        return original[prefixes[0]].toLowerCase();
      });
      return { weak: weak, changed: changed, query: words.join(" ") };
    }

    function article(title, excerpt, level) {
      var heading = level === 1 ? "h1" : "h2";
      return '<article class="md-search-result__article md-typeset">' +
        (level === 1 ? '<div class="md-search-result__icon md-icon"></div>' : "") +
        "<" + heading + ">" + escapeHtml(title) + "</" + heading + ">" +
        (excerpt ? "<p>" + excerpt + "</p>" : "") + "</article>";
    }

    function renderResult(result, data, query) {
      var highlight = queryWords(query).concat(markedWords(data.excerpt || ""));
      var unique = Array.from(new Set(highlight.map(function (w) { return w.toLowerCase(); })));
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      var title = (data.meta && data.meta.title) || data.url;
      var excerpt = tidy(data.excerpt || "");
      var viaTerm = (result.matchedMetaFields || []).indexOf(TERMS_FIELD) >= 0 &&
        excerpt.indexOf("<mark>") < 0;
      var html = '<a href="' + escapeHtml(resultUrl(data.url)) + '"' + wordsAttribute(unique) +
        ' class="md-search-result__link" data-prirucka-result>' + article(title, excerpt, 1);
      if (viaTerm) {
        html = html.replace(/<\/article>$/, '<p class="prirucka-search__via">' +
          escapeHtml(texts.via_term) + "</p></article>");
      }
      html += "</a>";
      (data.sub_results || []).filter(function (sub) {
        return sub.url !== data.url && sub.title !== title && sub.excerpt &&
          sub.excerpt.indexOf("<mark>") >= 0;
      }).slice(0, 2).forEach(function (sub) {
        html += '<a href="' + escapeHtml(resultUrl(sub.url)) + '"' + wordsAttribute(unique) +
          ' class="md-search-result__link" data-prirucka-result>' +
          article(sub.title, tidy(sub.excerpt), 2) + "</a>";
      });
      item.innerHTML = html;
      return item;
    }

    function loadData(results) {
      return Promise.all(results.map(function (r) { return r.data(); }));
    }

    function render(state, results, datas) {
      var old = list.querySelector(".prirucka-search__more");
      if (old) old.remove();
      datas.forEach(function (data, i) {
        list.appendChild(renderResult(results[i], data, state.query));
      });
      if (state.shown < state.results.length) {
        var li = document.createElement("li");
        li.className = "prirucka-search__more";
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button";
        button.textContent = texts.more;
        button.addEventListener("click", function () {
          var before = list.querySelectorAll("[data-prirucka-result]").length;
          more(state).then(function () {
            var next = list.querySelectorAll("[data-prirucka-result]")[before];
            if (next) next.focus();
          });
        });
        li.appendChild(button);
        list.appendChild(li);
      }
    }

    function more(state) {
      var next = state.results.slice(state.shown, state.shown + PAGE_SIZE);
      state.shown += next.length;
      return loadData(next).then(function (datas) {
        if (state.generation === generation) render(state, next, datas);
      });
    }

    /* A boost from front matter (`search: {boost: 2}`) is a Pagefind filter;
     * the page's score is multiplied by it, as in Material's search. */
    function boosted(pf, query, results) {
      return pf.filters().then(function (filters) {
        var values = Object.keys((filters && filters[BOOST_FILTER]) || {});
        if (!values.length) return results;
        return Promise.all(values.map(function (value) {
          var only = {};
          only[BOOST_FILTER] = value;
          return pf.search(query, filtered(only)).then(function (search) {
            return [parseFloat(value) || 1, search ? search.results : []];
          });
        })).then(function (sets) {
          var boost = {};
          sets.forEach(function (set) {
            set[1].forEach(function (r) { boost[r.id] = set[0]; });
          });
          return results.map(function (r, i) {
            return { result: r, score: r.score * (boost[r.id] || 1), order: i };
          }).sort(function (a, b) {
            return b.score - a.score || a.order - b.order;
          }).map(function (x) { return x.result; });
        });
      });
    }

    /* Nothing found: a shorter form of the words that does find something
     * (shown as the word found), and glossary terms that look like the query. */
    function shorter(query) {
      var stems = queryWords(query).map(function (w) { return w.length > 4 ? stem(w) : fold(w); });
      var candidates = [stems.join(" ")];
      for (var cut = 1; cut <= 3; cut++) {
        candidates.push(stems.map(function (w) {
          return w.length - cut >= 4 ? w.slice(0, -cut) : w;
        }).join(" "));
      }
      var seen = {};
      seen[queryWords(fold(query)).join(" ")] = true;
      return candidates.filter(function (c) {
        if (seen[c]) return false;
        seen[c] = true;
        return true;
      });
    }

    function distance(a, b) {
      var row = [];
      for (var j = 0; j <= b.length; j++) row.push(j);
      for (var i = 1; i <= a.length; i++) {
        var prev = row[0];
        row[0] = i;
        for (var k = 1; k <= b.length; k++) {
          var keep = row[k];
          row[k] = Math.min(row[k] + 1, row[k - 1] + 1, prev + (a[i - 1] === b[k - 1] ? 0 : 1));
          prev = keep;
        }
      }
      return row[b.length];
    }

    function similarTerms(query, terms) {
      var q = queryWords(fold(query)).join(" ");
      if (q.length < 3) return [];
      var scored = [];
      terms.forEach(function (term) {
        var t = queryWords(fold(term)).join(" ");
        var best = Infinity;
        queryWords(t).concat([t]).forEach(function (part) {
          var same = 0;
          while (same < part.length && same < q.length && part[same] === q[same]) same++;
          if (same >= 4 || (same >= 3 && same === q.length)) best = Math.min(best, 1);
          var d = distance(q, part.slice(0, q.length + 1));
          if (d <= Math.max(1, Math.floor(q.length / 4))) best = Math.min(best, 1 + d);
        });
        if (best < Infinity) scored.push([best, term]);
      });
      scored.sort(function (a, b) { return a[0] - b[0]; });
      return scored.slice(0, 3).map(function (s) { return s[1]; });
    }

    function glossary() {
      if (!glossaryWords) {
        glossaryWords = fetch(wordsUrl).then(function (r) { return r.ok ? r.json() : []; })
          .catch(function () { return []; });
      }
      return glossaryWords;
    }

    function firstFound(pf, candidates, mine) {
      var chain = Promise.resolve(null);
      candidates.forEach(function (candidate) {
        chain = chain.then(function (found) {
          if (found || mine !== generation) return found;
          return pf.search(candidate, filtered()).then(function (search) {
            if (!search || !search.results.length) return null;
            return search.results[0].data().then(function (data) {
              var want = queryWords(candidate);
              var marked = allMarkedWords([data]);
              var words = want.map(function (w) {
                var hit = marked.filter(function (m) { return fold(m).indexOf(w) === 0; })[0];
                return hit ? hit.toLowerCase() : null;
              });
              return words.indexOf(null) < 0 ? words.join(" ") : null;
            });
          });
        });
      });
      return chain;
    }

    function suggest(pf, query, mine) {
      return Promise.all([firstFound(pf, shorter(query), mine), glossary()]).then(function (all) {
        if (mine !== generation) return;
        var options = [];
        if (all[0]) options.push(all[0]);
        similarTerms(query, all[1]).forEach(function (term) {
          var known = options.some(function (o) { return fold(o) === fold(term); });
          if (!known) options.push(term);
        });
        if (!options.length) return;
        var p = document.createElement("p");
        p.className = "prirucka-search__suggest";
        p.appendChild(document.createTextNode(texts.suggest + " "));
        options.forEach(function (option, i) {
          if (i) p.appendChild(document.createTextNode(", "));
          var button = document.createElement("button");
          button.type = "button";
          button.textContent = option;
          button.addEventListener("click", function () {
            input.value = option;
            run(option);
            input.focus();
          });
          p.appendChild(button);
        });
        meta.appendChild(p);
      });
    }

    // The box says when it has shown everything for a query (tests wait for it).
    function done(query, n) {
      box.setAttribute("data-prirucka-query", query);
      box.setAttribute("data-prirucka-count", String(n));
    }

    function nothing(pf, query, mine) {
      meta.textContent = texts.none.replace("{query}", query);
      return suggest(pf, query, mine).then(function () {
        if (mine === generation) done(query, 0);
      });
    }

    function run(query) {
      var mine = ++generation;
      query = query.trim();
      list.innerHTML = "";
      box.removeAttribute("data-prirucka-count");
      box.removeAttribute("data-prirucka-query");
      if (!queryWords(query).length) {
        meta.textContent = texts.initial;
        return Promise.resolve();
      }
      meta.textContent = texts.loading;
      return load().then(function (pf) {
        return pf.debouncedSearch(query, filtered(), 150).then(function (search) {
          if (search === null || mine !== generation) return;
          if (!search.results.length) return nothing(pf, query, mine);
          return boosted(pf, query, search.results).then(function (results) {
            var state = { query: query, results: results, shown: 0, generation: mine };
            var first = results.slice(0, PAGE_SIZE);
            state.shown = first.length;
            return loadData(first).then(function (datas) {
              if (mine !== generation) return;
              var verdict = judge(query, datas);
              if (verdict.weak) return nothing(pf, query, mine);
              meta.textContent = count(results.length);
              if (verdict.changed) {
                var note = document.createElement("span");
                note.className = "prirucka-search__instead";
                note.textContent = " · " + texts.instead.replace("{query}", verdict.query);
                meta.appendChild(note);
              }
              render(state, first, datas);
              done(query, results.length);
            });
          });
        });
      }).catch(function (error) {
        if (mine !== generation) return;
        meta.textContent = texts.error;
        if (window.console) console.error(error);
      });
    }

    function links() {
      return Array.prototype.slice.call(list.querySelectorAll("[data-prirucka-result], .prirucka-search__more button"));
    }

    // Opening a result (click, Enter, middle click): its words go with it, not in the URL.
    list.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("[data-prirucka-result]");
      if (link) remember(link);
    });
    list.addEventListener("auxclick", function (event) {
      var link = event.target.closest && event.target.closest("[data-prirucka-result]");
      if (link) remember(link);
    });

    input.addEventListener("focus", function () {
      if (!isOpen()) setOpen(true);
      load();
    });
    input.addEventListener("input", function () {
      run(input.value);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("[data-prirucka-result]");
      if (first) first.click();
    });
    form.addEventListener("reset", function () {
      setTimeout(function () {
        run("");
        input.focus();
      });
    });
    toggle.addEventListener("change", function () {
      if (toggle.checked) {
        load();
        input.focus();
        // On phones the box is still being shown; try again once it is.
        if (document.activeElement !== input) setTimeout(function () { input.focus(); }, 50);
      } else {
        input.blur();
      }
    });

    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName));
      if (!isOpen()) {
        if (!typing && (event.key === "/" || event.key === "s" || event.key === "S")) {
          event.preventDefault();
          open();
        }
        return;
      }
      if (!box.contains(target) && target !== document.body && target !== toggle) return;
      var items = links();
      var index = items.indexOf(document.activeElement);
      if (event.key === "Escape") {
        event.preventDefault();
        close();
      } else if (event.key === "ArrowDown") {
        if (!items.length) return;
        event.preventDefault();
        items[Math.min(items.length - 1, index + 1)].focus();
      } else if (event.key === "ArrowUp") {
        if (index < 0) return;
        event.preventDefault();
        if (index === 0) input.focus();
        else items[index - 1].focus();
      } else if (index >= 0 && event.key.length === 1) {
        input.focus(); // typing goes on in the box
      }
    }, true);

    if (isOpen()) run(input.value);
  }

  var box = document.querySelector("[data-prirucka-search]");
  if (box) setUp(box);
  highlightPage();
})();
