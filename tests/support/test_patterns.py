"""The store of compiled patterns kept between runs (linter.support.patterns)."""

from __future__ import annotations

import regex

from linter.support import patterns

PATTERN = r"(?<![\p{L}])(?:officials|spokeswoman|spokesman)\s+said(?![\p{L}])"


def _fresh_store(monkeypatch, folder):  # type: ignore[no-untyped-def]
    """A store as a new process sees it, reading the cache in ``folder``."""
    monkeypatch.setenv("COPYDESK_CACHE", str(folder))
    store = patterns._Store()
    monkeypatch.setattr(patterns, "_STORE", store)
    return store


def _refuse_compiling(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("compiled again")

    monkeypatch.setattr(regex, "compile", refuse)


def test_a_pattern_compiled_in_one_run_is_loaded_not_compiled_in_the_next(tmp_path, monkeypatch):
    _fresh_store(monkeypatch, tmp_path)
    first = patterns.compile(PATTERN, regex.I)
    patterns.persist()
    assert list(tmp_path.glob("patterns-*.pickle"))

    _fresh_store(monkeypatch, tmp_path)
    _refuse_compiling(monkeypatch)
    second = patterns.compile(PATTERN, regex.I)
    assert second.pattern == first.pattern and second.flags == first.flags
    text = "The OFFICIALS said so; a spokesman  said more."
    assert [m.span() for m in second.finditer(text)] == [m.span() for m in first.finditer(text)]


def test_flags_are_part_of_the_key(tmp_path, monkeypatch):
    _fresh_store(monkeypatch, tmp_path)
    assert patterns.compile("said").search("SAID") is None
    assert patterns.compile("said", regex.I).search("SAID")


def test_a_broken_cache_file_means_compiling_anew(tmp_path, monkeypatch):
    _fresh_store(monkeypatch, tmp_path)
    patterns.compile(PATTERN)
    patterns.persist()
    (cache_file,) = tmp_path.glob("patterns-*.pickle")
    cache_file.write_bytes(b"\x80\x04not a pickle")
    _fresh_store(monkeypatch, tmp_path)
    assert patterns.compile(PATTERN).search("officials said")
    patterns.persist()
    _fresh_store(monkeypatch, tmp_path)
    _refuse_compiling(monkeypatch)
    assert patterns.compile(PATTERN).search("officials said")


def test_a_bad_pattern_raises_and_is_not_stored(tmp_path, monkeypatch):
    store = _fresh_store(monkeypatch, tmp_path)
    try:
        patterns.compile("(unclosed")
    except regex.error:
        pass
    else:
        raise AssertionError("no error")
    assert not store.added and not store._load()


def test_cache_off_writes_nothing(tmp_path, monkeypatch):
    _fresh_store(monkeypatch, "off")
    assert patterns.compile(PATTERN).search("officials said")
    patterns.persist()
    assert not list(tmp_path.iterdir())


def test_the_store_keeps_only_what_the_last_run_used_when_it_grows_too_big(tmp_path, monkeypatch):
    monkeypatch.setattr(patterns, "MAX_ENTRIES", 3)
    _fresh_store(monkeypatch, tmp_path)
    for word in ("alpha", "beta", "gamma", "delta"):
        patterns.compile(word)
    patterns.persist()
    store = _fresh_store(monkeypatch, tmp_path)
    patterns.compile("epsilon")
    patterns.persist()
    assert len(store.used) == 1
    assert len(_fresh_store(monkeypatch, tmp_path)._load()) == 1
    _refuse_compiling(monkeypatch)
    assert patterns.compile("epsilon").search("epsilon")


def test_remembered_values_come_back_without_working_them_out(tmp_path, monkeypatch):
    _fresh_store(monkeypatch, tmp_path)
    assert patterns.remembered("literals", "officials? said", lambda: ("said",)) == ("said",)
    patterns.persist()
    _fresh_store(monkeypatch, tmp_path)
    assert patterns.remembered("literals", "officials? said", lambda: None) == ("said",)


def test_entries_made_by_changed_code_are_not_read(tmp_path, monkeypatch):
    _fresh_store(monkeypatch, tmp_path)
    assert patterns.remembered("literals", "said", lambda: ("old",)) == ("old",)
    patterns.persist()
    _fresh_store(monkeypatch, tmp_path)
    monkeypatch.setattr(patterns, "_stamp", lambda function: "the code changed")
    assert patterns.remembered("literals", "said", lambda: ("new",)) == ("new",)


def test_words_give_the_same_pattern_text_whatever_the_order():
    assert patterns.words({"mr.", "ms.", "dr.", "sen.", "gov."}) == patterns.words(["gov.", "sen.", "dr.", "ms.", "mr."])
    alternation = patterns.words(["told", "told reporters", "said", "official", "officials", "offices"])
    assert regex.match(alternation, "told   reporters").group() == "told   reporters"
    assert regex.match(alternation, "officials said").group() == "officials"
    assert regex.match(alternation, "offices").group() == "offices"
    assert regex.match(f"(?:{alternation}) said", "official said").group() == "official said"
    assert not regex.fullmatch(patterns.words(["told reporters"], any_space=False), "told  reporters")


RE_PATTERN = r"(?<![^\W\d_])(?P<group>offic(?:e|ials?)|sources?)(?:\s++\w+){0,3}?\s+(?P<verb>said|say)(?![^\W\d_])"


def test_a_re_pattern_from_the_cache_is_the_pattern_re_compiles(tmp_path, monkeypatch):
    import re

    _fresh_store(monkeypatch, tmp_path)
    first = patterns.compile_re(RE_PATTERN, re.I)
    patterns.persist()
    expected = re.compile(RE_PATTERN, re.I)
    re.purge()

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("compiled again")

    # Neither compile_re nor its fallback, re.compile, can parse a pattern
    # now: the second pattern must come from the cache.
    _fresh_store(monkeypatch, tmp_path)
    monkeypatch.setattr(re._parser, "parse", refuse)
    second = patterns.compile_re(RE_PATTERN, re.I)
    monkeypatch.undo()
    # re's patterns compare equal only with the same text, flags and compiled code.
    assert first == expected and second == expected
    assert second.groupindex == expected.groupindex and second.groups == expected.groups
    text = "Two OFFICIALS  close to the talks said so; sources say more."
    assert [m.groupdict() for m in second.finditer(text)] == [m.groupdict() for m in expected.finditer(text)]


def test_a_broken_re_entry_means_re_compile(tmp_path, monkeypatch):
    import re

    _fresh_store(monkeypatch, tmp_path)
    monkeypatch.setattr(patterns, "_re_arguments", lambda pattern, flags: ("not", "what _sre takes"))
    assert patterns.compile_re(RE_PATTERN, re.I) == re.compile(RE_PATTERN, re.I)
