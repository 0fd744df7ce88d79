"""The shipped GPT-2 BPE: known ids, special tokens, round trips on code."""

import pytest

from hrm_codegen.tokenization import EOS_TOKEN_ID, GPT2_DIR


def test_known_ids(tok):
    assert tok.encode("Hello world") == [15496, 995]
    assert tok.encode(" def") == [825]


def test_special_ids_and_sizes(tok):
    assert tok.eos_token_id == EOS_TOKEN_ID == 50256
    assert tok.pad_token_id == 50256
    assert tok.vocab_size == 50257 == len(tok)
    assert tok.decode([50256]) == "<|endoftext|>"


def test_literal_eos_text_is_not_special(tok):
    # user code that contains the EOS text must not be able to inject the EOS token
    assert 50256 not in tok.encode("x = '<|endoftext|>'")


@pytest.mark.parametrize(
    "text",
    [
        "def add(a, b):\n    return a + b\n",
        "class Foo:\n\tdef bar(self):\n\t\treturn 'tab'\n",
        "def f(x):\r\n    if x:\r\n        return x * 2\r\n",
        "# unicode: café naïve 日本語 emoji 🙂 Ω≈ç√ —\n",
        "    \n\n\t\t  trailing   spaces   \n",
    ],
    ids=["spaces", "tabs", "crlf", "non-ascii", "whitespace"],
)
def test_round_trip(tok, text):
    ids = tok.encode(text)
    assert all(0 <= i < tok.vocab_size for i in ids)
    assert tok.decode(ids) == text


def test_batch_matches_single(tok):
    texts = ["def f():\n\tpass\n", "x = 1", ""]
    assert tok.encode_batch(texts) == [tok.encode(t) for t in texts]
    assert tok.decode_batch(tok.encode_batch(texts)) == texts


def test_skip_special_tokens(tok):
    ids = tok.encode("a = 1") + [50256, 50256]
    assert tok.decode(ids, skip_special_tokens=True) == "a = 1"


def test_files_ship_in_package():
    for name in ("gpt2.tiktoken", "vocab.json", "merges.txt", "README.md", "LICENSE"):
        assert (GPT2_DIR / name).is_file(), name
