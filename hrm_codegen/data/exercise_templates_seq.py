"""More exercise templates of :mod:`hrm_codegen.data.exercises`: lists, tuples, dicts and sets.

Same compact text format as :mod:`hrm_codegen.data.exercise_templates` (``== key | kind, ...``,
``> description`` lines, solutions separated by ``--``). These exercise sequences, mappings and the
standard modules ``collections``, ``itertools``, ``heapq``, ``bisect``, ``functools`` and
``operator``; written from the Python language and standard library documentation only.
"""

TEMPLATES_TEXT = r'''
== subtract_lists | ints, ints2
> subtract the elements of the second list from the corresponding elements of the first list
> find the element-wise difference of two lists, stopping at the shorter one
def f(nums, other):
    return [a - b for a, b in zip(nums, other)]
--
def f(nums, other):
    result = []
    for i in range(min(len(nums), len(other))):
        result.append(nums[i] - other[i])
    return result
--
import operator
def f(nums, other):
    return list(map(operator.sub, nums, other))
== elementwise_max | ints, ints2
> find the larger of each pair of corresponding elements of two lists
> build a list holding the maximum of the elements at each position of two lists
def f(nums, other):
    return [max(a, b) for a, b in zip(nums, other)]
--
def f(nums, other):
    return list(map(max, nums, other))
--
def f(nums, other):
    result = []
    for a, b in zip(nums, other):
        if a > b:
            result.append(a)
        else:
            result.append(b)
    return result
== dot_product | ints, ints2
> find the dot product of two lists of numbers
> compute the sum of the products of the corresponding elements of two lists
def f(nums, other):
    return sum(a * b for a, b in zip(nums, other))
--
def f(nums, other):
    total = 0
    for a, b in zip(nums, other):
        total += a * b
    return total
--
import operator
def f(nums, other):
    return sum(map(operator.mul, nums, other))
== symmetric_difference | ints, ints2
> find the values that occur in exactly one of two lists, sorted and without repeats
> return the sorted symmetric difference of two lists
def f(nums, other):
    return sorted(set(nums) ^ set(other))
--
def f(nums, other):
    return sorted(set(nums).symmetric_difference(other))
--
def f(nums, other):
    result = set()
    for x in nums:
        if x not in other:
            result.add(x)
    for x in other:
        if x not in nums:
            result.add(x)
    return sorted(result)
== union_sorted | ints, ints2
> find the union of two lists as a sorted list without duplicates
> combine two lists into one sorted list of their distinct values
def f(nums, other):
    return sorted(set(nums) | set(other))
--
def f(nums, other):
    return sorted(set(nums).union(other))
--
def f(nums, other):
    result = []
    for x in nums + other:
        if x not in result:
            result.append(x)
    result.sort()
    return result
== is_subset | digits, digits
> check whether every element of the second list also occurs in the first list
> check whether the values of one list are a subset of the values of another list
def f(nums, other):
    return set(other) <= set(nums)
--
def f(nums, other):
    return all(x in nums for x in other)
--
def f(nums, other):
    return set(other).issubset(nums)
== has_duplicates | digits
> check whether a list contains any repeated value
> check whether some element occurs more than once in the given list
def f(nums):
    return len(set(nums)) != len(nums)
--
def f(nums):
    seen = set()
    for x in nums:
        if x in seen:
            return True
        seen.add(x)
    return False
--
from collections import Counter
def f(nums):
    return any(c > 1 for c in Counter(nums).values())
== strictly_increasing | sorted
> check whether each element of a list is strictly greater than the one before it
> check whether a list is strictly increasing
def f(nums):
    return all(a < b for a, b in zip(nums, nums[1:]))
--
def f(nums):
    for i in range(1, len(nums)):
        if nums[i] <= nums[i - 1]:
            return False
    return True
--
from itertools import pairwise
def f(nums):
    return all(a < b for a, b in pairwise(nums))
== count_greater_sorted | sorted, int
> count the elements of a sorted list that are greater than a given value
> find how many numbers in a sorted list exceed x
from bisect import bisect_right
def f(arr, x):
    return len(arr) - bisect_right(arr, x)
--
def f(arr, x):
    return sum(1 for v in arr if v > x)
--
def f(arr, x):
    count = 0
    for v in arr:
        if v > x:
            count += 1
    return count
== pairwise_sums | ints
> find the sums of every two adjacent elements of a list
> add each element of a list to the element that follows it
def f(nums):
    return [a + b for a, b in zip(nums, nums[1:])]
--
from itertools import pairwise
def f(nums):
    return [a + b for a, b in pairwise(nums)]
--
def f(nums):
    result = []
    for i in range(len(nums) - 1):
        result.append(nums[i] + nums[i + 1])
    return result
== running_product | digits
> compute the cumulative products of a list of numbers
> find the running product of the elements of a list
from itertools import accumulate
import operator
def f(nums):
    return list(accumulate(nums, operator.mul))
--
def f(nums):
    result = []
    product = 1
    for x in nums:
        product *= x
        result.append(product)
    return result
== running_max | ints
> find the largest value seen so far at each position of a list
> compute the running maximum of a list of numbers
from itertools import accumulate
def f(nums):
    return list(accumulate(nums, max))
--
def f(nums):
    result = []
    best = nums[0]
    for x in nums:
        best = max(best, x)
        result.append(best)
    return result
--
def f(nums):
    return [max(nums[:i + 1]) for i in range(len(nums))]
== count_pairs_sum | digits, small
> count the pairs of elements of a list (at different positions) whose sum equals k
> find how many pairs of list elements add up to a given number
from itertools import combinations
def f(nums, k):
    return sum(1 for a, b in combinations(nums, 2) if a + b == k)
--
def f(nums, k):
    count = 0
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == k:
                count += 1
    return count
== letter_pairs | short, short
> build every two-letter string whose first letter comes from the first string and second letter from the second
> find all the combinations of one character of each of two strings, as strings, in order
from itertools import product
def f(s, t):
    return [a + b for a, b in product(s, t)]
--
def f(s, t):
    return [a + b for a in s for b in t]
--
def f(s, t):
    result = []
    for a in s:
        for b in t:
            result.append(a + b)
    return result
== split_even_odd | ints
> split a list into a list of its even numbers and a list of its odd numbers, returned as a tuple
> separate the even and the odd elements of a list, keeping their order
def f(nums):
    return [x for x in nums if x % 2 == 0], [x for x in nums if x % 2 == 1]
--
def f(nums):
    evens, odds = [], []
    for x in nums:
        if x % 2 == 0:
            evens.append(x)
        else:
            odds.append(x)
    return evens, odds
== group_by_length | words
> group a list of words by their length into a dictionary of lists
> build a dictionary mapping each word length to the words of that length, in order
from collections import defaultdict
def f(words):
    groups = defaultdict(list)
    for w in words:
        groups[len(w)].append(w)
    return dict(groups)
--
def f(words):
    groups = {}
    for w in words:
        groups.setdefault(len(w), []).append(w)
    return groups
--
def f(words):
    groups = {}
    for w in words:
        if len(w) not in groups:
            groups[len(w)] = []
        groups[len(w)].append(w)
    return groups
== sum_by_name | named
> add up the scores of each name in a list of (name, score) tuples into a dictionary
> total the values of each key over a list of key-value pairs
from collections import defaultdict
def f(records):
    totals = defaultdict(int)
    for name, score in records:
        totals[name] += score
    return dict(totals)
--
def f(records):
    totals = {}
    for name, score in records:
        totals[name] = totals.get(name, 0) + score
    return totals
== top_k_chars | str, small
> find the k most common characters of a string with their counts, most common first
> return the n most frequent characters of a string as (character, count) pairs
from collections import Counter
def f(s, k):
    return Counter(s).most_common(k)
--
def f(s, k):
    counts = {}
    for ch in s:
        counts[ch] = counts.get(ch, 0) + 1
    return sorted(counts.items(), key=lambda kv: kv[1], reverse=True)[:k]
== keys_by_value | dict
> sort the keys of a dictionary by their values in increasing order
> list the keys of a dictionary ordered from the smallest value to the largest
def f(d):
    return sorted(d, key=d.get)
--
from operator import itemgetter
def f(d):
    return [k for k, v in sorted(d.items(), key=itemgetter(1))]
--
def f(d):
    return sorted(d, key=lambda k: d[k])
== common_keys | dict, dict2
> find the keys that two dictionaries have in common, as a sorted list
> return the sorted list of keys present in both dictionaries
def f(d, d2):
    return sorted(d.keys() & d2.keys())
--
def f(d, d2):
    return sorted(k for k in d if k in d2)
--
def f(d, d2):
    result = []
    for k in d:
        if k in d2:
            result.append(k)
    return sorted(result)
== dict_difference | dict, dict2
> keep the entries of the first dictionary whose keys are not in the second dictionary
> remove from a dictionary every key that also appears in another dictionary
def f(d, d2):
    return {k: v for k, v in d.items() if k not in d2}
--
def f(d, d2):
    result = {}
    for k, v in d.items():
        if k not in d2:
            result[k] = v
    return result
== pick_column | matrix, idx
> get the element at index k of every row of a list of lists, skipping rows that are too short
> extract the k-th item of each inner list that has one
def f(rows, k):
    return [row[k] for row in rows if len(row) > k]
--
def f(rows, k):
    result = []
    for row in rows:
        if k < len(row):
            result.append(row[k])
    return result
== pair_abs_differences | pairs
> find the absolute difference of the two elements of each tuple in a list of pairs
> compute how far apart the two numbers of every pair are
def f(pairs):
    return [abs(a - b) for a, b in pairs]
--
def f(pairs):
    result = []
    for a, b in pairs:
        result.append(abs(a - b))
    return result
--
def f(pairs):
    return list(map(lambda p: abs(p[0] - p[1]), pairs))
== sum_of_pair_products | pairs
> multiply the two numbers of each pair and add up the products
> find the sum of the products of the elements of each tuple in a list of pairs
def f(pairs):
    return sum(a * b for a, b in pairs)
--
def f(pairs):
    total = 0
    for a, b in pairs:
        total += a * b
    return total
--
from itertools import starmap
import operator
def f(pairs):
    return sum(starmap(operator.mul, pairs))
== min_by_second | pairs
> find the tuple with the smallest second element in a list of pairs (the first one on ties)
> return the pair whose second value is the lowest
def f(pairs):
    return min(pairs, key=lambda p: p[1])
--
from operator import itemgetter
def f(pairs):
    return min(pairs, key=itemgetter(1))
--
def f(pairs):
    best = pairs[0]
    for p in pairs:
        if p[1] < best[1]:
            best = p
    return best
== sort_pairs_by_sum | pairs
> sort a list of pairs by the sum of their two elements
> order a list of tuples from the smallest total to the largest, keeping ties in order
def f(pairs):
    return sorted(pairs, key=sum)
--
def f(pairs):
    return sorted(pairs, key=lambda p: p[0] + p[1])
'''
