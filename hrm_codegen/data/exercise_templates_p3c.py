"""Exercise templates on strings and characters, words in sentences, tuples and lists of pairs/records.

Same compact format and input kinds as :mod:`hrm_codegen.data.exercise_templates` (see
:mod:`hrm_codegen.data.exercises`): ``== key | kind, ...``, MBPP-style description lines (``> ...``,
without the "Write a function to" prefix) and one to three reference solutions with canonical names
(``f`` and its parameters) in different styles. Written from the Python language and standard library
documentation (str methods, slicing, ``ord``/``chr``, ``str.translate``, the ``re`` module with simple
patterns, the ``string`` module constants, tuple slicing and concatenation, ``zip``, ``sorted`` with keys, dict building)
as the kind of beginner textbook exercise such documentation illustrates; no MBPP test or validation
task was used, and no MBPP train solution was copied.

Rules the templates follow: deterministic solutions with small return values (repr at most 90
characters) that are never None; no sets of strings or other results whose order depends on string
hashing (sorted lists instead); no printing, file access or unbounded loops; every solution accepts the
inputs its kinds produce (or raises on a few draws, which are skipped), and all solutions of a template
agree on every input.
"""

TEMPLATES_TEXT = r'''
== count_lower_letters | mixed
> count the lower case letters in a string
> find how many characters of the given string are lowercase letters
def f(s):
    return sum(1 for c in s if c.islower())
--
import string
def f(s):
    return len([c for c in s if c in string.ascii_lowercase])
== starts_with_capital | sentence
> check whether a sentence starts with an upper case letter
> check whether the first character of a string is a capital letter
def f(s):
    return s[:1].isupper()
--
def f(s):
    return len(s) > 0 and 'A' <= s[0] <= 'Z'
== char_codes | short
> convert a string to the list of the character codes of its characters
> find the ASCII value of every character of a string, as a list
def f(s):
    return [ord(c) for c in s]
--
def f(s):
    return list(map(ord, s))
== digits_to_letters | digits
> convert a list of numbers from 0 to 25 into a string of lower case letters, where 0 is 'a', 1 is 'b' and so on
> turn a list of alphabet positions counted from 0 into the word they spell
def f(nums):
    return ''.join(chr(ord('a') + n) for n in nums)
--
import string
def f(nums):
    return ''.join(string.ascii_lowercase[n] for n in nums)
== last_n_chars | str,small
> get the last n characters of a string (the whole string when it is shorter than n)
> return the final n characters of the given string
def f(s, n):
    return s[-n:]
--
def f(s, n):
    return s[max(0, len(s) - n):]
== strip_first_last_char | str
> remove the first and the last character of a string
> return a string without its first and last characters (an empty string when it has fewer than three characters)
def f(s):
    return s[1:-1]
--
def f(s):
    return ''.join(s[i] for i in range(1, len(s) - 1))
== every_kth_char | str,small
> take every k-th character of a string, starting with the first character
> build a string from the characters of s at positions 0, k, 2k and so on
def f(s, k):
    return s[::k]
--
def f(s, k):
    return ''.join(c for i, c in enumerate(s) if i % k == 0)
== reverse_first_k_chars | str,small
> reverse the first k characters of a string and keep the rest unchanged
> reverse only the prefix of length k of the given string
def f(s, k):
    return s[:k][::-1] + s[k:]
--
def f(s, k):
    return ''.join(reversed(s[:k])) + s[k:]
== rotate_string_left | str,idx
> rotate a string to the left by k characters, moving the first k characters to its end (k wraps around the length)
> shift the characters of a string k places to the left in a circle
def f(s, k):
    k %= len(s)
    return s[k:] + s[:k]
--
def f(s, k):
    n = len(s)
    return ''.join(s[(i + k) % n] for i in range(n))
== count_words_starting_vowel | sentence
> count the words of a sentence that begin with a vowel
> find how many words of the given sentence start with a, e, i, o or u (in either case)
def f(s):
    return sum(1 for w in s.split() if w[0].lower() in 'aeiou')
--
import re
def f(s):
    return len(re.findall(r'\b[aeiouAEIOU]', s))
== sort_words_of_sentence | sentence
> sort the words of a sentence alphabetically, ignoring case, and join them with single spaces
> rearrange the words of a sentence in alphabetical order regardless of capitalisation
def f(s):
    return ' '.join(sorted(s.split(), key=str.lower))
--
def f(s):
    words = s.split()
    words.sort(key=lambda w: w.lower())
    return ' '.join(words)
== capitalize_sentence | sentence
> make the first letter of a sentence upper case and all its other letters lower case
> capitalize a sentence: upper-case its first character and lower-case the rest
def f(s):
    return s.capitalize()
--
def f(s):
    return s[:1].upper() + s[1:].lower()
== pad_right_dashes | short,small
> pad a string on the right with dashes up to a given width
> left-justify a string in a field of width n filled with '-'
def f(s, n):
    return s.ljust(n, '-')
--
def f(s, n):
    return s + '-' * max(0, n - len(s))
--
def f(s, n):
    return '{:-<{}}'.format(s, n)
== has_digit_char | mixed
> check whether a string contains at least one digit
> check whether any character of the given string is a digit
def f(s):
    return any(c.isdigit() for c in s)
--
import re
def f(s):
    return bool(re.search(r'\d', s))
== split_on_char | str,char
> split a string at every occurrence of a character and return the list of pieces
> break the given string into parts separated by the character ch
def f(s, ch):
    return s.split(ch)
--
import re
def f(s, ch):
    return re.split(re.escape(ch), s)
== partition_at_char | str,char
> split a string at the first occurrence of a character into a tuple of the part before it, the character and the part after it (the whole string and two empty strings when it is absent)
> partition a string around the first occurrence of the character ch
def f(s, ch):
    return s.partition(ch)
--
def f(s, ch):
    i = s.find(ch)
    if i == -1:
        return (s, '', '')
    return (s[:i], ch, s[i + 1:])
== vowel_or_consonant | char
> tell whether a lower case letter is a vowel or a consonant, returning 'vowel' or 'consonant'
> classify a letter as 'vowel' or 'consonant'
def f(ch):
    return 'vowel' if ch in 'aeiou' else 'consonant'
--
def f(ch):
    if ch in ('a', 'e', 'i', 'o', 'u'):
        return 'vowel'
    return 'consonant'
== collapse_spaces | mixed
> replace every run of spaces in a string with a single space
> squeeze the repeated spaces of the given text into one space each
import re
def f(s):
    return re.sub(r' +', ' ', s)
--
def f(s):
    while '  ' in s:
        s = s.replace('  ', ' ')
    return s
== letter_groups | mixed
> find the maximal groups of consecutive letters in a string, in order
> extract every run of alphabetic characters from the given string as a list of strings
import re
def f(s):
    return re.findall(r'[A-Za-z]+', s)
--
def f(s):
    groups, cur = [], ''
    for c in s:
        if c.isalpha():
            cur += c
        elif cur:
            groups.append(cur)
            cur = ''
    if cur:
        groups.append(cur)
    return groups
== first_number_in_text | mixed
> find the first number (a run of consecutive digits) in a string as an integer, or -1 if there is none
> return the first whole number written in the given string, or -1 when it contains no digit
import re
def f(s):
    m = re.search(r'\d+', s)
    return int(m.group()) if m else -1
--
def f(s):
    digits = ''
    for c in s:
        if c.isdigit():
            digits += c
        elif digits:
            break
    return int(digits) if digits else -1
== mask_digits | mixed
> replace every digit of a string with the character '#'
> hide the digits of a string by writing '#' in place of each one
import re
def f(s):
    return re.sub(r'\d', '#', s)
--
def f(s):
    return ''.join('#' if c.isdigit() else c for c in s)
--
def f(s):
    return s.translate(str.maketrans('0123456789', '#' * 10))
== only_a_and_b | ab
> check whether a string consists only of the letters 'a' and 'b'
> check whether every character of the given string is an 'a' or a 'b'
import re
def f(s):
    return re.fullmatch(r'[ab]+', s) is not None
--
def f(s):
    return len(s) > 0 and set(s) <= {'a', 'b'}
--
def f(s):
    return all(c in 'ab' for c in s) and s != ''
== sum_numbers_in_text | mixed
> find the sum of all the numbers (runs of consecutive digits) that occur in a string
> add up every whole number written in the given text
import re
def f(s):
    return sum(int(x) for x in re.findall(r'\d+', s))
--
def f(s):
    total, cur = 0, ''
    for c in s + ' ':
        if c.isdigit():
            cur += c
        else:
            if cur:
                total += int(cur)
            cur = ''
    return total
== more_a_than_b | ab
> check whether a string contains more 'a' characters than 'b' characters
> check whether the letter a occurs more often than the letter b in the given string
def f(s):
    return s.count('a') > s.count('b')
--
def f(s):
    balance = 0
    for c in s:
        if c == 'a':
            balance += 1
        elif c == 'b':
            balance -= 1
    return balance > 0
== swap_a_and_b | ab
> swap the letters 'a' and 'b' in a string, so every a becomes b and every b becomes a
> exchange the characters a and b of the given string, leaving other characters alone
def f(s):
    return s.translate(str.maketrans('ab', 'ba'))
--
def f(s):
    return ''.join('b' if c == 'a' else 'a' if c == 'b' else c for c in s)
--
def f(s):
    return s.replace('a', '#').replace('b', 'a').replace('#', 'b')
== words_upper | words
> convert every word of a list to upper case
> return the list of the given words written in capital letters
def f(words):
    return [w.upper() for w in words]
--
def f(words):
    return list(map(str.upper, words))
== word_length_map | words
> map each word of a list to its length in a dictionary
> build a dictionary from the words of a list to their numbers of letters
def f(words):
    return {w: len(w) for w in words}
--
def f(words):
    return dict(zip(words, map(len, words)))
== words_to_sentence | words
> join a list of words into a sentence: words separated by single spaces, the first letter in upper case and a full stop at the end
> build a sentence from a list of words, capitalising its first letter and ending it with '.'
def f(words):
    s = ' '.join(words)
    return s[0].upper() + s[1:] + '.'
--
def f(words):
    return ' '.join([words[0].capitalize()] + words[1:]) + '.'
== last_letters | words
> build a string from the last letter of every word of a list
> join the final characters of the given words into one string
def f(words):
    return ''.join(w[-1] for w in words)
--
def f(words):
    out = ''
    for w in words:
        out += w[len(w) - 1]
    return out
== last_word | sentence
> find the last word of a sentence
> return the final word of the given sentence
def f(s):
    return s.split()[-1]
--
def f(s):
    return s.rsplit(' ', 1)[-1]
--
def f(s):
    return s[s.rfind(' ') + 1:]
== nth_word | sentence,idx
> return the word at index k (counting from 0) of a sentence, or an empty string when the sentence has fewer words
> get the k-th word of a sentence, where the first word has index 0
def f(s, k):
    words = s.split()
    return words[k] if k < len(words) else ''
--
def f(s, k):
    for i, w in enumerate(s.split()):
        if i == k:
            return w
    return ''
== words_ending_with | sentence,char
> find the words of a sentence that end with a given letter, in order
> return the words of the given sentence whose last letter is ch
def f(s, ch):
    return [w for w in s.split() if w.endswith(ch)]
--
import re
def f(s, ch):
    return re.findall(r'\w*' + ch + r'\b', s)
== tuple_append | tup,signed
> add an element at the end of a tuple, returning the new tuple
> append a value to a tuple
def f(t, x):
    return t + (x,)
--
def f(t, x):
    lst = list(t)
    lst.append(x)
    return tuple(lst)
== tuple_first_last | tup
> get the first and the last element of a tuple as a pair
> return a tuple made of the first and last items of a tuple
def f(t):
    return (t[0], t[-1])
--
def f(t):
    return t[0], t[len(t) - 1]
== sort_tuple | tup
> sort the elements of a tuple in increasing order, returning a tuple
> return a sorted copy of a tuple of numbers
def f(t):
    return tuple(sorted(t))
--
def f(t):
    lst = list(t)
    lst.sort()
    return tuple(lst)
== tuple_abs_values | tup
> find the absolute value of every element of a tuple, returned as a tuple
> make every number of a tuple non-negative by taking its absolute value
def f(t):
    return tuple(abs(x) for x in t)
--
def f(t):
    return tuple(map(abs, t))
--
def f(t):
    return tuple(-x if x < 0 else x for x in t)
== tuple_add_k | tup,small
> add k to every element of a tuple, returning a tuple
> increase each number of the given tuple by k
def f(t, k):
    return tuple(x + k for x in t)
--
def f(t, k):
    out = ()
    for x in t:
        out += (x + k,)
    return out
== zip_tuples | tup,tup2
> pair up the elements of two tuples at the same positions into a list of tuples, stopping at the shorter one
> zip two tuples into a list of pairs
def f(a, b):
    return list(zip(a, b))
--
def f(a, b):
    return [(a[i], b[i]) for i in range(min(len(a), len(b)))]
== unzip_pairs | pairs
> split a list of pairs into a tuple of two tuples: the first elements and the second elements
> unzip a list of 2-tuples into the tuple of first items and the tuple of second items
def f(pairs):
    return tuple(zip(*pairs))
--
def f(pairs):
    return (tuple(a for a, b in pairs), tuple(b for a, b in pairs))
== equal_positions_count | tup,tup2
> count the positions at which two tuples hold equal elements
> find how many indices have the same value in both tuples
def f(a, b):
    return sum(1 for x, y in zip(a, b) if x == y)
--
def f(a, b):
    return sum(map(lambda x, y: x == y, a, b))
== tuple_halves | tup
> split a tuple into its first half and its second half, returned as a pair of tuples (the middle element goes to the second half when the length is odd)
> cut a tuple into two halves
def f(t):
    m = len(t) // 2
    return (t[:m], t[m:])
--
def f(t):
    m = len(t) // 2
    return tuple(t[:m]), tuple(t[i] for i in range(m, len(t)))
== tuple_remove_value | tup,small
> remove every occurrence of a value from a tuple, returning a tuple
> return a tuple without any element equal to n
def f(t, n):
    return tuple(x for x in t if x != n)
--
def f(t, n):
    return tuple(filter(lambda x: x != n, t))
== pairs_first_greater | pairs
> keep the tuples of a list of pairs whose first element is greater than the second, in order
> filter a list of (a, b) pairs to those with a > b
def f(pairs):
    return [p for p in pairs if p[0] > p[1]]
--
def f(pairs):
    return list(filter(lambda p: p[0] > p[1], pairs))
== pair_sums | pairs
> find the sum of the two elements of each tuple in a list of pairs, as a list
> add the two numbers of every pair in a list of tuples
def f(pairs):
    return [a + b for a, b in pairs]
--
def f(pairs):
    return list(map(sum, pairs))
== pairs_contain_value | pairs,int
> check whether any tuple of a list of pairs contains the value x
> check whether a number occurs in a list of tuples
def f(pairs, x):
    return any(x in p for p in pairs)
--
def f(pairs, x):
    for a, b in pairs:
        if a == x or b == x:
            return True
    return False
== sort_pairs_by_first_desc | pairs
> sort a list of pairs by their first element in descending order, keeping the original order of pairs with equal first elements
> order a list of tuples from the largest first item to the smallest
def f(pairs):
    return sorted(pairs, key=lambda p: -p[0])
--
def f(pairs):
    return sorted(pairs, key=lambda p: p[0], reverse=True)
== count_scores_above | named,pos
> count the records of a list of (name, score) tuples whose score is greater than n
> find how many (name, score) records have a score above a given limit
def f(records, n):
    return sum(1 for _, score in records if score > n)
--
def f(records, n):
    return len([r for r in records if r[1] > n])
== sort_records_by_name | named
> sort a list of (name, score) tuples by name, and records with the same name by score
> order (name, score) records alphabetically by name, then by increasing score
def f(records):
    return sorted(records)
--
def f(records):
    return sorted(records, key=lambda r: (r[0], r[1]))
== name_counts | named
> count how many records each name has in a list of (name, score) tuples, as a dictionary with names in order of first appearance
> map every name of a list of (name, score) records to the number of times it occurs
def f(records):
    counts = {}
    for name, _ in records:
        counts[name] = counts.get(name, 0) + 1
    return counts
--
from collections import Counter
def f(records):
    return dict(Counter(name for name, _ in records))
== format_records | named
> format each (name, score) tuple of a list as a string 'name: score'
> turn a list of (name, score) records into strings like 'apple: 12'
def f(records):
    return [f'{name}: {score}' for name, score in records]
--
def f(records):
    return ['%s: %d' % r for r in records]
--
def f(records):
    return [r[0] + ': ' + str(r[1]) for r in records]
== distinct_names | named
> find the distinct names of a list of (name, score) tuples, as a sorted list
> return the different names that occur in a list of (name, score) records, in alphabetical order
def f(records):
    return sorted(set(name for name, _ in records))
--
def f(records):
    out = []
    for name, _ in records:
        if name not in out:
            out.append(name)
    return sorted(out)
== average_per_name | named
> find the average score of each name in a list of (name, score) tuples, rounded to one decimal, as a dictionary with names in order of first appearance
> map every name of a list of (name, score) records to the mean of its scores, rounded to 1 decimal place
def f(records):
    groups = {}
    for name, score in records:
        groups.setdefault(name, []).append(score)
    return {k: round(sum(v) / len(v), 1) for k, v in groups.items()}
--
def f(records):
    totals, counts = {}, {}
    for name, score in records:
        totals[name] = totals.get(name, 0) + score
        counts[name] = counts.get(name, 0) + 1
    return {k: round(totals[k] / counts[k], 1) for k in totals}
== above_average_names | named
> find the names whose score is above the average score in a list of (name, score) tuples, in order
> return the names of the (name, score) records that scored more than the mean
def f(records):
    avg = sum(s for _, s in records) / len(records)
    return [n for n, s in records if s > avg]
--
def f(records):
    total = sum(r[1] for r in records)
    return [r[0] for r in records if r[1] * len(records) > total]
== records_with_long_names | named,small
> keep the (name, score) tuples of a list whose name is longer than n characters
> filter a list of (name, score) records to those with names of more than n letters
def f(records, n):
    return [r for r in records if len(r[0]) > n]
--
def f(records, n):
    return list(filter(lambda r: len(r[0]) > n, records))
== dict_to_sorted_pairs | dict
> convert a dictionary into a list of (key, value) tuples sorted by key
> return the items of a dictionary as a list of pairs in key order
def f(d):
    return sorted(d.items())
--
def f(d):
    return [(k, d[k]) for k in sorted(d)]
'''
