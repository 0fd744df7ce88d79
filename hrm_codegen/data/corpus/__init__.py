"""The MBPP-format training corpus (and a raw-code corpus for pre-training).

MBPP's train split has only 374 tasks, so the corpus adds *description -> function* pairs mined with
:mod:`ast` from local Python sources (by default the running interpreter's standard library and its
site-packages; or folders named with ``--source``). Nothing is downloaded.

**Pairs mode** (default) writes MBPP-format JSONL that :func:`~hrm_codegen.tasks.mbpp.load_mbpp`
and ``MBPPDataset(path, ...)`` read:

* MBPP train (601-974) and prompt (1-10) tasks, verbatim (``--no-mbpp`` leaves them out);
* mined pairs, ``task_id = 1_000_000 + k``. Mined are module-level functions (also those defined
  inside a module-level ``if``/``try``), which stand alone like MBPP solutions, and those methods
  of module-level classes that stand alone too: static methods, and undecorated methods that
  never use ``self`` (or ``cls``; that parameter is removed from the ``def`` line). ``text`` is the first
  docstring paragraph (rST markup lightly cleaned) followed by a line ``Signature: name(params)``;
  ``code`` is the function source *without* its docstring (otherwise the answer would contain the
  description), decorators and comment-only lines (``--keep-comments`` keeps those), dedented;
  ``test_list`` is **empty**.

  *What a mined prompt shows in place of asserts:* MBPP prompts list asserts, and the function's
  name often appears only there. Mined functions have no tests, so the signature line takes that
  place: it carries the name and the parameters the model must use. It lives in ``text`` rather
  than ``test_list`` because ``test_list`` items are executed by the evaluator: a fake "test" there
  would be run, and would make an untested function look tested. ``format_prompt`` is unchanged::

      \"\"\"
      Return the greatest common divisor of a and b.
      Signature: gcd(a, b)
      \"\"\"
      def gcd(a, b):
          ...

  Mined records also carry ``"source": "mined"`` and ``"path"`` (``<root label>/<relative file>::<name>``);
  MBPP records carry ``"source": "mbpp"``. The loader ignores both keys. These records are for
  training only: with no asserts they cannot be evaluated.

**Raw mode** (``--mode raw``) writes whole files as ``{"text", "path"}`` JSONL (in a seeded shuffled
order) for pre-training, with the same file filters, exact-duplicate removal and code n-gram
decontamination at file level; :class:`~hrm_codegen.data.datasets.PackedCodeDataset` packs them into fixed-length sequences.

Filters (each counted in the stats; see :data:`FILTERS_DOC`), exact and near-duplicate removal, and
decontamination against MBPP test (11-510) and validation (511-600) are applied in a fixed order, so
every dropped candidate is counted once, under the first reason that applies. Output is
deterministic: sorted file walk, ordered parallel map, seeded sampling and shuffling.

One job per module: :mod:`.mine` walks the sources and mines functions, :mod:`.decontaminate`
holds the duplicate keys and the MBPP test/validation index, :mod:`.build` runs a build from a
validated :class:`~.build.BuildConfig`, :mod:`.cli` is ``hrm-codegen data build``.
"""
