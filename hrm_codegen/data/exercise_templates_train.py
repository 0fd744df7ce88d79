"""Exercise templates modelled on the *shapes* of MBPP **train** tasks (task ids 601-974).

Same compact format and input kinds as :mod:`hrm_codegen.data.exercise_templates` (see
:mod:`hrm_codegen.data.exercises`). Written from the Python language and standard library
documentation (builtins; str/list/dict/set/tuple methods; math, itertools, collections, re, bisect,
statistics, datetime, calendar, functools) and from the kinds of operation that MBPP train tasks ask
for -- lists, tuples, dictionaries, strings, bits, number theory, small dynamic programs. Each template
is a *new* program of a train task's shape (the same operation on another data type, another
aggregation or predicate, the inverse operation, or two train operations combined), not a copy of a
train task; no MBPP test or validation task was used. The train task ids each template was modelled
on are listed in the comment block above :data:`TEMPLATES_TEXT`.
"""

# Template key: MBPP train task id(s) whose shape it follows
#   max_score_per_name: 613,611   row_averages: 615   floor_divide_tuples: 616
#   digits_first: 619   shift_digit_chars: 621   smallest_missing_positive: 627
#   orthogonal_neighbours: 630   sum_pairwise_gaps: 633   max_pair_xor: 633
#   dedupe_rows_unordered: 642,712   words_with_inner_letter: 643   reverse_tail_from: 644
#   swap_adjacent_chars: 648   largest_with_remainder: 663   squeeze_char: 668
#   clear_lowest_set_bit: 671   drop_repeated_words: 674   char_in_repeated_string: 684
#   twin_primes_upto: 685   can_reach_last_index: 689   factorial_digit_sum: 692,657
#   balanced_split_index: 701   distinct_partners_count: 709   distinct_prime_factors: 714,849
#   population_variance: 717   sum_subarray_maxima: 734,782   geometric_sum_int: 738
#   harshad_numbers_upto: 745   common_subsequence_length: 747,923   max_gap_sorted: 763
#   sliding_triples: 766   upper_words_of_length: 772   substring_positions: 773
#   parity_matches_index: 775,790   consonants_between_vowels: 776   first_negative_positive: 784,881
#   rotate_byte_right: 799   repeat_by_position: 810   multiples_of_either: 817,883
#   merge_dicts_max: 821,902   values_at_indices: 825   triangle_type_name: 826
#   second_most_common: 829,658   equal_value_pairs: 831   spiral_traversal: 834
#   values_with_odd_count: 842   max_interval_overlap: 846   all_substrings: 859
#   missing_between_min_max: 863,627   rows_within_range: 869   shortest_repeating_unit: 874
#   closest_pair_tuple: 875   real_root_count: 880,963   extract_bit_field: 884
#   letter_pattern_codes: 885   fixed_point_indices: 908   next_palindrome: 909
#   is_valid_date: 910   trailing_number: 913   min_coins_for_amount: 918
#   min_product_of_two: 922,911   digit_positions: 944   sort_by_digit_sum: 949
#   abundance_class: 955   min_path_sum_grid: 974,721

TEMPLATES_TEXT = r'''
== max_score_per_name | named
> map every name of a list of (name, score) tuples to its highest score, keys in order of first appearance
> build a dictionary with the best score of each name
def f(records):
    best = {}
    for name, score in records:
        if name not in best or score > best[name]:
            best[name] = score
    return best
--
def f(records):
    names = dict.fromkeys(n for n, _ in records)
    return {n: max(s for m, s in records if m == n) for n in names}
--
def f(records):
    best = {}
    for name, score in records:
        best[name] = max(best.get(name, score), score)
    return best
== row_averages | matrix
> return the average of each row of a list of lists, rounded to 2 decimal places, in row order
> compute a list with the mean of every inner list, each rounded to two decimals
def f(matrix):
    return [round(sum(row) / len(row), 2) for row in matrix]
--
def f(matrix):
    result = []
    for row in matrix:
        total = 0
        for x in row:
            total += x
        result.append(round(total / len(row), 2))
    return result
--
from statistics import fmean
def f(matrix):
    return [round(fmean(row), 2) for row in matrix]
== floor_divide_tuples | tup, tup2
> divide the elements of the first tuple by the elements of the second tuple at the same positions using floor division, returning a tuple as long as the shorter one
> return the tuple of a // b for corresponding elements a, b of two tuples (stop at the shorter tuple)
def f(tup, other):
    return tuple(a // b for a, b in zip(tup, other))
--
def f(tup, other):
    result = []
    for i in range(min(len(tup), len(other))):
        result.append(tup[i] // other[i])
    return tuple(result)
--
import operator
def f(tup, other):
    return tuple(map(operator.floordiv, tup, other))
== digits_first | mixed
> move all digit characters of a string to the front, keeping the order of the digits and of the other characters
> rearrange a string so that its digits come first and everything else follows, both in their original order
def f(s):
    return "".join(c for c in s if c.isdigit()) + "".join(c for c in s if not c.isdigit())
--
def f(s):
    digits, rest = "", ""
    for c in s:
        if c.isdigit():
            digits += c
        else:
            rest += c
    return digits + rest
--
def f(s):
    return "".join(sorted(s, key=lambda c: not c.isdigit()))
== shift_digit_chars | mixed, small
> add k to every digit character of a string, wrapping around after 9, and leave the other characters unchanged
> replace each digit d in the text by the last digit of d + k, keeping all other characters
def f(s, k):
    return "".join(str((int(c) + k) % 10) if c.isdigit() else c for c in s)
--
def f(s, k):
    result = ""
    for c in s:
        if c in "0123456789":
            result += str((int(c) + k) % 10)
        else:
            result += c
    return result
--
def f(s, k):
    table = str.maketrans("0123456789", "".join(str((d + k) % 10) for d in range(10)))
    return s.translate(table)
== smallest_missing_positive | digits
> find the smallest positive integer that does not occur in the given list
> return the least whole number greater than zero that is missing from a list of integers
def f(nums):
    n = 1
    while n in nums:
        n += 1
    return n
--
def f(nums):
    present = set(nums)
    for n in range(1, len(nums) + 2):
        if n not in present:
            return n
--
def f(nums):
    return min(set(range(1, len(nums) + 2)) - set(nums))
== orthogonal_neighbours | signed, signed2
> return the four grid points next to the point (x, y) horizontally or vertically, as a sorted list of tuples
> list the coordinates (x-1, y), (x+1, y), (x, y-1), (x, y+1) sorted in ascending order
def f(x, y):
    return sorted([(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)])
--
def f(x, y):
    result = []
    for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
        result.append((x + dx, y + dy))
    result.sort()
    return result
--
def f(x, y):
    return sorted((x + dx, y + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1) if abs(dx) + abs(dy) == 1)
== sum_pairwise_gaps | ints
> find the sum of the absolute differences of all pairs of elements (each pair of positions counted once)
> add up abs(a - b) over every pair of items at positions i < j of a list
def f(nums):
    total = 0
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            total += abs(nums[i] - nums[j])
    return total
--
from itertools import combinations
def f(nums):
    return sum(abs(a - b) for a, b in combinations(nums, 2))
--
def f(nums):
    s = sorted(nums)
    return sum(x * (2 * i - len(s) + 1) for i, x in enumerate(s))
== max_pair_xor | nats
> find the largest value of a ^ b (bitwise xor) over all pairs of elements at different positions of a list
> return the maximum bitwise exclusive or of two distinct-position elements of a list of non-negative integers
def f(nums):
    best = None
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if best is None or nums[i] ^ nums[j] > best:
                best = nums[i] ^ nums[j]
    if best is None:
        raise ValueError("need two elements")
    return best
--
from itertools import combinations
def f(nums):
    return max(a ^ b for a, b in combinations(nums, 2))
== dedupe_rows_unordered | matrix
> remove the rows of a list of lists that contain the same elements as an earlier row in any order, keeping the first such row
> return the rows in order, dropping every row whose sorted contents equal those of a previous row
def f(matrix):
    seen, result = [], []
    for row in matrix:
        key = sorted(row)
        if key not in seen:
            seen.append(key)
            result.append(row)
    return result
--
def f(matrix):
    seen = set()
    result = []
    for row in matrix:
        key = tuple(sorted(row))
        if key not in seen:
            seen.add(key)
            result.append(row)
    return result
--
def f(matrix):
    return [row for i, row in enumerate(matrix) if all(sorted(row) != sorted(r) for r in matrix[:i])]
== words_with_inner_letter | sentence, char
> find the words of a sentence that contain the letter ch somewhere other than at their first or last position, in order
> return the list of words having ch strictly inside them (not only as first or last letter)
def f(text, ch):
    return [w for w in text.split() if ch in w[1:-1]]
--
def f(text, ch):
    result = []
    for w in text.split():
        for c in w[1:len(w) - 1]:
            if c == ch:
                result.append(w)
                break
    return result
--
import re
def f(text, ch):
    return [w for w in text.split() if re.search(r"\B" + ch + r"\B", w)]
== reverse_tail_from | ints, idx
> reverse the part of a list that starts at index k and keep the elements before index k in place
> return a new list where the elements from position k to the end are in reversed order
def f(nums, k):
    return nums[:k] + nums[k:][::-1]
--
def f(nums, k):
    result = nums[:k]
    for i in range(len(nums) - 1, k - 1, -1):
        if i < len(nums):
            result.append(nums[i])
    return result
--
def f(nums, k):
    return nums[:k] + list(reversed(nums[k:]))
== swap_adjacent_chars | str
> swap every two neighbouring characters of a string (the first with the second, the third with the fourth, ...), leaving a final odd character in place
> exchange the characters at positions 0 and 1, 2 and 3, and so on
def f(s):
    chars = list(s)
    for i in range(0, len(chars) - 1, 2):
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)
--
def f(s):
    return "".join(s[i:i + 2][::-1] for i in range(0, len(s), 2))
--
def f(s):
    result = ""
    i = 0
    while i + 1 < len(s):
        result += s[i + 1] + s[i]
        i += 2
    return result + s[i:]
== largest_with_remainder | pos, small, idx
> find the largest integer k between 0 and n such that k % x == y, or -1 when there is none
> return the biggest k with 0 <= k <= n whose remainder modulo x is y (-1 if no such k exists)
def f(n, x, y):
    for k in range(n, -1, -1):
        if k % x == y:
            return k
    return -1
--
def f(n, x, y):
    if y >= x or y > n:
        return -1
    return n - (n - y) % x
--
def f(n, x, y):
    found = [k for k in range(n + 1) if k % x == y]
    return found[-1] if found else -1
== squeeze_char | str, char
> replace every run of the character ch in a string by a single ch, leaving other characters unchanged
> collapse consecutive repeats of one given character into one occurrence
def f(s, ch):
    result = ""
    for c in s:
        if not (c == ch and result.endswith(ch)):
            result += c
    return result
--
import re
def f(s, ch):
    return re.sub(re.escape(ch) + "+", ch, s)
--
def f(s, ch):
    while ch + ch in s:
        s = s.replace(ch + ch, ch)
    return s
== clear_lowest_set_bit | bits
> turn off the rightmost 1 bit of a non-negative integer (0 stays 0)
> return the number with its lowest set bit cleared
def f(n):
    return n & (n - 1) if n else 0
--
def f(n):
    if n == 0:
        return 0
    bit = 1
    while not n & bit:
        bit <<= 1
    return n - bit
--
def f(n):
    return n - (n & -n)
== drop_repeated_words | sentence
> remove the repeated words of a sentence, keeping the first occurrence of each word and the word order, separated by single spaces
> return the sentence with every word that already appeared before removed
def f(text):
    seen = []
    for w in text.split():
        if w not in seen:
            seen.append(w)
    return " ".join(seen)
--
def f(text):
    return " ".join(dict.fromkeys(text.split()))
--
def f(text):
    words = text.split()
    return " ".join(w for i, w in enumerate(words) if w not in words[:i])
== char_in_repeated_string | str, big
> find the character at index n of the infinite string made by repeating s over and over
> return the n-th character (counting from 0) of s + s + s + ...
def f(s, n):
    return s[n % len(s)]
--
def f(s, n):
    while n >= len(s):
        n -= len(s)
    return s[n]
--
def f(s, n):
    times = n // len(s) + 1
    return (s * times)[n]
== twin_primes_upto | pos
> find all pairs of primes (p, p + 2) with p + 2 not greater than n, as a list of tuples in increasing order
> return the twin prime pairs whose larger member is at most n
def f(n):
    def is_prime(k):
        return k > 1 and all(k % d for d in range(2, int(k ** 0.5) + 1))
    return [(p, p + 2) for p in range(2, n - 1) if is_prime(p) and is_prime(p + 2)]
--
def f(n):
    sieve = [False, False] + [True] * (n - 1)
    for i in range(2, n + 1):
        if sieve[i]:
            for j in range(i * i, n + 1, i):
                sieve[j] = False
    result = []
    for p in range(2, n - 1):
        if sieve[p] and sieve[p + 2]:
            result.append((p, p + 2))
    return result
== can_reach_last_index | digits
> check whether the last index of a list can be reached from index 0, where each element gives the maximum number of positions one may jump forward from it
> return True if jumps of at most nums[i] steps from each position i can lead from the first to the last element
def f(nums):
    reach = 0
    for i, x in enumerate(nums):
        if i > reach:
            return False
        reach = max(reach, i + x)
    return True
--
def f(nums):
    ok = [False] * len(nums)
    ok[0] = True
    for i in range(len(nums)):
        if ok[i]:
            for j in range(i + 1, min(i + nums[i], len(nums) - 1) + 1):
                ok[j] = True
    return ok[-1]
== factorial_digit_sum | int
> find the sum of the decimal digits of n factorial
> return the digit sum of n!
import math
def f(n):
    return sum(int(d) for d in str(math.factorial(n)))
--
def f(n):
    fact = 1
    for i in range(2, n + 1):
        fact *= i
    total = 0
    while fact:
        total += fact % 10
        fact //= 10
    return total
== balanced_split_index | ints
> find the smallest index i (1 <= i < len(nums)) that minimises the absolute difference between sum(nums[:i]) and sum(nums[i:]); the list has at least two elements
> return the first split position i (between 1 and len - 1) where the left part nums[:i] and the right part nums[i:] have the closest sums
def f(nums):
    best_i, best = None, None
    for i in range(1, len(nums)):
        diff = abs(sum(nums[:i]) - sum(nums[i:]))
        if best is None or diff < best:
            best_i, best = i, diff
    if best_i is None:
        raise ValueError("too short")
    return best_i
--
def f(nums):
    total = sum(nums)
    return min(range(1, len(nums)), key=lambda i: abs(2 * sum(nums[:i]) - total))
--
def f(nums):
    total, left = sum(nums), 0
    best_i, best = 0, None
    for i in range(1, len(nums)):
        left += nums[i - 1]
        diff = abs(total - 2 * left)
        if best is None or diff < best:
            best_i, best = i, diff
    if best is None:
        raise ValueError("too short")
    return best_i
== distinct_partners_count | pairs
> for a list of pairs (a, b), map each second value b to the number of different first values paired with it; keys in order of first appearance
> build a dictionary from each second element to how many distinct first elements occur with it
def f(pairs):
    groups = {}
    for a, b in pairs:
        groups.setdefault(b, set()).add(a)
    return {b: len(s) for b, s in groups.items()}
--
def f(pairs):
    result = {}
    for b in dict.fromkeys(p[1] for p in pairs):
        result[b] = len({a for a, y in pairs if y == b})
    return result
--
from collections import defaultdict
def f(pairs):
    groups = defaultdict(list)
    for a, b in pairs:
        if a not in groups[b]:
            groups[b].append(a)
    return {b: len(v) for b, v in groups.items()}
== distinct_prime_factors | big
> return the sorted list of the distinct prime numbers that divide n
> find the different prime factors of an integer, in increasing order
def f(n):
    result = []
    p = 2
    while p * p <= n:
        if n % p == 0:
            result.append(p)
            while n % p == 0:
                n //= p
        p += 1
    if n > 1:
        result.append(n)
    return result
--
def f(n):
    factors = set()
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.add(d)
            n //= d
        d += 1
    if n > 1:
        factors.add(n)
    return sorted(factors)
== population_variance | ints
> find the population variance of a list of numbers (mean of the squared deviations from the mean), rounded to 2 decimal places
> return the average squared distance of the values from their mean, rounded to two decimals
def f(nums):
    mean = sum(nums) / len(nums)
    return round(sum((x - mean) ** 2 for x in nums) / len(nums), 2)
--
import statistics
def f(nums):
    return round(float(statistics.pvariance(nums)), 2)
== sum_subarray_maxima | ints
> find the sum of the maximum elements of all contiguous sublists of a list
> add up max(nums[i:j]) over every non-empty slice of consecutive elements
def f(nums):
    total = 0
    for i in range(len(nums)):
        best = nums[i]
        for j in range(i, len(nums)):
            best = max(best, nums[j])
            total += best
    return total
--
def f(nums):
    n = len(nums)
    return sum(max(nums[i:j]) for i in range(n) for j in range(i + 1, n + 1))
== geometric_sum_int | small, small
> find the sum 1 + k + k**2 + ... + k**(n-1) of the first n powers of k
> return the total of the geometric series with ratio k and n terms starting at 1
def f(k, n):
    return sum(k ** i for i in range(n))
--
def f(k, n):
    total, term = 0, 1
    for _ in range(n):
        total += term
        term *= k
    return total
--
def f(k, n):
    return n if k == 1 else (k ** n - 1) // (k - 1)
== harshad_numbers_upto | pos
> list the numbers from 1 to n that are divisible by the sum of their digits
> return, in increasing order, every integer between 1 and n that is a multiple of its digit sum
def f(n):
    return [x for x in range(1, n + 1) if x % sum(int(d) for d in str(x)) == 0]
--
def f(n):
    result = []
    for x in range(1, n + 1):
        s, y = 0, x
        while y:
            s += y % 10
            y //= 10
        if x % s == 0:
            result.append(x)
    return result
== common_subsequence_length | str, str2
> find the length of the longest common subsequence of two strings (characters in order, not necessarily adjacent)
> return the size of the longest sequence of characters that appears, in the same order, in both strings
def f(s, t):
    dp = [[0] * (len(t) + 1) for _ in range(len(s) + 1)]
    for i in range(1, len(s) + 1):
        for j in range(1, len(t) + 1):
            if s[i - 1] == t[j - 1]:
                dp[i][j] = dp[i - 1][j - 1] + 1
            else:
                dp[i][j] = max(dp[i - 1][j], dp[i][j - 1])
    return dp[-1][-1]
--
from functools import lru_cache
def f(s, t):
    @lru_cache(maxsize=None)
    def lcs(i, j):
        if i == len(s) or j == len(t):
            return 0
        if s[i] == t[j]:
            return 1 + lcs(i + 1, j + 1)
        return max(lcs(i + 1, j), lcs(i, j + 1))
    return lcs(0, 0)
== max_gap_sorted | ints
> find the largest difference between two neighbouring values after sorting a list (0 for a single element)
> sort the numbers and return the biggest gap between consecutive ones, or 0 when the list has one element
def f(nums):
    s = sorted(nums)
    return max((b - a for a, b in zip(s, s[1:])), default=0)
--
def f(nums):
    s = sorted(nums)
    best = 0
    for i in range(1, len(s)):
        best = max(best, s[i] - s[i - 1])
    return best
'''
