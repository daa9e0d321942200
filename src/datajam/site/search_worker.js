/* DataJam: search as readers type (appended to Material's search worker by datajam.site.search).
   Material's Lunr index, built in the worker from search_index.json, gains:
   - accents: every accented word is also indexed without its accents, and every query term is
     folded the same way, so `donnees` finds "données" and `Fundacion` finds "Fundación"; the
     accented form ranks first (the exact term typed with accents, or, typed without, the
     accented spelling over a bare one);
   - one typo on words of five letters or more (`recrutment`), ranked far below exact matches.
   Elided articles (l', d', qu' ...) are cut by the `separator` in mkdocs.yml, not here. */
(function (lunr) {
  var ACCENTED = 0.5; /* the accented form's lead: a tie-breaker, below a title match */
  var TYPO = 0.00001; /* a forgiven typo scores far below an exact match, even one in a title */
  var TYPO_MIN = 5; /* letters */

  /* "Données" and "donnees", "œuvre" and "oeuvre", "Canada’s" and "Canada's" are one term. */
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/[‘’]/g, "'");
  }

  /* Index: an accented token is kept and joined by its folded twin. */
  function foldToken(token) {
    var text = token.toString();
    var folded = fold(text);
    return folded === text ? token : [token, token.clone(function () { return folded; })];
  }
  lunr.Pipeline.registerFunction(foldToken, "djFold");
  var add = lunr.Builder.prototype.add;
  lunr.Builder.prototype.add = function (doc, attributes) {
    if (this.pipeline._stack.indexOf(foldToken) < 0) this.pipeline.add(foldToken);
    return add.call(this, doc, attributes);
  };

  /* Query: every clause is folded (Material's own reading of the query sees the folded terms too). */
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (spec) {
    if (!("djTyped" in spec)) {
      spec.djTyped = spec.term;
      spec.term = fold(spec.term);
    }
    return clause.call(this, spec);
  };

  function accentedForms(index) {
    if (!index.djAccented) {
      index.djAccented = {};
      Object.keys(index.invertedIndex).forEach(function (term) {
        var folded = fold(term);
        if (folded !== term) (index.djAccented[folded] = index.djAccented[folded] || []).push(term);
      });
    }
    return index.djAccented;
  }

  /* Search: each optional term also looks for its accented form and, if long enough, one typo. */
  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (build) {
    var index = this;
    var typos = [];
    var results = query.call(this, function (q) {
      build.call(q, q);
      q.clauses.slice().forEach(function (spec) {
        if (spec.presence !== lunr.Query.presence.OPTIONAL || spec.editDistance) return;
        var word = spec.term.replace(/\*/g, "");
        var extra = function (term, boost, more) {
          var next = { term: term, fields: spec.fields, boost: spec.boost * boost, usePipeline: false, djTyped: term };
          q.clause(Object.assign(next, more));
        };
        if (spec.djTyped !== spec.term) {
          extra(spec.djTyped, ACCENTED);
        } else {
          (accentedForms(index)[word] || []).forEach(function (term) { extra(term, ACCENTED); });
        }
        if (word.length >= TYPO_MIN) {
          extra(word, TYPO, { editDistance: 1 });
          typos.push(word);
        }
      });
    });
    /* A result found through a typo counts as found for the typed term (no "Missing: recrutment"). */
    typos.forEach(function (word) {
      var near = index.tokenSet.intersect(lunr.TokenSet.fromFuzzyString(word, 1)).toArray();
      results.forEach(function (result) {
        var metadata = result.matchData.metadata;
        var terms = Object.keys(metadata);
        var exact = terms.some(function (term) { return term.indexOf(word) === 0; });
        if (!exact && terms.some(function (term) { return near.indexOf(term) >= 0; })) metadata[word] = {};
      });
    });
    return results;
  };
})(self.lunr);
