"""More templates of :mod:`hrm_codegen.data.exercise_templates_core` (its second half, split off to keep
modules under 600 lines; same sources and rules, see that module's docstring).
"""

TEMPLATES_TEXT = r'''
== core_sum_lookup | dict2, words
> add up the values that a dictionary gives to the words of a list, counting 0 for words that are not keys
> return the total of d[w] for every word w in the list, where missing words count as zero
def f(d, words):
    return sum(d.get(w, 0) for w in words)
--
def f(d, words):
    total = 0
    for w in words:
        if w in d:
            total += d[w]
    return total
--
def f(d, words):
    return sum([d[w] for w in words if w in d])
== core_group_by_remainder | nats, small
> group the numbers of a list by their remainder modulo k, returning a dictionary from remainder to the list of numbers in their original order, with remainders in increasing order
> build a dictionary whose keys are the remainders x % k that occur (sorted ascending) and whose values list the matching numbers in order
def f(nums, k):
    groups = {}
    for x in sorted(nums, key=lambda x: x % k):
        groups.setdefault(x % k, []).append(x)
    return groups
--
def f(nums, k):
    return {r: [x for x in nums if x % k == r] for r in sorted({x % k for x in nums})}
--
def f(nums, k):
    groups = {}
    for r in range(k):
        members = [x for x in nums if x % k == r]
        if members:
            groups[r] = members
    return groups
== core_merge_keep_first | dict, dict2
> merge two dictionaries where the first one wins on shared keys: keep all of the first dictionary in its order, then add the new keys of the second in their order
> return a new dictionary with every item of d1 followed by the items of d2 whose keys are not in d1
def f(d1, d2):
    out = dict(d1)
    for k, v in d2.items():
        out.setdefault(k, v)
    return out
--
def f(d1, d2):
    return {**d1, **{k: v for k, v in d2.items() if k not in d1}}
--
def f(d1, d2):
    out = {}
    for d in (d1, d2):
        for k in d:
            if k not in out:
                out[k] = d[k]
    return out
== core_missing_letters | sentence
> find the lower case letters of the alphabet that do not appear in a string, as a string in alphabetical order
> return the letters a to z that are absent from the given text (case-insensitive), joined in order
import string
def f(text):
    return "".join(sorted(set(string.ascii_lowercase) - set(text.lower())))
--
def f(text):
    text = text.lower()
    return "".join(chr(c) for c in range(ord("a"), ord("z") + 1) if chr(c) not in text)
--
import string
def f(text):
    out = ""
    for c in string.ascii_lowercase:
        if c not in text.lower():
            out += c
    return out
== core_can_build_word | str, short
> check whether word t can be spelled with the letters of s, using every letter of s at most once
> return True if each character of t occurs in s at least as many times as it occurs in t
def f(s, t):
    return all(t.count(c) <= s.count(c) for c in set(t))
--
from collections import Counter
def f(s, t):
    return not (Counter(t) - Counter(s))
--
def f(s, t):
    pool = list(s)
    for c in t:
        if c not in pool:
            return False
        pool.remove(c)
    return True
== core_tuple_replace | tup, idx, signed
> replace the element at index i of a tuple with x, returning the tuple unchanged when i is out of range
> return a new tuple equal to the given one except that position i holds x (no change if i >= the length)
def f(tup, i, x):
    if i >= len(tup):
        return tup
    return tup[:i] + (x,) + tup[i + 1:]
--
def f(tup, i, x):
    items = list(tup)
    if i < len(items):
        items[i] = x
    return tuple(items)
--
def f(tup, i, x):
    return tuple(x if j == i else v for j, v in enumerate(tup))
== core_times_divisible | big, small
> count how many times a positive integer n can be divided by k without remainder (k is at least 2; return 0 when k is less than 2)
> return the largest e such that k ** e divides n, for k >= 2 (0 for k below 2)
def f(n, k):
    if k < 2:
        return 0
    count = 0
    while n % k == 0:
        n //= k
        count += 1
    return count
--
def f(n, k):
    if k < 2:
        return 0
    e = 0
    while n % k ** (e + 1) == 0:
        e += 1
    return e
== core_first_above_average | ints
> find the index of the first element of a list that is greater than the average of the list, or -1 if there is none
> return the position of the earliest number strictly above the mean of all the numbers (-1 when all are equal)
def f(nums):
    avg = sum(nums) / len(nums)
    for i, x in enumerate(nums):
        if x > avg:
            return i
    return -1
--
def f(nums):
    avg = sum(nums) / len(nums)
    above = [i for i, x in enumerate(nums) if x > avg]
    return above[0] if above else -1
--
def f(nums):
    total = sum(nums)
    return next((i for i, x in enumerate(nums) if x * len(nums) > total), -1)
== core_best_gain | ints
> find the largest increase from an earlier element of a list to a later one, or 0 if no later element is bigger
> return the maximum of nums[j] - nums[i] over i < j, but at least 0
def f(nums):
    best, low = 0, nums[0]
    for x in nums[1:]:
        best = max(best, x - low)
        low = min(low, x)
    return best
--
def f(nums):
    best = 0
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[j] - nums[i] > best:
                best = nums[j] - nums[i]
    return best
--
def f(nums):
    return max([0] + [nums[j] - min(nums[:j]) for j in range(1, len(nums))])
== core_alternating_parity | ints
> check whether even and odd numbers alternate in a list (every two neighbours have different parity)
> return True if no two adjacent elements are both even or both odd
def f(nums):
    return all(a % 2 != b % 2 for a, b in zip(nums, nums[1:]))
--
def f(nums):
    for i in range(1, len(nums)):
        if (nums[i] - nums[i - 1]) % 2 == 0:
            return False
    return True
--
def f(nums):
    ok = True
    for i in range(len(nums) - 1):
        if nums[i] % 2 == nums[i + 1] % 2:
            ok = False
            break
    return ok
== core_is_subsequence | ab, short
> check whether the characters of t appear in s in the same order, not necessarily next to each other
> return True if t can be obtained from s by deleting some characters
def f(s, t):
    i = 0
    for c in s:
        if i < len(t) and c == t[i]:
            i += 1
    return i == len(t)
--
def f(s, t):
    it = iter(s)
    return all(c in it for c in t)
--
def f(s, t):
    pos = 0
    for c in t:
        pos = s.find(c, pos)
        if pos == -1:
            return False
        pos += 1
    return True
== core_kth_from_end | ints, idx
> find the element of a list that lies k places before the last one, so k = 0 gives the last element (an IndexError when the list is too short)
> return nums[-1 - k], counting positions backwards from the end starting at 0
def f(nums, k):
    return nums[-1 - k]
--
def f(nums, k):
    return nums[::-1][k]
--
def f(nums, k):
    return list(reversed(nums))[k]
== core_staircase | small
> build a staircase of n lines joined by newlines, where line i (from 1) holds i '#' characters
> return a string of n rows separated by '\n', the first row '#', the second '##', and so on
def f(n):
    return "\n".join("#" * i for i in range(1, n + 1))
--
def f(n):
    lines = []
    for i in range(n):
        lines.append("#" * (i + 1))
    return "\n".join(lines)
--
def f(n):
    s = ""
    for i in range(1, n + 1):
        s += "#" * i
        if i < n:
            s += "\n"
    return s
== core_base_digits | big, small
> convert a positive integer to base b (2 <= b <= 9) and return its digits as a list, most significant first; raise ValueError for a base below 2
> return the list of digits of n written in base b, from the highest digit down, b being between 2 and 9
def f(n, b):
    if b < 2:
        raise ValueError("base must be at least 2")
    digits = []
    while n > 0:
        n, r = divmod(n, b)
        digits.append(r)
    return digits[::-1]
--
def f(n, b):
    if b < 2:
        raise ValueError("base must be at least 2")
    digits = []
    while n:
        digits.insert(0, n % b)
        n //= b
    return digits
== core_weekday_after | big
> find the name of the weekday that comes n days after a Monday
> return which day of the week it is n days after Monday, as a capitalized English name
def f(n):
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    return days[n % 7]
--
def f(n):
    days = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
    return days[n - n // 7 * 7]
--
def f(n):
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    _, r = divmod(n, 7)
    return days[r]
== core_thousands_separator | big
> write a non-negative integer with commas between groups of three digits, counted from the right
> return the number as a string with a comma as the thousands separator, for example 1234567 becomes '1,234,567'
def f(n):
    return f"{n:,}"
--
def f(n):
    s = str(n)
    groups = []
    while len(s) > 3:
        groups.insert(0, s[-3:])
        s = s[:-3]
    groups.insert(0, s)
    return ",".join(groups)
--
def f(n):
    rev = str(n)[::-1]
    return ",".join(rev[i:i + 3] for i in range(0, len(rev), 3))[::-1]
== core_adjacent_equal | digits
> check whether a list has two neighbouring elements that are equal
> return True if some element is immediately followed by the same value
def f(nums):
    return any(a == b for a, b in zip(nums, nums[1:]))
--
def f(nums):
    for i in range(len(nums) - 1):
        if nums[i] == nums[i + 1]:
            return True
    return False
--
from itertools import groupby
def f(nums):
    return len(list(groupby(nums))) < len(nums)
== core_multiplication_table | idx
> build the n by n multiplication table as a list of rows, where row i and column j (both from 1) hold i * j
> return [[1 * 1, ..., 1 * n], ..., [n * 1, ..., n * n]] as a nested list
def f(n):
    return [[i * j for j in range(1, n + 1)] for i in range(1, n + 1)]
--
def f(n):
    table = []
    for i in range(1, n + 1):
        row = []
        for j in range(1, n + 1):
            row.append(i * j)
        table.append(row)
    return table
--
def f(n):
    return [list(range(i, i * n + 1, i)) for i in range(1, n + 1)]
== core_pascal_row | small
> return row n of Pascal's triangle as a list, where row 0 is [1] and row 1 is [1, 1]
> build the n-th row of Pascal's triangle (counting from 0), each entry being the sum of the two above it
def f(n):
    row = [1]
    for _ in range(n):
        row = [a + b for a, b in zip([0] + row, row + [0])]
    return row
--
import math
def f(n):
    return [math.comb(n, k) for k in range(n + 1)]
--
def f(n):
    row = [1]
    for k in range(n):
        row.append(row[k] * (n - k) // (k + 1))
    return row
== core_clamp | ints, signed, int
> limit every number of a list to the range [lo, hi]: values below lo become lo, then values above hi become hi
> return the list where each x is replaced by min(max(x, lo), hi)
def f(nums, lo, hi):
    return [min(max(x, lo), hi) for x in nums]
--
def f(nums, lo, hi):
    out = []
    for x in nums:
        if x < lo:
            x = lo
        if x > hi:
            x = hi
        out.append(x)
    return out
--
def f(nums, lo, hi):
    return list(map(lambda x: min(hi, max(lo, x)), nums))
== core_sign_changes | ints
> count how many times the sign changes between neighbouring elements of a list, that is adjacent pairs whose product is negative
> return the number of adjacent pairs where one number is positive and the other negative
def f(nums):
    return sum(1 for a, b in zip(nums, nums[1:]) if a * b < 0)
--
def f(nums):
    count = 0
    for i in range(1, len(nums)):
        if nums[i - 1] * nums[i] < 0:
            count += 1
    return count
--
def f(nums):
    return len([i for i in range(len(nums) - 1) if (nums[i] < 0 < nums[i + 1]) or (nums[i + 1] < 0 < nums[i])])
== core_local_peaks | ints
> find the indices of the elements of a list that are strictly greater than both of their neighbours (the first and last elements are never peaks)
> return the positions i with 0 < i < len - 1 and nums[i - 1] < nums[i] > nums[i + 1], in increasing order
def f(nums):
    return [i for i in range(1, len(nums) - 1) if nums[i - 1] < nums[i] > nums[i + 1]]
--
def f(nums):
    peaks = []
    for i in range(1, len(nums) - 1):
        if nums[i] > nums[i - 1] and nums[i] > nums[i + 1]:
            peaks.append(i)
    return peaks
--
def f(nums):
    triples = zip(nums, nums[1:], nums[2:])
    return [i + 1 for i, (a, b, c) in enumerate(triples) if a < b > c]
== core_swap_halves | str
> swap the first and second halves of a string, leaving the middle character in place when the length is odd
> return back half + middle + front half, where the halves have len(s) // 2 characters each
def f(s):
    h = len(s) // 2
    return s[len(s) - h:] + s[h:len(s) - h] + s[:h]
--
def f(s):
    h = len(s) // 2
    if len(s) % 2:
        return s[h + 1:] + s[h] + s[:h]
    return s[h:] + s[:h]
--
def f(s):
    h = len(s) // 2
    front, middle, back = s[:h], s[h:h + len(s) % 2], s[h + len(s) % 2:]
    return back + middle + front
== core_numbered_list | words
> number the words of a list, returning strings like '1. apple', '2. river' in order
> return a list where each word is prefixed by its position counted from 1, a period and a space
def f(words):
    return [f"{i}. {w}" for i, w in enumerate(words, start=1)]
--
def f(words):
    out = []
    for i in range(len(words)):
        out.append(str(i + 1) + ". " + words[i])
    return out
--
def f(words):
    return ["%d. %s" % (i + 1, w) for i, w in enumerate(words)]
== core_closest_to | ints, signed
> find the number of a list that is closest to a target, taking the smaller number when two are equally close
> return the element x minimising abs(x - target), the smaller value on ties
def f(nums, target):
    return min(nums, key=lambda x: (abs(x - target), x))
--
def f(nums, target):
    best = nums[0]
    for x in nums[1:]:
        d, bd = abs(x - target), abs(best - target)
        if d < bd or (d == bd and x < best):
            best = x
    return best
--
def f(nums, target):
    return sorted(nums, key=lambda x: (abs(x - target), x))[0]
== core_double_letter_words | words
> keep the words of a list that contain two equal letters next to each other, in their original order
> return the words having some letter immediately repeated, such as 'apple' or 'coffee'
def f(words):
    return [w for w in words if any(a == b for a, b in zip(w, w[1:]))]
--
def f(words):
    out = []
    for w in words:
        for i in range(len(w) - 1):
            if w[i] == w[i + 1]:
                out.append(w)
                break
    return out
--
import re
def f(words):
    return [w for w in words if re.search(r"(.)\1", w)]
== core_steps_to_zero | big
> count the steps needed to reduce n to zero, where a step halves an even number and subtracts 1 from an odd number
> return how many operations bring n down to 0 if even numbers are divided by 2 and odd numbers are decreased by 1
def f(n):
    steps = 0
    while n > 0:
        n = n // 2 if n % 2 == 0 else n - 1
        steps += 1
    return steps
--
def f(n):
    return n.bit_length() + bin(n).count("1") - 1 if n else 0
--
def f(n):
    steps = 0
    while n:
        steps += 2 if n % 2 else 1
        n //= 2
    return steps - 1 if steps else 0
== core_digit_histogram | big
> count how often each digit 0 to 9 occurs in a non-negative integer, returning a list of ten counts
> return a list whose entry d is the number of times digit d appears in the decimal form of n
def f(n):
    return [str(n).count(str(d)) for d in range(10)]
--
def f(n):
    counts = [0] * 10
    for c in str(n):
        counts[int(c)] += 1
    return counts
--
def f(n):
    counts = [0] * 10
    while True:
        counts[n % 10] += 1
        n //= 10
        if n == 0:
            return counts
== core_integer_sqrt | big
> find the integer square root of a non-negative number, the largest r with r * r <= n
> return the floor of the square root of n, computed without floating point
import math
def f(n):
    return math.isqrt(n)
--
def f(n):
    r = 0
    while (r + 1) * (r + 1) <= n:
        r += 1
    return r
--
def f(n):
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo
== core_first_row_with_negative | matrix
> find the index of the first row of a matrix (a list of lists) that contains a negative number, or -1 if no row does
> return the position of the earliest inner list holding a value below zero (-1 when every value is non-negative)
def f(rows):
    for i, row in enumerate(rows):
        for x in row:
            if x < 0:
                break
        else:
            continue
        return i
    return -1
--
def f(rows):
    return next((i for i, row in enumerate(rows) if any(x < 0 for x in row)), -1)
--
def f(rows):
    for i in range(len(rows)):
        if min(rows[i]) < 0:
            return i
    return -1
== core_sorted_common_with_repeats | sorted, sorted
> find the elements common to two sorted lists, keeping repeats as many times as they occur in both lists, as a sorted list
> return the multiset intersection of two ascending lists in ascending order (a value shared twice by both appears twice)
def f(a, b):
    i, j, out = 0, 0, []
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            out.append(a[i])
            i += 1
            j += 1
        elif a[i] < b[j]:
            i += 1
        else:
            j += 1
    return out
--
from collections import Counter
def f(a, b):
    return sorted((Counter(a) & Counter(b)).elements())
--
def f(a, b):
    rest = list(b)
    out = []
    for x in a:
        if x in rest:
            rest.remove(x)
            out.append(x)
    return out
'''
