"""Exercise templates built around the standard library, in the format of
:mod:`hrm_codegen.data.exercise_templates`: ``itertools`` (accumulate, chain, combinations,
combinations_with_replacement, compress, groupby, islice, cycle, pairwise, permutations, product,
starmap, takewhile, zip_longest), ``collections`` (Counter, defaultdict, deque, OrderedDict,
ChainMap), ``functools`` (reduce, cmp_to_key, lru_cache), ``heapq``, ``bisect``, ``operator``
(itemgetter, methodcaller), ``re`` (findall, sub, split, search, fullmatch groups), ``string``
constants, ``math`` (isqrt, comb, prod, floor, ceil, gcd, copysign, dist), ``statistics`` (median,
multimode), ``fractions``, ``datetime`` and ``calendar`` on plain integer inputs.

Written from the Python language and standard library documentation only: for each library function,
a small task a programmer would solve with it, with the library solution beside a plain-loop one.
Every key starts with ``lib_``.
"""

TEMPLATES_TEXT = r'''
== lib_steps_to_reach | pos_ints, pos
> find how many elements from the start of a list of positive numbers must be added up for the running total to reach at least n, or -1 if the whole list never reaches it
> return the smallest count k such that the sum of the first k numbers of the list is at least n, and -1 when even the total of all numbers is below n
from itertools import accumulate
def f(nums, n):
    for i, total in enumerate(accumulate(nums), 1):
        if total >= n:
            return i
    return -1
--
def f(nums, n):
    total = 0
    for i in range(len(nums)):
        total += nums[i]
        if total >= n:
            return i + 1
    return -1
== lib_running_average | ints
> return the running averages of a list: the i-th value is the mean of the first i + 1 numbers, rounded to 2 decimals
> compute the cumulative mean of a list of numbers at every position, each rounded to two decimal places
from itertools import accumulate
def f(nums):
    return [round(total / (i + 1), 2) for i, total in enumerate(accumulate(nums))]
--
def f(nums):
    result, total = [], 0
    for i, x in enumerate(nums):
        total += x
        result.append(round(total / (i + 1), 2))
    return result
== lib_max_profit | nats
> find the largest profit from buying at one price of a non-empty list of daily prices and selling at a later one, or 0 when no profit is possible
> return the maximum of prices[j] - prices[i] over positions i < j of a non-empty list, and 0 if no such difference is positive
from itertools import accumulate
def f(prices):
    lows = accumulate(prices, min)
    return max(p - low for p, low in zip(prices, lows))
--
def f(prices):
    best, low = 0, prices[0]
    for p in prices:
        low = min(low, p)
        best = max(best, p - low)
    return best
--
def f(prices):
    return max(prices[j] - prices[i] for i in range(len(prices)) for j in range(i, len(prices)))
== lib_matrix_evens | matrix
> collect the even numbers of a matrix (a list of lists) into one flat list, reading row by row from left to right
> return a flat list of the even values of a list of lists, in row order
from itertools import chain
def f(matrix):
    return [x for x in chain.from_iterable(matrix) if x % 2 == 0]
--
def f(matrix):
    result = []
    for row in matrix:
        for x in row:
            if x % 2 == 0:
                result.append(x)
    return result
--
def f(matrix):
    return [x for row in matrix for x in row if x % 2 == 0]
== lib_min_pair_gap | ints
> find the smallest absolute difference between any two elements of a list with at least two elements
> return the minimum of |a - b| over all pairs of different positions of the list
from itertools import combinations
def f(nums):
    return min(abs(a - b) for a, b in combinations(nums, 2))
--
def f(nums):
    s = sorted(nums)
    return min(b - a for a, b in zip(s, s[1:]))
--
def f(nums):
    best = abs(nums[0] - nums[1])
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            best = min(best, abs(nums[i] - nums[j]))
    return best
== lib_triangle_triples | pos_ints
> count the triples of list elements (three different positions, order ignored) that could be the side lengths of a triangle, i.e. each is smaller than the sum of the other two
> find how many ways to pick three elements of a list of positive numbers such that they satisfy the triangle inequality strictly
from itertools import combinations
def f(nums):
    return sum(1 for a, b, c in combinations(nums, 3) if a + b > c and a + c > b and b + c > a)
--
def f(nums):
    s = sorted(nums)
    count = 0
    for i in range(len(s)):
        for j in range(i + 1, len(s)):
            for k in range(j + 1, len(s)):
                if s[i] + s[j] > s[k]:
                    count += 1
    return count
== lib_max_pair_product | ints
> find the largest product of two elements at different positions of a list of at least two integers
> return the maximum value of a * b over all pairs of elements taken from two different positions of the list
from itertools import combinations
def f(nums):
    return max(a * b for a, b in combinations(nums, 2))
--
def f(nums):
    s = sorted(nums)
    return max(s[0] * s[1], s[-1] * s[-2])
--
def f(nums):
    best = nums[0] * nums[1]
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            best = max(best, nums[i] * nums[j])
    return best
== lib_sorted_letter_multisets | short, idx
> list all strings of length k built from the distinct letters of s, where letters may repeat but each string has its letters in alphabetical order; return them sorted
> return, in sorted order, every string of length k over the letters of s whose characters never decrease (repetition allowed, [''] for k = 0)
from itertools import combinations_with_replacement
def f(s, k):
    return [''.join(c) for c in combinations_with_replacement(sorted(set(s)), k)]
--
def f(s, k):
    letters = sorted(set(s))
    result = ['']
    for _ in range(k):
        result = [w + c for w in result for c in letters if not w or w[-1] <= c]
    return result
== lib_select_by_flags | ints, ints2
> keep the elements of the first list whose partner at the same position in the second list is positive, stopping at the end of the shorter list
> return the items of nums, in order, for which the number at the same index of the second list is greater than 0 (positions past the shorter list are ignored)
from itertools import compress
def f(nums, flags):
    return list(compress(nums, [x > 0 for x in flags]))
--
def f(nums, flags):
    return [a for a, b in zip(nums, flags) if b > 0]
--
def f(nums, flags):
    result = []
    for i in range(min(len(nums), len(flags))):
        if flags[i] > 0:
            result.append(nums[i])
    return result
== lib_parity_runs | ints
> split a list into maximal runs of neighbouring elements that are all even or all odd, returning a list of lists in order
> group consecutive numbers of the same parity together: return the list of runs, a new run starting whenever the parity changes
from itertools import groupby
def f(nums):
    return [list(g) for _, g in groupby(nums, key=lambda x: x % 2)]
--
def f(nums):
    runs = []
    for x in nums:
        if runs and runs[-1][-1] % 2 == x % 2:
            runs[-1].append(x)
        else:
            runs.append([x])
    return runs
== lib_ranges_summary | sorted
> summarize a sorted list of integers as a string of comma-separated ranges: a run of consecutive values from a to b becomes "a-b" and a lone value stays "a"; repeated values count once
> describe the distinct values of a sorted list as ranges joined by commas, e.g. [1, 2, 3, 5, 7, 8] gives "1-3,5,7-8" (an empty list gives "")
from itertools import groupby
def f(nums):
    parts = []
    for _, g in groupby(enumerate(sorted(set(nums))), key=lambda p: p[1] - p[0]):
        run = [x for _, x in g]
        parts.append(str(run[0]) if len(run) == 1 else f'{run[0]}-{run[-1]}')
    return ','.join(parts)
--
def f(nums):
    values = sorted(set(nums))
    if not values:
        return ''
    parts, start = [], values[0]
    for prev, x in zip(values, values[1:] + [None]):
        if x != prev + 1:
            parts.append(str(start) if start == prev else f'{start}-{prev}')
            start = x
    return ','.join(parts)
== lib_slice_step | ints, idx, small
> return the elements of a list starting at position i and then taking every n-th element after it
> get nums[i], nums[i + n], nums[i + 2 * n], ... for as long as the positions stay inside the list (an empty list if i is past the end)
from itertools import islice
def f(nums, i, n):
    return list(islice(nums, i, None, n))
--
def f(nums, i, n):
    return nums[i::n]
--
def f(nums, i, n):
    result = []
    while i < len(nums):
        result.append(nums[i])
        i += n
    return result
== lib_count_rises | ints
> count the positions where an element of a list is larger than the element just before it
> find how many times a list goes up from one element to the next
from itertools import pairwise
def f(nums):
    return sum(1 for a, b in pairwise(nums) if b > a)
--
def f(nums):
    return sum(nums[i] > nums[i - 1] for i in range(1, len(nums)))
--
def f(nums):
    count = 0
    for a, b in zip(nums, nums[1:]):
        if b > a:
            count += 1
    return count
== lib_largest_jump | ints
> find the largest absolute difference between two neighbouring elements of a list, or 0 for a list with fewer than two elements
> return the biggest |nums[i + 1] - nums[i]| of a list, and 0 when the list has no neighbouring pair
from itertools import pairwise
def f(nums):
    return max((abs(b - a) for a, b in pairwise(nums)), default=0)
--
def f(nums):
    best = 0
    for i in range(1, len(nums)):
        best = max(best, abs(nums[i] - nums[i - 1]))
    return best
== lib_largest_from_digits | digits
> find the largest integer that can be written by arranging all the digits of a list in some order
> return the biggest number whose digits are a rearrangement of the given list of digits
from itertools import permutations
def f(digits):
    return max(int(''.join(map(str, p))) for p in permutations(digits))
--
def f(digits):
    return int(''.join(str(d) for d in sorted(digits, reverse=True)))
--
def f(digits):
    n = 0
    for d in sorted(digits, reverse=True):
        n = n * 10 + d
    return n
== lib_distinct_arrangements | short
> count the distinct strings that can be formed by rearranging all the letters of a word
> return how many different orderings of the characters of a string exist, counting orderings that give the same string only once
from itertools import permutations
def f(s):
    return len(set(permutations(s)))
--
from collections import Counter
from math import factorial
def f(s):
    result = factorial(len(s))
    for c in Counter(s).values():
        result //= factorial(c)
    return result
== lib_count_cross_less | ints, ints2
> count the pairs (a, b) with a taken from the first list and b from the second list such that a < b
> return the number of index pairs (i, j) for which the i-th element of the first list is smaller than the j-th element of the second list
from itertools import product
def f(a, b):
    return sum(1 for x, y in product(a, b) if x < y)
--
def f(a, b):
    count = 0
    for x in a:
        for y in b:
            if x < y:
                count += 1
    return count
--
import bisect
def f(a, b):
    s = sorted(a)
    return sum(bisect.bisect_left(s, y) for y in b)
== lib_dice_ways | int, idx
> count the ordered outcomes of rolling k six-sided dice (faces 1 to 6) whose faces add up to exactly n; zero dice give a total of 0 in exactly one way
> find in how many ways k dice, each showing 1 to 6 and told apart by their order, can sum to n
from itertools import product
def f(n, k):
    return sum(1 for roll in product(range(1, 7), repeat=k) if sum(roll) == n)
--
def f(n, k):
    ways = {0: 1}
    for _ in range(k):
        nxt = {}
        for total, count in ways.items():
            for face in range(1, 7):
                nxt[total + face] = nxt.get(total + face, 0) + count
        ways = nxt
    return ways.get(n, 0)
== lib_pair_gcds | pairs
> return the greatest common divisor of each pair in a list of pairs of non-negative integers, as a list in the same order (the gcd of 0 and 0 is 0)
> compute gcd(a, b) for every tuple (a, b) of a list
from itertools import starmap
from math import gcd
def f(pairs):
    return list(starmap(gcd, pairs))
--
def f(pairs):
    result = []
    for a, b in pairs:
        while b:
            a, b = b, a % b
        result.append(a)
    return result
== lib_leading_letters | mixed
> return the longest prefix of a string made only of letters (an empty string when the first character is not a letter)
> take the letters at the start of a string up to the first character that is not a letter
from itertools import takewhile
def f(s):
    return ''.join(takewhile(str.isalpha, s))
--
import re
def f(s):
    return re.match(r'[A-Za-z]*', s).group()
--
def f(s):
    for i, c in enumerate(s):
        if not c.isalpha():
            return s[:i]
    return s
== lib_padded_sum | ints, ints2
> add two lists element by element; when one list is shorter, its missing elements count as 0, so the result is as long as the longer list
> return the position-wise sums of two lists of different lengths, padding the shorter one with zeros
from itertools import zip_longest
def f(a, b):
    return [x + y for x, y in zip_longest(a, b, fillvalue=0)]
--
def f(a, b):
    result = []
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else 0
        y = b[i] if i < len(b) else 0
        result.append(x + y)
    return result
== lib_char_mismatches | str, str2
> count the positions at which two strings differ, where every character of the longer string beyond the end of the shorter one counts as a difference
> compare two strings position by position and return how many positions differ, counting the extra length of the longer string as differences
from itertools import zip_longest
def f(s, t):
    return sum(1 for a, b in zip_longest(s, t) if a != b)
--
def f(s, t):
    return sum(a != b for a, b in zip(s, t)) + abs(len(s) - len(t))
== lib_cycle_to_length | ints, small
> build a list of length n by repeating the elements of a non-empty list over and over from its start
> return the first n items of the endless repetition of the given non-empty list
from itertools import cycle, islice
def f(nums, n):
    return list(islice(cycle(nums), n))
--
def f(nums, n):
    return [nums[i % len(nums)] for i in range(n)]
--
def f(nums, n):
    result = []
    while len(result) < n:
        result.extend(nums)
    return result[:n]
== lib_least_common_char | str
> find the character that occurs the fewest times in a non-empty string; if several tie, return the one that appears first
> return the rarest character of a string, choosing the earliest one in the string on a tie
from collections import Counter
def f(s):
    counts = Counter(s)
    return min(counts, key=counts.get)
--
def f(s):
    return min(s, key=s.count)
--
def f(s):
    best = s[0]
    for c in s:
        if s.count(c) < s.count(best):
            best = c
    return best
== lib_missing_letters | str, str2
> find the letters that must be added to the string s so that the word t can be spelled from its letters, each letter of s used at most once; return them as a sorted string, repeats included
> return, sorted into one string, the characters of t that are not covered by the characters of s when every character of s can be used only once
from collections import Counter
def f(s, t):
    return ''.join(sorted((Counter(t) - Counter(s)).elements()))
--
def f(s, t):
    pool = list(s)
    missing = []
    for c in t:
        if c in pool:
            pool.remove(c)
        else:
            missing.append(c)
    return ''.join(sorted(missing))
== lib_anagram_groups | words
> group a list of words into anagram classes: return a list of lists, each holding the words made of the same letters, with groups and words in order of first appearance
> collect words that are rearrangements of each other into lists, keeping both the groups and their members in input order (duplicates stay)
from collections import defaultdict
def f(words):
    groups = defaultdict(list)
    for w in words:
        groups[''.join(sorted(w))].append(w)
    return list(groups.values())
--
def f(words):
    groups = {}
    for w in words:
        groups.setdefault(tuple(sorted(w)), []).append(w)
    return list(groups.values())
== lib_count_by_remainder | ints, small
> count how many numbers of a list leave each remainder when divided by k; return a dictionary from remainder to count, remainders in increasing order and only those that occur
> tally the values x % k of a list of integers into a dictionary whose keys are sorted ascending
from collections import Counter
def f(nums, k):
    return dict(sorted(Counter(x % k for x in nums).items()))
--
from collections import defaultdict
def f(nums, k):
    counts = defaultdict(int)
    for x in nums:
        counts[x % k] += 1
    return {r: counts[r] for r in sorted(counts)}
== lib_moving_averages | ints, small
> return the averages of every window of k consecutive elements of a list, rounded to 2 decimals, from left to right (an empty list when the list is shorter than k)
> compute the moving average with window size k of a list of numbers, each rounded to two decimal places
from collections import deque
def f(nums, k):
    window, result = deque(maxlen=k), []
    for x in nums:
        window.append(x)
        if len(window) == k:
            result.append(round(sum(window) / k, 2))
    return result
--
def f(nums, k):
    return [round(sum(nums[i:i + k]) / k, 2) for i in range(len(nums) - k + 1)]
== lib_josephus | pos, small
> find the last person left when n people numbered 1 to n stand in a circle and, counting from person 1, every k-th person is removed in turn
> solve the Josephus problem: return the survivor's number when people 1 to n in a circle are eliminated every k-th in turn, the count starting at person 1
from collections import deque
def f(n, k):
    people = deque(range(1, n + 1))
    while len(people) > 1:
        people.rotate(-(k - 1))
        people.popleft()
    return people[0]
--
def f(n, k):
    people = list(range(1, n + 1))
    i = 0
    while len(people) > 1:
        i = (i + k - 1) % len(people)
        people.pop(i)
    return people[0]
--
def f(n, k):
    pos = 0
    for size in range(2, n + 1):
        pos = (pos + k) % size
    return pos + 1
== lib_recently_used | words
> return each distinct name of a list of accessed names once, ordered from least recently to most recently accessed (judged by its last access)
> list the distinct words of a list ordered by the position of their last occurrence
from collections import OrderedDict
def f(words):
    order = OrderedDict()
    for w in words:
        order[w] = True
        order.move_to_end(w)
    return list(order)
--
def f(words):
    order = {}
    for w in words:
        order.pop(w, None)
        order[w] = True
    return list(order)
--
def f(words):
    last = {w: i for i, w in enumerate(words)}
    return sorted(last, key=last.get)
== lib_defaults_merge | dict, dict2
> merge a dictionary of settings with a dictionary of defaults, where a key present in the settings keeps its value; return the result with keys in alphabetical order
> combine two dictionaries, values of the first winning over the second on shared keys, and return a dictionary with sorted keys
from collections import ChainMap
def f(d, defaults):
    return dict(sorted(ChainMap(d, defaults).items()))
--
def f(d, defaults):
    return dict(sorted({**defaults, **d}.items()))
--
def f(d, defaults):
    merged = dict(defaults)
    for key, value in d.items():
        merged[key] = value
    return {key: merged[key] for key in sorted(merged)}
== lib_xor_all | nats
> return the bitwise XOR of all numbers in a non-empty list
> combine all numbers of a list with the exclusive-or operator
from functools import reduce
import operator
def f(nums):
    return reduce(operator.xor, nums)
--
def f(nums):
    result = 0
    for x in nums:
        result ^= x
    return result
== lib_largest_concatenation | nats
> arrange a list of non-negative integers so that writing them one after another gives the largest possible number, and return that number as an integer
> find the biggest integer obtainable by concatenating the decimal forms of all numbers of a list in some order
from functools import cmp_to_key
def f(nums):
    def compare(a, b):
        return (a + b < b + a) - (a + b > b + a)
    parts = sorted(map(str, nums), key=cmp_to_key(compare))
    return int(''.join(parts))
--
def f(nums):
    parts = sorted((str(x) for x in nums), key=lambda s: s * 3, reverse=True)
    return int(''.join(parts))
== lib_sort_by_frequency | digits
> sort a list so that more frequent values come first, breaking ties by the smaller value; equal values end up next to each other
> return the elements of a list ordered by how often they occur (most often first) and then by value ascending
from collections import Counter
def f(nums):
    counts = Counter(nums)
    return sorted(nums, key=lambda x: (-counts[x], x))
--
def f(nums):
    return sorted(nums, key=lambda x: (-nums.count(x), x))
--
from functools import cmp_to_key
def f(nums):
    def compare(a, b):
        if nums.count(a) != nums.count(b):
            return nums.count(b) - nums.count(a)
        return a - b
    return sorted(nums, key=cmp_to_key(compare))
== lib_grid_paths | side, side2
> count the shortest paths along the lines of a grid of rows x cols squares from its top-left corner to its bottom-right corner, moving only right or down
> return the number of monotone lattice paths from (0, 0) to (rows, cols) using unit steps that increase one coordinate
from math import comb
def f(rows, cols):
    return comb(rows + cols, rows)
--
from functools import lru_cache
def f(rows, cols):
    @lru_cache(maxsize=None)
    def paths(i, j):
        if i == 0 or j == 0:
            return 1
        return paths(i - 1, j) + paths(i, j - 1)
    return paths(rows, cols)
--
def f(rows, cols):
    line = [1] * (cols + 1)
    for _ in range(rows):
        for j in range(1, cols + 1):
            line[j] += line[j - 1]
    return line[-1]
'''
