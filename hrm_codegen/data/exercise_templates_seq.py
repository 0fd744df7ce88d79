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
== swap_pairs | pairs
> swap the two elements of every tuple in a list of pairs
> reverse each pair of a list of two-element tuples
def f(pairs):
    return [(b, a) for a, b in pairs]
--
def f(pairs):
    return [p[::-1] for p in pairs]
--
def f(pairs):
    result = []
    for a, b in pairs:
        result.append((b, a))
    return result
== group_pairs_by_first | pairs
> group the second elements of a list of pairs by their first element into a dictionary of lists
> build a dictionary mapping each first value of the pairs to the list of its second values
from collections import defaultdict
def f(pairs):
    groups = defaultdict(list)
    for a, b in pairs:
        groups[a].append(b)
    return dict(groups)
--
def f(pairs):
    groups = {}
    for a, b in pairs:
        groups.setdefault(a, []).append(b)
    return groups
== top_names | named, small
> find the names of the n highest scores in a list of (name, score) tuples, best first
> return the names of the top n records by score
import heapq
from operator import itemgetter
def f(records, n):
    return [name for name, _ in heapq.nlargest(n, records, key=itemgetter(1))]
--
def f(records, n):
    ranked = sorted(records, key=lambda r: r[1], reverse=True)
    return [r[0] for r in ranked[:n]]
== passing_names | named
> find the names whose score is at least 50 in a list of (name, score) tuples
> list, in order, the names of the records with a score of 50 or more
def f(records):
    return [name for name, score in records if score >= 50]
--
def f(records):
    result = []
    for name, score in records:
        if score >= 50:
            result.append(name)
    return result
== average_score | named
> find the average score of a list of (name, score) tuples, rounded to two decimals
> compute the mean of the second elements of a list of records, rounded to 2 places
def f(records):
    return round(sum(score for _, score in records) / len(records), 2)
--
def f(records):
    total = 0
    for _, score in records:
        total += score
    return round(total / len(records), 2)
== tuple_every_other | tup
> get every second element of a tuple, starting with the first
> return a tuple of the elements at even positions of the given tuple
def f(tup):
    return tup[::2]
--
def f(tup):
    return tuple(x for i, x in enumerate(tup) if i % 2 == 0)
--
def f(tup):
    result = []
    for i in range(0, len(tup), 2):
        result.append(tup[i])
    return tuple(result)
== tuple_min_max | tup
> find the smallest and the largest element of a tuple, returned as a pair
> return a tuple of the minimum and maximum values of a tuple
def f(tup):
    return min(tup), max(tup)
--
def f(tup):
    s = sorted(tup)
    return s[0], s[-1]
--
def f(tup):
    lo = hi = tup[0]
    for x in tup:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return lo, hi
== remove_at | ints, idx
> remove the element at index k of a list, returning the list unchanged when k is out of range
> return a copy of a list without the item at a given position
def f(nums, k):
    return nums[:k] + nums[k + 1:]
--
def f(nums, k):
    return [x for i, x in enumerate(nums) if i != k]
--
def f(nums, k):
    result = list(nums)
    if k < len(result):
        result.pop(k)
    return result
== insert_before_each | ints, signed
> insert a given value before every element of a list
> put the value x in front of each item of a list
def f(nums, x):
    result = []
    for v in nums:
        result.append(x)
        result.append(v)
    return result
--
def f(nums, x):
    return [y for v in nums for y in (x, v)]
--
from itertools import chain
def f(nums, x):
    return list(chain.from_iterable((x, v) for v in nums))
== row_sums | matrix
> find the sum of each row of a list of lists
> add up the numbers of every inner list of a nested list
def f(rows):
    return [sum(row) for row in rows]
--
def f(rows):
    return list(map(sum, rows))
--
def f(rows):
    result = []
    for row in rows:
        total = 0
        for x in row:
            total += x
        result.append(total)
    return result
== column_maxima | square
> find the largest value of each column of a square matrix
> return the maximum of every column of a matrix given as a list of rows
def f(matrix):
    return [max(col) for col in zip(*matrix)]
--
def f(matrix):
    return list(map(max, zip(*matrix)))
--
def f(matrix):
    result = []
    for j in range(len(matrix[0])):
        result.append(max(row[j] for row in matrix))
    return result
== sort_rows_by_sum | matrix
> sort the rows of a list of lists by the sum of their elements
> order the inner lists of a nested list from the smallest total to the largest
def f(rows):
    return sorted(rows, key=sum)
--
def f(rows):
    return sorted(rows, key=lambda row: sum(row))
== matrix_max | matrix
> find the largest element of a list of lists
> return the maximum value in a nested list of numbers
def f(rows):
    return max(max(row) for row in rows)
--
from itertools import chain
def f(rows):
    return max(chain.from_iterable(rows))
--
def f(rows):
    best = rows[0][0]
    for row in rows:
        for x in row:
            if x > best:
                best = x
    return best
== scale_matrix | square, small
> multiply every element of a matrix by a number k
> scale a square matrix by a given factor
def f(matrix, k):
    return [[x * k for x in row] for row in matrix]
--
def f(matrix, k):
    result = []
    for row in matrix:
        result.append([x * k for x in row])
    return result
== max_frequency | digits
> find how many times the most frequent value of a list occurs
> return the highest number of occurrences of any element of a list
from collections import Counter
def f(nums):
    return max(Counter(nums).values())
--
def f(nums):
    return max(nums.count(x) for x in nums)
--
def f(nums):
    counts = {}
    for x in nums:
        counts[x] = counts.get(x, 0) + 1
    return max(counts.values())
== elements_once | digits
> find the values that occur exactly once in a list, in increasing order
> return the sorted list of the non-repeated elements of a list
from collections import Counter
def f(nums):
    return sorted(x for x, c in Counter(nums).items() if c == 1)
--
def f(nums):
    return sorted(x for x in nums if nums.count(x) == 1)
== repeated_elements | digits
> find the values that occur more than once in a list, sorted and without repeats
> return the sorted list of the duplicated elements of a list
from collections import Counter
def f(nums):
    return sorted(x for x, c in Counter(nums).items() if c > 1)
--
def f(nums):
    return sorted({x for x in nums if nums.count(x) > 1})
--
def f(nums):
    seen, dups = set(), set()
    for x in nums:
        if x in seen:
            dups.add(x)
        seen.add(x)
    return sorted(dups)
== distinct_pair_sums | digits
> find all the distinct sums of two elements at different positions of a list, sorted
> return the sorted list of the different totals of every pair of list elements
from itertools import combinations
def f(nums):
    return sorted({a + b for a, b in combinations(nums, 2)})
--
def f(nums):
    sums = set()
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            sums.add(nums[i] + nums[j])
    return sorted(sums)
== longest_increasing_run | ints
> find the length of the longest strictly increasing run of consecutive elements of a list
> return the size of the longest contiguous stretch of a list where each element is bigger than the previous one
def f(nums):
    best = current = 1
    for i in range(1, len(nums)):
        if nums[i] > nums[i - 1]:
            current += 1
        else:
            current = 1
        best = max(best, current)
    return best
--
def f(nums):
    best = current = 1
    for a, b in zip(nums, nums[1:]):
        current = current + 1 if b > a else 1
        if current > best:
            best = current
    return best
== longest_row | matrix
> find the longest inner list of a list of lists (the first one on ties)
> return the row with the most elements in a nested list
def f(rows):
    return max(rows, key=len)
--
def f(rows):
    best = rows[0]
    for row in rows:
        if len(row) > len(best):
            best = row
    return best
== squares_dict | small
> build a dictionary mapping each number from 1 to n to its square
> create a dictionary of the squares of the numbers 1 to n
def f(n):
    return {i: i * i for i in range(1, n + 1)}
--
def f(n):
    result = {}
    for i in range(1, n + 1):
        result[i] = i ** 2
    return result
--
def f(n):
    nums = range(1, n + 1)
    return dict(zip(nums, (i * i for i in nums)))
== increment_values | dict, small
> add n to every value of a dictionary
> return a new dictionary with each value increased by a given number
def f(d, n):
    return {key: value + n for key, value in d.items()}
--
def f(d, n):
    result = {}
    for key in d:
        result[key] = d[key] + n
    return result
== value_positions | digits
> map each value of a list to the list of positions where it occurs
> build a dictionary from every distinct element of a list to its indices, in order of first appearance
from collections import defaultdict
def f(nums):
    positions = defaultdict(list)
    for i, x in enumerate(nums):
        positions[x].append(i)
    return dict(positions)
--
def f(nums):
    positions = {}
    for i, x in enumerate(nums):
        positions.setdefault(x, []).append(i)
    return positions
--
def f(nums):
    positions = {}
    for i, x in enumerate(nums):
        if x not in positions:
            positions[x] = []
        positions[x].append(i)
    return positions
== chunk_sums | ints, small
> split a list into consecutive chunks of size n and find the sum of each chunk
> add up every group of n consecutive elements of a list, the last group possibly shorter
def f(nums, n):
    return [sum(nums[i:i + n]) for i in range(0, len(nums), n)]
--
def f(nums, n):
    result = []
    for i in range(0, len(nums), n):
        result.append(sum(nums[i:i + n]))
    return result
== max_window_sum | ints, small
> find the largest sum of k consecutive elements of a list
> return the maximum total of any window of k adjacent list items
def f(nums, k):
    return max(sum(nums[i:i + k]) for i in range(len(nums) - k + 1))
--
def f(nums, k):
    sums = []
    for i in range(len(nums) - k + 1):
        sums.append(sum(nums[i:i + k]))
    return max(sums)
== leading_positives | ints
> take the elements from the start of a list as long as they are positive
> return the longest prefix of a list whose elements are all greater than zero
from itertools import takewhile
def f(nums):
    return list(takewhile(lambda x: x > 0, nums))
--
def f(nums):
    result = []
    for x in nums:
        if x <= 0:
            break
        result.append(x)
    return result
'''
