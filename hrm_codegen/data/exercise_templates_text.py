"""Exercise templates on strings and regular expressions (same format as
:mod:`hrm_codegen.data.exercise_templates`; written from Python's builtins and standard library and
the shapes of MBPP train tasks only)."""

TEMPLATES_TEXT = r'''
== reverse_string | str
> reverse a string
> return the characters of the given string in reverse order
def f(s):
    return s[::-1]
--
def f(s):
    return "".join(reversed(s))
--
def f(s):
    out = ""
    for ch in s:
        out = ch + out
    return out
== is_palindrome | str
> check whether a string is a palindrome
> check if the given word reads the same backwards
def f(s):
    return s == s[::-1]
--
def f(s):
    i, j = 0, len(s) - 1
    while i < j:
        if s[i] != s[j]:
            return False
        i, j = i + 1, j - 1
    return True
== count_vowels | str
> count the vowels in a string
> find the number of vowels (a, e, i, o, u) in the given string
def f(s):
    return sum(1 for ch in s if ch in "aeiou")
--
def f(s):
    count = 0
    for ch in s.lower():
        if ch in "aeiou":
            count += 1
    return count
== remove_vowels | str
> remove all the vowels from a string
> delete every vowel of the given text
def f(s):
    return "".join(ch for ch in s if ch not in "aeiou")
--
import re
def f(s):
    return re.sub("[aeiou]", "", s)
== title_words | sentence
> capitalize the first letter of every word in a sentence
> convert a sentence so that each word starts with an upper case letter
def f(text):
    return " ".join(w.capitalize() for w in text.split())
--
def f(text):
    return " ".join(w[0].upper() + w[1:] for w in text.split(" "))
== count_words | sentence
> count the words in a sentence
> find the number of space-separated words in a string
def f(text):
    return len(text.split())
--
def f(text):
    return text.count(" ") + 1
== longest_word | sentence
> find the longest word of a sentence (the first one on ties)
> return the word of greatest length in the given text
def f(text):
    return max(text.split(), key=len)
--
def f(text):
    best = ""
    for w in text.split():
        if len(w) > len(best):
            best = w
    return best
== shortest_word_length | sentence
> find the length of the shortest word of a sentence
> return the number of letters of the shortest word in a string
def f(text):
    return min(len(w) for w in text.split())
--
def f(text):
    return min(map(len, text.split()))
== reverse_words | sentence
> reverse the order of the words in a sentence
> return a string with the words of the given sentence in reverse order
def f(text):
    return " ".join(text.split()[::-1])
--
def f(text):
    return " ".join(reversed(text.split(" ")))
== char_counts | str
> count the occurrences of each character of a string as a dictionary
> build a dictionary of character frequencies for the given string
from collections import Counter
def f(s):
    return dict(Counter(s))
--
def f(s):
    counts = {}
    for ch in s:
        counts[ch] = counts.get(ch, 0) + 1
    return counts
== first_repeated | str
> find the first character of a string that repeats, or an empty string if none does
> return the first character seen for the second time in a string ('' when there is none)
def f(s):
    seen = set()
    for ch in s:
        if ch in seen:
            return ch
        seen.add(ch)
    return ""
== first_unique | str
> find the first character of a string that occurs only once, or an empty string
> return the first non-repeating character of the given string ('' if there is none)
from collections import Counter
def f(s):
    counts = Counter(s)
    return next((ch for ch in s if counts[ch] == 1), "")
--
def f(s):
    for ch in s:
        if s.count(ch) == 1:
            return ch
    return ""
== count_char | str, char
> count how many times a character occurs in a string
> find the number of occurrences of the character c in a string
def f(s, ch):
    return s.count(ch)
--
def f(s, ch):
    return sum(1 for x in s if x == ch)
== replace_char | str, char, char
> replace every occurrence of one character in a string with another
> substitute character old with character new everywhere in a string
def f(s, old, new):
    return s.replace(old, new)
--
def f(s, old, new):
    return "".join(new if ch == old else ch for ch in s)
== delete_char | str, char
> remove all occurrences of a character from a string
> delete the given character everywhere it appears in a string
def f(s, ch):
    return s.replace(ch, "")
--
def f(s, ch):
    return "".join(x for x in s if x != ch)
== is_anagram | str, str2
> check whether two strings are anagrams of each other
> check if one string is a rearrangement of the letters of another
def f(s, t):
    return sorted(s) == sorted(t)
--
from collections import Counter
def f(s, t):
    return Counter(s) == Counter(t)
== count_upper | mixed
> count the upper case letters in a string
> find how many capital letters the given string has
def f(s):
    return sum(1 for ch in s if ch.isupper())
--
def f(s):
    return len([ch for ch in s if "A" <= ch <= "Z"])
== count_digit_chars | mixed
> count the digits in a string
> find the number of numeric characters of a given string
def f(s):
    return sum(ch.isdigit() for ch in s)
--
import re
def f(s):
    return len(re.findall(r"\d", s))
== numbers_in_text | mixed
> extract all the numbers in a string as a list of integers
> find every run of digits in a string and return them as integers
import re
def f(s):
    return [int(x) for x in re.findall(r"\d+", s)]
--
import re
def f(s):
    return list(map(int, re.findall("[0-9]+", s)))
== swap_case | mixed
> toggle the case of every letter of a string
> convert lower case letters to upper case and upper case letters to lower case
def f(s):
    return s.swapcase()
--
def f(s):
    return "".join(ch.lower() if ch.isupper() else ch.upper() for ch in s)
== remove_spaces | sentence
> remove all the spaces from a string
> delete every space character of a given text
def f(text):
    return text.replace(" ", "")
--
def f(text):
    return "".join(text.split())
== word_lengths | sentence
> find the length of every word in a sentence
> return the list of word lengths of a string
def f(text):
    return [len(w) for w in text.split()]
--
def f(text):
    return list(map(len, text.split()))
== acronym | sentence
> build the acronym of a phrase from the first letters of its words, in upper case
> return the upper case initials of the words of the given text
def f(text):
    return "".join(w[0].upper() for w in text.split())
== starts_with_vowel | str
> check whether a string starts with a vowel using regex
> check if the given word begins with a vowel
import re
def f(s):
    return bool(re.match("[aeiouAEIOU]", s))
--
def f(s):
    return s[:1].lower() in ("a", "e", "i", "o", "u")
== camel_to_snake | camel
> convert a camel case string to snake case
> turn a camelCase identifier into snake_case
import re
def f(text):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", text).lower()
--
def f(text):
    out = ""
    for ch in text:
        out += "_" + ch.lower() if ch.isupper() else ch
    return out
== snake_to_camel | snake
> convert a snake case string to camel case
> turn a snake_case identifier into camelCase
def f(text):
    first, *rest = text.split("_")
    return first + "".join(w.capitalize() for w in rest)
== split_at_capitals | camel
> split a string at its upper case letters
> break a camel case string into its words
import re
def f(text):
    return re.findall(r"[A-Z]?[a-z]+", text)
== repeat_text | str, small
> repeat a string n times
> return the given string concatenated with itself n times
def f(s, n):
    return s * n
--
def f(s, n):
    out = ""
    for _ in range(n):
        out += s
    return out
== shared_letters | str, str2
> find the characters common to two strings, sorted and without repeats
> return a sorted string of the letters that occur in both given strings
def f(s, t):
    return "".join(sorted(set(s) & set(t)))
== sort_letters | str
> sort the characters of a string
> return the letters of the given string in alphabetical order
def f(s):
    return "".join(sorted(s))
== common_prefix | words
> find the longest common prefix of a list of strings
> return the longest string that starts every word of the list
import os
def f(words):
    return os.path.commonprefix(words)
--
def f(words):
    prefix = words[0]
    for w in words[1:]:
        while not w.startswith(prefix):
            prefix = prefix[:-1]
    return prefix
== long_words | words, small
> find the words of a list longer than n characters
> return the strings of a list whose length is greater than n
def f(words, n):
    return [w for w in words if len(w) > n]
--
def f(words, n):
    return list(filter(lambda w: len(w) > n, words))
== sort_by_length | words
> sort a list of strings by their length, keeping the order of equal lengths
> order the given words from the shortest to the longest
def f(words):
    return sorted(words, key=len)
== words_starting_with | words, char
> find the words of a list that start with a given letter
> return the strings of a list beginning with the character c
def f(words, ch):
    return [w for w in words if w.startswith(ch)]
--
def f(words, ch):
    return [w for w in words if w[:1] == ch]
== distinct_chars | str
> count the distinct characters of a string
> find how many different characters a string contains
def f(s):
    return len(set(s))
== caesar_shift | str, small
> shift every lower case letter of a string forward by k places in the alphabet, wrapping around
> encode a lower case string with a Caesar cipher of shift k
def f(s, k):
    return "".join(chr((ord(ch) - 97 + k) % 26 + 97) if ch.islower() else ch for ch in s)
--
import string
def f(s, k):
    letters = string.ascii_lowercase
    table = str.maketrans(letters, letters[k:] + letters[:k])
    return s.translate(table)
== longest_run | str
> find the length of the longest run of the same character in a string
> return the maximum number of equal consecutive characters of a string
from itertools import groupby
def f(s):
    return max(len(list(g)) for _, g in groupby(s))
--
def f(s):
    best = cur = 1
    for a, b in zip(s, s[1:]):
        cur = cur + 1 if a == b else 1
        best = max(best, cur)
    return best
== run_lengths | str
> encode a string as a list of (character, count) pairs of its consecutive runs
> find the run-length encoding of a string as tuples
from itertools import groupby
def f(s):
    return [(ch, len(list(g))) for ch, g in groupby(s)]
== middle_chars | str
> find the middle character of a string, or the middle two when its length is even
> return the centre of the given word (two characters for even lengths)
def f(s):
    n = len(s)
    return s[(n - 1) // 2 : n // 2 + 1]
== unique_chars_in_order | str
> remove duplicate characters from a string, keeping the first occurrences
> return the string with every repeated character removed after its first appearance
def f(s):
    return "".join(dict.fromkeys(s))
--
def f(s):
    out = ""
    for ch in s:
        if ch not in out:
            out += ch
    return out
== match_a_then_b | ab
> check whether a string contains an 'a' followed by one or more 'b's, using regex
> match a string that has an a followed by at least one b
import re
def f(text):
    return re.search("ab+", text) is not None
'''
