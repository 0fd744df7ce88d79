"""Exercise templates on strings (str methods, ``re``, ``string``), in the format of
:mod:`hrm_codegen.data.exercise_templates`. Written from the Python language and its standard
library documentation only."""

TEMPLATES_TEXT = r'''
== only_vowels | short
> check whether every character of a string is a vowel
> check if the given lower case string contains nothing but vowels
def f(s):
    return all(c in "aeiou" for c in s)
--
def f(s):
    for c in s:
        if c not in "aeiou":
            return False
    return True
--
import re
def f(s):
    return re.fullmatch(r"[aeiou]+", s) is not None
== is_all_letters | mixed
> check whether a string contains only letters
> check if all characters of the given string are alphabetic
def f(s):
    return s.isalpha()
--
import string
def f(s):
    return len(s) > 0 and all(c in string.ascii_letters for c in s)
--
import re
def f(s):
    return bool(re.fullmatch(r"[A-Za-z]+", s))
== count_substring | ab, short
> count the non-overlapping occurrences of a substring in a string
> find how many times a substring occurs in the given string, without overlaps
def f(s, sub):
    return s.count(sub)
--
import re
def f(s, sub):
    return len(re.findall(re.escape(sub), s))
--
def f(s, sub):
    count, i = 0, 0
    while i <= len(s) - len(sub):
        if s[i:i + len(sub)] == sub:
            count += 1
            i += len(sub)
        else:
            i += 1
    return count
== count_overlapping | ab, short
> count the occurrences of a substring in a string, overlapping ones included
> find how many positions of the given string start a copy of the substring
def f(s, sub):
    return sum(1 for i in range(len(s)) if s.startswith(sub, i))
--
def f(s, sub):
    count = 0
    for i in range(len(s) - len(sub) + 1):
        if s[i:i + len(sub)] == sub:
            count += 1
    return count
--
import re
def f(s, sub):
    return len(re.findall("(?=" + re.escape(sub) + ")", s))
== contains_substring | str, short
> check whether a string contains a given substring
> check if the second string occurs somewhere inside the first
def f(s, sub):
    return sub in s
--
def f(s, sub):
    return s.find(sub) != -1
--
def f(s, sub):
    for i in range(len(s) - len(sub) + 1):
        if s[i:i + len(sub)] == sub:
            return True
    return False
== first_char_index | str, char
> find the index of the first occurrence of a character in a string, or -1 if it is absent
> return the position where a character first appears in the given string (-1 when missing)
def f(s, c):
    return s.find(c)
--
def f(s, c):
    for i, ch in enumerate(s):
        if ch == c:
            return i
    return -1
--
def f(s, c):
    return s.index(c) if c in s else -1
== last_char_index | str, char
> find the index of the last occurrence of a character in a string, or -1 if it is absent
> return the position where a character appears for the last time in the given string (-1 when missing)
def f(s, c):
    return s.rfind(c)
--
def f(s, c):
    for i in range(len(s) - 1, -1, -1):
        if s[i] == c:
            return i
    return -1
--
def f(s, c):
    positions = [i for i, ch in enumerate(s) if ch == c]
    return positions[-1] if positions else -1
== char_positions | str, char
> find all the indices at which a character occurs in a string
> return the list of positions of a given character in the string
def f(s, c):
    return [i for i, ch in enumerate(s) if ch == c]
--
def f(s, c):
    out = []
    for i in range(len(s)):
        if s[i] == c:
            out.append(i)
    return out
--
import re
def f(s, c):
    return [m.start() for m in re.finditer(re.escape(c), s)]
== remove_odd_index_chars | str
> remove the characters at odd indices of a string
> keep only the characters of the given string that sit at even positions
def f(s):
    return s[::2]
--
def f(s):
    return "".join(c for i, c in enumerate(s) if i % 2 == 0)
--
def f(s):
    out = ""
    for i in range(0, len(s), 2):
        out += s[i]
    return out
== remove_even_index_chars | str
> remove the characters at even indices of a string
> keep only the characters of the given string that sit at odd positions
def f(s):
    return s[1::2]
--
def f(s):
    return "".join(c for i, c in enumerate(s) if i % 2 == 1)
--
def f(s):
    out = ""
    for i in range(1, len(s), 2):
        out += s[i]
    return out
== remove_digits | mixed
> remove all digits from a string
> delete every numeric character of the given string
import re
def f(s):
    return re.sub(r"\d", "", s)
--
def f(s):
    return "".join(c for c in s if not c.isdigit())
--
def f(s):
    out = ""
    for c in s:
        if c not in "0123456789":
            out += c
    return out
== keep_letters | mixed
> remove every character that is not a letter from a string
> keep only the alphabetic characters of the given string
import re
def f(s):
    return re.sub(r"[^A-Za-z]", "", s)
--
def f(s):
    return "".join(c for c in s if c.isalpha())
--
def f(s):
    return "".join(filter(str.isalpha, s))
== spaces_to_underscores | sentence
> replace every space of a string with an underscore
> turn the blanks of the given text into underscores
def f(s):
    return s.replace(" ", "_")
--
import re
def f(s):
    return re.sub(" ", "_", s)
--
def f(s):
    return "_".join(s.split(" "))
== capitalize_word_ends | sentence
> capitalise the first and the last letter of every word of a sentence
> upper-case the first and last characters of each word in the given text
def f(s):
    out = []
    for w in s.split():
        w = w.lower()
        out.append(w[0].upper() + w[1:-1] + w[-1].upper() if len(w) > 1 else w.upper())
    return " ".join(out)
--
def f(s):
    def fix(w):
        w = w.lower()
        if len(w) == 1:
            return w.upper()
        return w[0].upper() + w[1:-1] + w[-1].upper()
    return " ".join(fix(w) for w in s.split())
== char_at | str, idx
> return the character at a given index of a string
> find the k-th character (counting from 0) of the given string
def f(s, k):
    return s[k]
--
def f(s, k):
    for i, c in enumerate(s):
        if i == k:
            return c
    raise IndexError(k)
--
def f(s, k):
    return list(s)[k]
== string_to_chars | short
> split a string into a list of its characters
> convert the given string to a list of single characters
def f(s):
    return list(s)
--
def f(s):
    return [c for c in s]
--
def f(s):
    out = []
    for c in s:
        out.append(c)
    return out
== string_to_tuple | str
> convert a string to a tuple of its characters
> return the characters of the given string as a tuple
def f(s):
    return tuple(s)
--
def f(s):
    return tuple(c for c in s)
--
def f(s):
    out = ()
    for c in s:
        out += (c,)
    return out
== double_chars | short
> repeat every character of a string twice
> return the string in which each character of the input appears doubled
def f(s):
    return "".join(c * 2 for c in s)
--
def f(s):
    out = ""
    for c in s:
        out += c + c
    return out
--
def f(s):
    return "".join(a + b for a, b in zip(s, s))
== pad_left | short, small
> pad a string on the left with asterisks up to a given width
> right-align the given string in a field of width n, filling with '*'
def f(s, n):
    return s.rjust(n, "*")
--
def f(s, n):
    return "*" * (n - len(s)) + s
--
def f(s, n):
    while len(s) < n:
        s = "*" + s
    return s
== case_digit_counts | mixed
> count the upper case letters, lower case letters and digits of a string, returned as a tuple
> return a tuple with the numbers of capitals, small letters and digits in the given string
def f(s):
    upper = sum(1 for c in s if c.isupper())
    lower = sum(1 for c in s if c.islower())
    digits = sum(1 for c in s if c.isdigit())
    return (upper, lower, digits)
--
def f(s):
    upper = lower = digits = 0
    for c in s:
        if c.isupper():
            upper += 1
        elif c.islower():
            lower += 1
        elif c.isdigit():
            digits += 1
    return (upper, lower, digits)
--
import re
def f(s):
    return (len(re.findall(r"[A-Z]", s)), len(re.findall(r"[a-z]", s)), len(re.findall(r"[0-9]", s)))
== same_first_last | str
> check whether a string starts and ends with the same character
> check if the first and last characters of the given string are equal
def f(s):
    return s[0] == s[-1]
--
def f(s):
    return s.startswith(s[-1])
--
import re
def f(s):
    return re.fullmatch(r"(.).*\1|.", s) is not None
== ends_with_char | str, char
> check whether a string ends with a given character
> check if the last character of the given string is the given letter
def f(s, c):
    return s.endswith(c)
--
def f(s, c):
    return len(s) > 0 and s[-1] == c
--
import re
def f(s, c):
    return re.search(re.escape(c) + "$", s) is not None
== alternate_case | str
> upper-case the characters at even indices of a string and lower-case those at odd indices
> return the given string with its letters alternating upper and lower case, starting with upper case
def f(s):
    return "".join(c.upper() if i % 2 == 0 else c.lower() for i, c in enumerate(s))
--
def f(s):
    out = ""
    for i, c in enumerate(s):
        if i % 2 == 0:
            out += c.upper()
        else:
            out += c.lower()
    return out
== vowel_positions | str
> find the indices of the vowels in a string
> return the list of positions of the vowels of the given lower case word
def f(s):
    return [i for i, c in enumerate(s) if c in "aeiou"]
--
def f(s):
    out = []
    for i in range(len(s)):
        if s[i] in "aeiou":
            out.append(i)
    return out
--
import re
def f(s):
    return [m.start() for m in re.finditer(r"[aeiou]", s)]
== replace_vowels | str, char
> replace every vowel of a string with a given character
> return the string with each of its vowels changed into the given character
import re
def f(s, c):
    return re.sub(r"[aeiou]", c, s)
--
def f(s, c):
    return "".join(c if ch in "aeiou" else ch for ch in s)
--
def f(s, c):
    for v in "aeiou":
        s = s.replace(v, c)
    return s
== sum_digit_chars | mixed
> find the sum of all the digit characters in a string
> add up the digits that appear in the given string
def f(s):
    return sum(int(c) for c in s if c.isdigit())
--
def f(s):
    total = 0
    for c in s:
        if c in "0123456789":
            total += int(c)
    return total
--
import re
def f(s):
    return sum(map(int, re.findall(r"\d", s)))
== ascii_sum | str
> find the sum of the character codes of a string
> add up the ord values of all characters of the given string
def f(s):
    return sum(ord(c) for c in s)
--
def f(s):
    total = 0
    for c in s:
        total += ord(c)
    return total
--
def f(s):
    return sum(map(ord, s))
== has_no_repeats | str
> check whether all the characters of a string are different
> check if no character occurs twice in the given string
def f(s):
    return len(set(s)) == len(s)
--
def f(s):
    seen = set()
    for c in s:
        if c in seen:
            return False
        seen.add(c)
    return True
--
def f(s):
    return all(s.count(c) == 1 for c in s)
== join_chars_with_dash | short
> put a dash between every two consecutive characters of a string
> join the characters of the given string with '-'
def f(s):
    return "-".join(s)
--
def f(s):
    out = ""
    for i, c in enumerate(s):
        if i > 0:
            out += "-"
        out += c
    return out
== words_of_length | sentence, small
> find the words of a sentence that have exactly k letters
> return the words of the given text whose length is k, using regex
import re
def f(s, k):
    return re.findall(r"\b\w{" + str(k) + r"}\b", s)
--
def f(s, k):
    return [w for w in s.split() if len(w) == k]
--
def f(s, k):
    out = []
    for w in s.split():
        if len(w) == k:
            out.append(w)
    return out
'''
