"""Exercise templates on the core language: builtin functions, the methods of ``str``, ``list``,
``dict``, ``set`` and ``tuple``, and the control-flow patterns of the tutorial (nested loops,
``while`` loops, ``break``/``else``, early return, accumulators, flags, two indices, slicing with
steps, negative indices, string building, integer division and modulo), in the format of
:mod:`hrm_codegen.data.exercise_templates`.

Written from the Python language reference, the tutorial and the documentation of the builtin
functions and types only (no benchmark task was used). Every key starts with ``core_``.
"""

TEMPLATES_TEXT = r'''
== core_sort_by_abs | ints
> sort a list of integers by absolute value, keeping the original order of numbers with equal absolute value
> return the numbers of a list ordered from smallest to largest absolute value (a stable sort, so ties keep their order)
def f(nums):
    return sorted(nums, key=abs)
--
def f(nums):
    out = list(nums)
    out.sort(key=lambda x: abs(x))
    return out
--
def f(nums):
    out = []
    for x in nums:
        i = len(out)
        while i > 0 and abs(out[i - 1]) > abs(x):
            i -= 1
        out.insert(i, x)
    return out
== core_any_multiple | ints, small
> check whether any number of a list is divisible by k
> return True if at least one element of the list is a multiple of k, False otherwise
def f(nums, k):
    return any(x % k == 0 for x in nums)
--
def f(nums, k):
    for x in nums:
        if x % k == 0:
            return True
    return False
--
def f(nums, k):
    return len([x for x in nums if x % k == 0]) > 0
== core_bit_length | pos
> find how many binary digits a positive integer has
> return the length of the binary representation of a positive number n, without any prefix
def f(n):
    return len(bin(n)) - 2
--
def f(n):
    return n.bit_length()
--
def f(n):
    count = 0
    while n > 0:
        n //= 2
        count += 1
    return count
== core_binary_palindrome | bits
> check whether the binary representation of a non-negative integer reads the same forwards and backwards
> return True if the binary digits of n (no leading zeros, no prefix) form a palindrome
def f(n):
    b = bin(n)[2:]
    return b == b[::-1]
--
def f(n):
    b = format(n, "b")
    return all(b[i] == b[-1 - i] for i in range(len(b) // 2))
--
def f(n):
    rev, m = 0, n
    while m > 0:
        rev = rev * 2 + m % 2
        m //= 2
    return rev == n
== core_binary_gap | bits
> find the longest run of zeros that lies between two ones in the binary representation of n (0 if there is none)
> return the length of the longest sequence of consecutive 0 bits surrounded by 1 bits on both sides in the binary form of a number
def f(n):
    b = bin(n)[2:].strip("0")
    return max((len(part) for part in b.split("1")), default=0)
--
def f(n):
    best, run, seen_one = 0, 0, False
    for c in bin(n)[2:]:
        if c == "1":
            if seen_one:
                best = max(best, run)
            seen_one, run = True, 0
        else:
            run += 1
    return best
== core_alphabet_positions | short
> convert each lower case letter of a string to its position in the alphabet, where a is 1
> return a list with the alphabet index (a=1, b=2, ...) of every character of a lower case word
def f(s):
    return [ord(c) - ord("a") + 1 for c in s]
--
import string
def f(s):
    return [string.ascii_lowercase.index(c) + 1 for c in s]
--
def f(s):
    out = []
    for c in s:
        out.append(ord(c) - 96)
    return out
== core_alphabet_prefix | small
> build the string of the first n lower case letters of the alphabet
> return a string made of the letters a, b, c, ... up to the n-th letter of the alphabet
def f(n):
    return "".join(chr(ord("a") + i) for i in range(n))
--
import string
def f(n):
    return string.ascii_lowercase[:n]
--
def f(n):
    s = ""
    for i in range(n):
        s += chr(97 + i)
    return s
== core_words_containing | words, char
> keep the words of a list that contain a given letter, in their original order
> return the list of words in which the character c occurs, preserving order
def f(words, c):
    return list(filter(lambda w: c in w, words))
--
def f(words, c):
    return [w for w in words if c in w]
--
def f(words, c):
    out = []
    for w in words:
        if w.find(c) != -1:
            out.append(w)
    return out
== core_total_length | words
> find the total number of characters in a list of words
> return the sum of the lengths of all the strings in a list
def f(words):
    return sum(map(len, words))
--
def f(words):
    return len("".join(words))
--
def f(words):
    total = 0
    for w in words:
        total += len(w)
    return total
== core_max_below | ints, int
> find the largest number of a list that is smaller than a limit, or -100 if no number is smaller
> return the greatest element of the list that is strictly below the given bound (-100 when there is none)
def f(nums, limit):
    return max((x for x in nums if x < limit), default=-100)
--
def f(nums, limit):
    best = -100
    for x in nums:
        if x < limit and (best == -100 or x > best):
            best = x
    return best
--
def f(nums, limit):
    smaller = [x for x in nums if x < limit]
    return max(smaller) if smaller else -100
== core_min_last_digit | nats
> find the number of a list with the smallest last digit (the first such number on ties)
> return the element whose final decimal digit is lowest, taking the earliest one when several tie
def f(nums):
    return min(nums, key=lambda x: x % 10)
--
def f(nums):
    best = nums[0]
    for x in nums[1:]:
        if x % 10 < best % 10:
            best = x
    return best
--
def f(nums):
    return sorted(nums, key=lambda x: x % 10)[0]
== core_most_vowels | words
> find the word of a list with the most vowels (the first one on ties)
> return the word containing the greatest number of the letters a, e, i, o, u, the earliest on ties
def f(words):
    return max(words, key=lambda w: sum(c in "aeiou" for c in w))
--
def f(words):
    best, best_count = words[0], -1
    for w in words:
        count = len([c for c in w if c in "aeiou"])
        if count > best_count:
            best, best_count = w, count
    return best
--
def f(words):
    counts = [sum(w.count(v) for v in "aeiou") for w in words]
    return words[counts.index(max(counts))]
== core_power_mod | pos, int, small
> compute a raised to the power b, modulo m
> return (a ** b) % m for non-negative integers a, b and a positive modulus m
def f(a, b, m):
    return pow(a, b, m)
--
def f(a, b, m):
    return (a ** b) % m
--
def f(a, b, m):
    result = 1 % m
    for _ in range(b):
        result = result * a % m
    return result
== core_countdown | int, small
> list the numbers from n down to 0, stepping down by k each time (stop before going below 0)
> return [n, n - k, n - 2k, ...] containing only the values that are not negative
def f(n, k):
    return list(range(n, -1, -k))
--
def f(n, k):
    out = []
    while n >= 0:
        out.append(n)
        n -= k
    return out
--
def f(n, k):
    return [n - i * k for i in range(n // k + 1)]
== core_reverse_each_word | sentence
> reverse the letters of every word in a sentence, keeping the words in their order
> return the sentence with each space separated word spelled backwards
def f(text):
    return " ".join(w[::-1] for w in text.split(" "))
--
def f(text):
    return " ".join("".join(reversed(w)) for w in text.split(" "))
--
def f(text):
    words = []
    for w in text.split(" "):
        rev = ""
        for c in w:
            rev = c + rev
        words.append(rev)
    return " ".join(words)
== core_percent_shares | pos_ints
> express each number of a list as a percentage of the list's total, rounded to one decimal place
> return, for every element, round(100 * x / total, 1) where total is the sum of the list
def f(nums):
    total = sum(nums)
    return [round(100 * x / total, 1) for x in nums]
--
def f(nums):
    total = 0
    for x in nums:
        total += x
    out = []
    for x in nums:
        out.append(round(100 * x / total, 1))
    return out
--
def f(nums):
    return list(map(lambda x: round(100 * x / sum(nums), 1), nums))
== core_sort_by_last_letter | words
> sort a list of words by their last letter, keeping the original order of words with the same last letter
> return the words ordered alphabetically by final character (a stable sort)
def f(words):
    return sorted(words, key=lambda w: w[-1])
--
def f(words):
    out = words[:]
    out.sort(key=lambda w: w[len(w) - 1])
    return out
--
def f(words):
    out = []
    for c in sorted(set(w[-1] for w in words)):
        out.extend(w for w in words if w[-1] == c)
    return out
== core_left_columns | words
> left-justify every word of a list in a column as wide as the longest word, padding with spaces, and join the columns with '|'
> return one string where each word is padded on the right with spaces to the length of the longest word, the padded words separated by '|'
def f(words):
    width = max(len(w) for w in words)
    return "|".join(w.ljust(width) for w in words)
--
def f(words):
    width = len(max(words, key=len))
    return "|".join(w + " " * (width - len(w)) for w in words)
--
def f(words):
    width = max(map(len, words))
    return "|".join(f"{w:<{width}}" for w in words)
== core_second_occurrence | str, char
> find the index of the second occurrence of a character in a string, or -1 if it occurs fewer than two times
> return the position where the character c appears for the second time in s (-1 when it does not)
def f(s, c):
    first = s.find(c)
    return -1 if first == -1 else s.find(c, first + 1)
--
def f(s, c):
    positions = [i for i, ch in enumerate(s) if ch == c]
    return positions[1] if len(positions) > 1 else -1
--
def f(s, c):
    seen = 0
    for i, ch in enumerate(s):
        if ch == c:
            seen += 1
            if seen == 2:
                return i
    return -1
== core_index_from | digits, idx, idx
> find the first index at or after position start where a value x occurs in a list, or -1 if it does not occur there
> return the smallest index i >= start with nums[i] == x, or -1 when there is none
def f(nums, x, start):
    try:
        return nums.index(x, start)
    except ValueError:
        return -1
--
def f(nums, x, start):
    for i in range(start, len(nums)):
        if nums[i] == x:
            return i
    return -1
--
def f(nums, x, start):
    hits = [i for i, v in enumerate(nums) if v == x and i >= start]
    return hits[0] if hits else -1
== core_letters_and_digits | mixed
> split a string into its letters and its digits, returning a tuple of two strings in their original order (spaces are dropped)
> return (letters, digits) where letters joins the alphabetic characters and digits joins the numeric characters of the string
def f(s):
    return ("".join(c for c in s if c.isalpha()), "".join(c for c in s if c.isdigit()))
--
def f(s):
    letters, digits = "", ""
    for c in s:
        if c.isalpha():
            letters += c
        elif c.isdigit():
            digits += c
    return (letters, digits)
--
import re
def f(s):
    return ("".join(re.findall(r"[A-Za-z]", s)), "".join(re.findall(r"[0-9]", s)))
== core_first_digit | mixed
> find the first digit character of a string as an integer, or -1 if the string has no digit
> return the value of the leftmost digit in the given text (-1 when there is no digit)
def f(s):
    for c in s:
        if c.isdigit():
            return int(c)
    return -1
--
def f(s):
    digits = [int(c) for c in s if c.isdigit()]
    return digits[0] if digits else -1
--
import re
def f(s):
    m = re.search(r"\d", s)
    return int(m.group()) if m else -1
== core_trim_char | str, char
> remove all leading and trailing occurrences of a character from a string
> return the string without the given character at its beginning and end (inner occurrences stay)
def f(s, c):
    return s.strip(c)
--
def f(s, c):
    return s.lstrip(c).rstrip(c)
--
def f(s, c):
    i, j = 0, len(s)
    while i < j and s[i] == c:
        i += 1
    while j > i and s[j - 1] == c:
        j -= 1
    return s[i:j]
== core_before_char | str, char
> return the part of a string before the first occurrence of a character, or the whole string if the character is absent
> get the prefix of s that ends just before the first c (all of s when c does not occur)
def f(s, c):
    return s.partition(c)[0]
--
def f(s, c):
    return s.split(c, 1)[0]
--
def f(s, c):
    i = s.find(c)
    return s if i == -1 else s[:i]
== core_after_last_char | str, char
> return the part of a string after the last occurrence of a character, or the whole string if the character is absent
> get the suffix of s that follows the final c (all of s when c does not occur)
def f(s, c):
    return s.rpartition(c)[2]
--
def f(s, c):
    return s.rsplit(c, 1)[-1]
--
def f(s, c):
    i = s.rfind(c)
    return s[i + 1:]
== core_replace_first_k | str, char, idx
> replace the first k occurrences of a character in a string with '*'
> return the string where only the first k appearances of c are changed to an asterisk
def f(s, c, k):
    return s.replace(c, "*", k)
--
def f(s, c, k):
    out = ""
    for ch in s:
        if ch == c and k > 0:
            out += "*"
            k -= 1
        else:
            out += ch
    return out
--
def f(s, c, k):
    parts = s.split(c)
    n = min(k, len(parts) - 1)
    return "*".join(parts[:n + 1]) + c.join([""] + parts[n + 1:])
== core_strip_trailing_digits | mixed
> remove all the digits at the end of a string
> return the string without its trailing run of digit characters
def f(s):
    return s.rstrip("0123456789")
--
def f(s):
    while s and s[-1].isdigit():
        s = s[:-1]
    return s
--
import re
def f(s):
    return re.sub(r"\d+$", "", s)
== core_leetspeak | str
> replace the letters a, e, i, o and s of a string with 4, 3, 1, 0 and 5 respectively
> return the text with a->4, e->3, i->1, o->0 and s->5, other characters unchanged
def f(s):
    return s.translate(str.maketrans("aeios", "43105"))
--
def f(s):
    table = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5"}
    return "".join(table.get(c, c) for c in s)
--
def f(s):
    for old, new in zip("aeios", "43105"):
        s = s.replace(old, new)
    return s
== core_zero_pad | signed, small
> format an integer as a string padded with zeros on the left to at least width characters, the minus sign of a negative number counted and kept in front
> return str(n) left-filled with zeros to the given width, placing the zeros after the sign
def f(n, width):
    return str(n).zfill(width)
--
def f(n, width):
    return f"{n:0{width}d}"
--
def f(n, width):
    sign = "-" if n < 0 else ""
    digits = str(abs(n))
    return sign + "0" * (width - len(sign) - len(digits)) + digits
== core_repeat_each | ints, small
> repeat every element of a list k times in a row
> return a new list in which each element of the given list appears k consecutive times
def f(nums, k):
    return [x for x in nums for _ in range(k)]
--
def f(nums, k):
    out = []
    for x in nums:
        out.extend([x] * k)
    return out
--
def f(nums, k):
    out = []
    for x in nums:
        for _ in range(k):
            out.append(x)
    return out
== core_cycle_to_length | ints, small
> repeat a list cyclically until it has exactly n elements (cutting the last repetition short)
> return the first n elements of the endless repetition of the given list
def f(nums, n):
    return (nums * n)[:n]
--
def f(nums, n):
    return [nums[i % len(nums)] for i in range(n)]
--
from itertools import cycle, islice
def f(nums, n):
    return list(islice(cycle(nums), n))
== core_insert_at | ints, idx, signed
> insert a value into a list at index i (appending it when i is past the end)
> return a copy of the list with x placed before position i, or at the end when i is at least the length
def f(nums, i, x):
    out = list(nums)
    out.insert(i, x)
    return out
--
def f(nums, i, x):
    return nums[:i] + [x] + nums[i:]
--
def f(nums, i, x):
    out = []
    for j, v in enumerate(nums):
        if j == i:
            out.append(x)
        out.append(v)
    if i >= len(nums):
        out.append(x)
    return out
== core_elimination_order | small, small
> list the order in which people leave a circle of n people numbered 1 to n when, counting from person 1, every k-th person steps out
> simulate removing every k-th person from a circle of n people numbered from 1 and return the list of removed numbers in order
def f(n, k):
    people = list(range(1, n + 1))
    out, i = [], 0
    while people:
        i = (i + k - 1) % len(people)
        out.append(people.pop(i))
    return out
--
from collections import deque
def f(n, k):
    circle = deque(range(1, n + 1))
    out = []
    while circle:
        circle.rotate(-(k - 1))
        out.append(circle.popleft())
    return out
== core_remove_first | digits, idx
> remove the first occurrence of a value from a list, returning the list unchanged if the value is absent
> return a copy of the list without the earliest element equal to x
def f(nums, x):
    out = list(nums)
    if x in out:
        out.remove(x)
    return out
--
def f(nums, x):
    if x in nums:
        i = nums.index(x)
        return nums[:i] + nums[i + 1:]
    return nums[:]
--
def f(nums, x):
    out, done = [], False
    for v in nums:
        if v == x and not done:
            done = True
        else:
            out.append(v)
    return out
== core_median | ints
> find the median of a list of numbers: the middle value after sorting, or the mean of the two middle values for an even length
> return the median of the given non-empty list (an int for odd lengths, the average of the two central values for even lengths)
def f(nums):
    s = sorted(nums)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
--
import statistics
def f(nums):
    return statistics.median(nums)
--
def f(nums):
    s = list(nums)
    s.sort()
    mid = len(s) // 2
    if len(s) % 2 == 1:
        return s[mid]
    return (s[mid - 1] + s[mid]) / 2
'''
