"""More templates of :mod:`hrm_codegen.data.exercise_templates_train` (its second half, split off to keep
modules under 600 lines; same sources and rules, see that module's docstring).
"""

TEMPLATES_TEXT = r'''
== sliding_triples | ints
> return every window of three consecutive elements of a list as a tuple, in order (an empty list when the list is shorter than three)
> list the tuples (nums[i], nums[i+1], nums[i+2]) for all valid i
def f(nums):
    return [tuple(nums[i:i + 3]) for i in range(len(nums) - 2)]
--
def f(nums):
    return list(zip(nums, nums[1:], nums[2:]))
--
def f(nums):
    result = []
    for i in range(2, len(nums)):
        result.append((nums[i - 2], nums[i - 1], nums[i]))
    return result
== upper_words_of_length | sentence, small
> convert to upper case the words of a sentence that have exactly k letters, keeping the other words and single spaces between words
> return the sentence with every word of length k written in capitals
def f(text, k):
    return " ".join(w.upper() if len(w) == k else w for w in text.split())
--
def f(text, k):
    words = text.split()
    for i, w in enumerate(words):
        if len(w) == k:
            words[i] = w.upper()
    return " ".join(words)
== substring_positions | str, short
> find all the starting indices where the substring t occurs in s, including overlapping occurrences, in increasing order
> return a list of every index i such that s[i:] starts with t
def f(s, t):
    return [i for i in range(len(s)) if s.startswith(t, i)]
--
def f(s, t):
    result = []
    i = s.find(t)
    while i != -1:
        result.append(i)
        i = s.find(t, i + 1)
    return result
--
def f(s, t):
    return [i for i in range(len(s) - len(t) + 1) if s[i:i + len(t)] == t]
== parity_matches_index | ints
> count the positions i of a list where nums[i] and i are both even or both odd
> return how many elements have the same parity as their index
def f(nums):
    return sum(1 for i, x in enumerate(nums) if x % 2 == i % 2)
--
def f(nums):
    count = 0
    for i in range(len(nums)):
        if (nums[i] - i) % 2 == 0:
            count += 1
    return count
== consonants_between_vowels | str
> count the characters of a string that are not vowels and have a vowel (a, e, i, o, u) on both sides
> return how many non-vowel characters sit directly between two vowels
def f(s):
    vowels = "aeiou"
    return sum(1 for i in range(1, len(s) - 1) if s[i] not in vowels and s[i - 1] in vowels and s[i + 1] in vowels)
--
def f(s):
    count = 0
    for a, b, c in zip(s, s[1:], s[2:]):
        if a in "aeiou" and b not in "aeiou" and c in "aeiou":
            count += 1
    return count
--
import re
def f(s):
    return len(re.findall(r"(?<=[aeiou])[^aeiou](?=[aeiou])", s))
== first_negative_positive | ints
> return a tuple of the first negative and the first positive number of a list, using 0 for one that does not exist
> find (first value below zero, first value above zero) of a list, with 0 in place of a missing one
def f(nums):
    neg = next((x for x in nums if x < 0), 0)
    pos = next((x for x in nums if x > 0), 0)
    return neg, pos
--
def f(nums):
    neg = pos = 0
    for x in nums:
        if x < 0 and neg == 0:
            neg = x
        if x > 0 and pos == 0:
            pos = x
    return (neg, pos)
== rotate_byte_right | bits, small
> rotate the 8 bits of a number between 0 and 255 to the right by k positions (bits leaving on the right come back on the left)
> return the 8-bit value obtained by a circular right shift of n by k places
def f(n, k):
    k %= 8
    return ((n >> k) | (n << (8 - k))) & 0xFF
--
def f(n, k):
    for _ in range(k):
        n = (n >> 1) | ((n & 1) << 7)
    return n
--
def f(n, k):
    bits = format(n, "08b")
    k %= 8
    return int(bits[-k:] + bits[:-k], 2) if k else n
== repeat_by_position | str
> repeat each character of a string as many times as its position counting from 1 (the first once, the second twice, ...)
> return the string where the character at index i appears i + 1 times
def f(s):
    return "".join(c * (i + 1) for i, c in enumerate(s))
--
def f(s):
    result = ""
    for i in range(len(s)):
        result += s[i] * (i + 1)
    return result
== multiples_of_either | ints, small, small
> find the numbers of a list that are divisible by m or by n, in their original order
> keep the elements of a list that are multiples of at least one of m and n
def f(nums, m, n):
    return [x for x in nums if x % m == 0 or x % n == 0]
--
def f(nums, m, n):
    return list(filter(lambda x: x % m == 0 or x % n == 0, nums))
--
def f(nums, m, n):
    result = []
    for x in nums:
        if not x % m or not x % n:
            result.append(x)
    return result
== merge_dicts_max | dict, dict2
> merge two dictionaries, keeping the larger value for keys present in both; keys of the first come first, then the new keys of the second
> combine dict1 and dict2 into one dictionary where a shared key gets the maximum of its two values
def f(d, other):
    result = dict(d)
    for k, v in other.items():
        result[k] = max(result[k], v) if k in result else v
    return result
--
def f(d, other):
    return {**d, **{k: max(v, d.get(k, v)) for k, v in other.items()}}
--
def f(d, other):
    result = {}
    for k in list(d) + list(other):
        if k not in result:
            result[k] = max(x[k] for x in (d, other) if k in x)
    return result
== values_at_indices | ints, digits
> return the elements of a list found at the given indices, in the order of the indices, skipping indices that are out of range
> pick nums[i] for every i of a list of indices that is smaller than the length of nums
def f(nums, indices):
    return [nums[i] for i in indices if i < len(nums)]
--
def f(nums, indices):
    result = []
    for i in indices:
        if 0 <= i < len(nums):
            result.append(nums[i])
    return result
== triangle_type_name | side, side2, side3
> classify a triangle by its side lengths as "equilateral", "isosceles" or "scalene", or return "invalid" when the sides cannot form a triangle
> return the kind of triangle with sides a, b, c ("equilateral", "isosceles", "scalene") or "invalid" if the triangle inequality fails
def f(a, b, c):
    if a + b <= c or a + c <= b or b + c <= a:
        return "invalid"
    if a == b == c:
        return "equilateral"
    if a == b or b == c or a == c:
        return "isosceles"
    return "scalene"
--
def f(a, b, c):
    x, y, z = sorted((a, b, c))
    if x + y <= z:
        return "invalid"
    return {1: "equilateral", 2: "isosceles", 3: "scalene"}[len({a, b, c})]
== second_most_common | words
> find the word with the second highest number of occurrences in a list; among equal counts the word that appears first wins (the list has at least two different words)
> return the second most frequent string of a list, breaking ties by first appearance
from collections import Counter
def f(words):
    return Counter(words).most_common(2)[1][0]
--
def f(words):
    ranked = sorted(dict.fromkeys(words), key=lambda w: -words.count(w))
    return ranked[1]
--
def f(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    return ranked[1][0]
== equal_value_pairs | digits
> count the pairs of positions i < j of a list whose elements are equal
> return the number of index pairs holding the same value
def f(nums):
    count = 0
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] == nums[j]:
                count += 1
    return count
--
from collections import Counter
def f(nums):
    return sum(c * (c - 1) // 2 for c in Counter(nums).values())
--
from itertools import combinations
def f(nums):
    return sum(a == b for a, b in combinations(nums, 2))
== spiral_traversal | square
> return the elements of a square matrix in clockwise spiral order, starting at the top-left corner
> list the values of a square grid going right along the top row, down the right column, left along the bottom, up, and so on inwards
def f(matrix):
    result = []
    rows = [list(r) for r in matrix]
    while rows:
        result += rows.pop(0)
        rows = [list(r) for r in zip(*rows)][::-1]
    return result
--
def f(matrix):
    result = []
    top, bottom, left, right = 0, len(matrix) - 1, 0, len(matrix) - 1
    while top <= bottom and left <= right:
        for j in range(left, right + 1):
            result.append(matrix[top][j])
        for i in range(top + 1, bottom + 1):
            result.append(matrix[i][right])
        if top < bottom:
            for j in range(right - 1, left - 1, -1):
                result.append(matrix[bottom][j])
        if left < right:
            for i in range(bottom - 1, top, -1):
                result.append(matrix[i][left])
        top, bottom, left, right = top + 1, bottom - 1, left + 1, right - 1
    return result
== values_with_odd_count | digits
> return the sorted list of values that occur an odd number of times in a list
> find the distinct elements whose number of occurrences is odd, in ascending order
def f(nums):
    return sorted(x for x in set(nums) if nums.count(x) % 2 == 1)
--
from collections import Counter
def f(nums):
    return sorted(x for x, c in Counter(nums).items() if c % 2)
--
def f(nums):
    odd = set()
    for x in nums:
        odd ^= {x}
    return sorted(odd)
== max_interval_overlap | pairs
> treat each pair (a, b) as the closed interval from min(a, b) to max(a, b) and find the largest number of intervals that share a common integer point
> return the maximum count of intervals covering any single integer, for a list of pairs read as closed ranges
def f(pairs):
    spans = [(min(p), max(p)) for p in pairs]
    lo = min(s[0] for s in spans)
    hi = max(s[1] for s in spans)
    return max(sum(1 for a, b in spans if a <= x <= b) for x in range(lo, hi + 1))
--
def f(pairs):
    events = []
    for a, b in pairs:
        events.append((min(a, b), -1))
        events.append((max(a, b), 1))
    events.sort()
    best = current = 0
    for _, kind in events:
        current -= kind
        best = max(best, current)
    return best
== all_substrings | short
> list all non-empty substrings of a string, ordered by starting position and then by length (duplicates kept)
> return s[i:j] for every i < j, with i increasing and, for the same i, j increasing
def f(s):
    return [s[i:j] for i in range(len(s)) for j in range(i + 1, len(s) + 1)]
--
def f(s):
    result = []
    for i in range(len(s)):
        for j in range(i + 1, len(s) + 1):
            result.append(s[i:j])
    return result
== missing_between_min_max | digits
> find the integers between the smallest and the largest element of a list that do not occur in the list, in increasing order
> return a sorted list of the values in the range min(nums)..max(nums) that are missing from nums
def f(nums):
    return [x for x in range(min(nums), max(nums) + 1) if x not in nums]
--
def f(nums):
    return sorted(set(range(min(nums), max(nums))) - set(nums))
--
def f(nums):
    present = set(nums)
    result = []
    x = min(nums)
    while x < max(nums):
        if x not in present:
            result.append(x)
        x += 1
    return result
== rows_within_range | matrix, int, pos
> keep the rows of a list of lists whose elements all lie between lo and hi inclusive, in their original order
> return the inner lists for which every value x satisfies lo <= x <= hi
def f(matrix, lo, hi):
    return [row for row in matrix if all(lo <= x <= hi for x in row)]
--
def f(matrix, lo, hi):
    result = []
    for row in matrix:
        if min(row) >= lo and max(row) <= hi:
            result.append(row)
    return result
--
def f(matrix, lo, hi):
    return list(filter(lambda row: lo <= min(row) and max(row) <= hi, matrix))
== shortest_repeating_unit | short
> find the shortest string p such that the given string is p repeated a whole number of times
> return the smallest block that, concatenated with itself some number of times, gives the string
def f(s):
    for n in range(1, len(s) + 1):
        if len(s) % n == 0 and s[:n] * (len(s) // n) == s:
            return s[:n]
--
def f(s):
    i = (s + s).find(s, 1)
    return s[:i]
--
def f(s):
    return next(s[:n] for n in range(1, len(s) + 1) if s[:n] * (len(s) // n) == s)
== closest_pair_tuple | pairs
> find the pair of a list whose two elements have the smallest absolute difference; on ties return the first such pair
> return the tuple (a, b) of the list with the least abs(a - b), the earliest one when several tie
def f(pairs):
    return min(pairs, key=lambda p: abs(p[0] - p[1]))
--
def f(pairs):
    best = pairs[0]
    for a, b in pairs[1:]:
        if abs(a - b) < abs(best[0] - best[1]):
            best = (a, b)
    return best
== real_root_count | side, signed, signed2
> find how many distinct real roots the quadratic equation a*x**2 + b*x + c = 0 has (a is not zero): 0, 1 or 2
> return the number of different real solutions of ax^2 + bx + c = 0 from its discriminant
def f(a, b, c):
    d = b * b - 4 * a * c
    return 2 if d > 0 else 1 if d == 0 else 0
--
def f(a, b, c):
    d = b ** 2 - 4 * a * c
    if d > 0:
        return 2
    if d == 0:
        return 1
    return 0
--
def f(a, b, c):
    d = b * b - 4 * a * c
    return (d >= 0) + (d > 0)
== extract_bit_field | bits, idx, small
> return the integer formed by the w bits of n starting at bit position p (bit 0 is the least significant)
> extract w consecutive bits of n beginning at position p, counted from the right, as a number
def f(n, p, w):
    return (n >> p) & ((1 << w) - 1)
--
def f(n, p, w):
    value = 0
    for i in range(w):
        if n >> (p + i) & 1:
            value += 1 << i
    return value
--
def f(n, p, w):
    return (n // 2 ** p) % 2 ** w
== letter_pattern_codes | str
> encode a string as a list giving, for each character, the index of that character's first appearance among the distinct characters (so "abca" gives [0, 1, 2, 0])
> return the pattern of a word: each character is replaced by the number of distinct characters seen before its first occurrence
def f(s):
    order = {}
    for c in s:
        order.setdefault(c, len(order))
    return [order[c] for c in s]
--
def f(s):
    distinct = list(dict.fromkeys(s))
    return [distinct.index(c) for c in s]
--
def f(s):
    seen, result = [], []
    for c in s:
        if c not in seen:
            seen.append(c)
        result.append(seen.index(c))
    return result
== fixed_point_indices | digits
> find all indices i of a list with nums[i] == i, in increasing order
> return the positions whose element equals the position itself
def f(nums):
    return [i for i, x in enumerate(nums) if x == i]
--
def f(nums):
    result = []
    for i in range(len(nums)):
        if nums[i] == i:
            result.append(i)
    return result
== next_palindrome | pos
> find the smallest palindromic number strictly greater than n
> return the next integer after n that reads the same forwards and backwards
def f(n):
    n += 1
    while str(n) != str(n)[::-1]:
        n += 1
    return n
--
def f(n):
    for k in range(n + 1, 10 * n + 11):
        s = str(k)
        if s == "".join(reversed(s)):
            return k
== is_valid_date | year, small, pos
> check whether year, month and day form a valid date of the Gregorian calendar
> return True if day d exists in month m of year y (leap years included), otherwise False
import datetime
def f(y, m, d):
    try:
        datetime.date(y, m, d)
        return True
    except ValueError:
        return False
--
def f(y, m, d):
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return 1 <= m <= 12 and 1 <= d <= days[m - 1]
--
import calendar
def f(y, m, d):
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]
== trailing_number | mixed
> return the integer formed by the digits at the end of a string, or -1 when the string does not end with a digit
> find the number the text ends with (-1 if its last character is not a digit)
import re
def f(s):
    m = re.search(r"\d+$", s)
    return int(m.group()) if m else -1
--
def f(s):
    i = len(s)
    while i > 0 and s[i - 1].isdigit():
        i -= 1
    return int(s[i:]) if i < len(s) else -1
--
def f(s):
    digits = ""
    for c in reversed(s):
        if not c.isdigit():
            break
        digits = c + digits
    return int(digits) if digits else -1
== min_coins_for_amount | pos_ints, pos
> find the minimum number of coins needed to make the given amount from the coin values (each usable any number of times), or -1 if it cannot be made
> return the fewest coins whose values sum to amount, using unlimited coins of the listed values, -1 when impossible
def f(coins, amount):
    best = [0] + [None] * amount
    for a in range(1, amount + 1):
        options = [best[a - c] for c in coins if c <= a and best[a - c] is not None]
        best[a] = min(options) + 1 if options else None
    return best[amount] if best[amount] is not None else -1
--
def f(coins, amount):
    inf = float("inf")
    dp = [0] + [inf] * amount
    for c in coins:
        for a in range(c, amount + 1):
            dp[a] = min(dp[a], dp[a - c] + 1)
    return dp[amount] if dp[amount] != inf else -1
== min_product_of_two | ints
> find the smallest product of two elements at different positions of a list (the list has at least two elements)
> return the minimum of nums[i] * nums[j] over all pairs i < j
def f(nums):
    return min(nums[i] * nums[j] for i in range(len(nums)) for j in range(i + 1, len(nums)))
--
from itertools import combinations
def f(nums):
    return min(a * b for a, b in combinations(nums, 2))
--
def f(nums):
    if len(nums) < 2:
        raise ValueError("need two numbers")
    s = sorted(nums)
    return min(s[0] * s[1], s[-1] * s[-2], s[0] * s[-1])
== digit_positions | mixed
> return a list of (index, digit) tuples for the digit characters of a string, with the digit as an int
> find every digit in the text together with its position, as pairs (position, digit value)
def f(s):
    return [(i, int(c)) for i, c in enumerate(s) if c.isdigit()]
--
def f(s):
    result = []
    for i in range(len(s)):
        if s[i] in "0123456789":
            result.append((i, int(s[i])))
    return result
--
import re
def f(s):
    return [(m.start(), int(m.group())) for m in re.finditer(r"\d", s)]
== sort_by_digit_sum | nats
> sort a list of non-negative integers by the sum of their digits, and numbers with the same digit sum by value
> return the numbers ordered by digit sum, ties broken by the smaller number first
def f(nums):
    return sorted(nums, key=lambda x: (sum(int(d) for d in str(x)), x))
--
def f(nums):
    def digit_sum(x):
        total = 0
        while x:
            total += x % 10
            x //= 10
        return total
    return sorted(sorted(nums), key=digit_sum)
== abundance_class | pos
> classify a positive integer as "perfect", "abundant" or "deficient" by comparing it with the sum of its proper divisors
> return "abundant" if the proper divisors of n add up to more than n, "perfect" if exactly n, otherwise "deficient"
def f(n):
    total = sum(d for d in range(1, n) if n % d == 0)
    if total > n:
        return "abundant"
    return "perfect" if total == n else "deficient"
--
def f(n):
    total = 0
    for d in range(1, n // 2 + 1):
        if n % d == 0:
            total += d
    if total == n:
        return "perfect"
    if total < n:
        return "deficient"
    return "abundant"
== min_path_sum_grid | square
> find the minimum sum of a path from the top-left to the bottom-right cell of a square grid, moving only right or down
> return the smallest total of the values on a right/down path through the matrix from corner to corner
def f(grid):
    n = len(grid)
    best = [[0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            if i == 0 and j == 0:
                best[i][j] = grid[0][0]
            elif i == 0:
                best[i][j] = best[i][j - 1] + grid[i][j]
            elif j == 0:
                best[i][j] = best[i - 1][j] + grid[i][j]
            else:
                best[i][j] = min(best[i - 1][j], best[i][j - 1]) + grid[i][j]
    return best[-1][-1]
--
def f(grid):
    n = len(grid)
    row = [0] + [float("inf")] * (n - 1)
    for i in range(n):
        row[0] += grid[i][0]
        for j in range(1, n):
            row[j] = min(row[j], row[j - 1]) + grid[i][j]
    return row[-1]
'''
