"""Knowledge checks: questions written in a module's Markdown page, once per language.

* :mod:`datajam.quiz.model` – the question format and its parser (one home: the page
  renderer, the parity check and the QTI export all read questions through it);
* :mod:`datajam.quiz.markdown` – the ``/// quiz`` block (pymdownx.blocks) that renders a
  question as a ``fieldset`` with a native ``<details>`` answer, plus the answer key;
* :mod:`datajam.quiz.qti` – the QTI 2.1 package of a page's questions, and its reader;
* :mod:`datajam.quiz.parity` – the same questions, options and correct answers in both languages;
* :mod:`datajam.quiz.mkdocs` – the build glue (interface language, QTI files, page assets).
"""
