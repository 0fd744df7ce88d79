"""Exercise templates on lists, tuples, dicts and sets, continued from :mod:`hrm_codegen.data.exercise_templates_seq`
(same format and sources; split only to keep each module under 600 lines)."""

TEMPLATES_TEXT = r'''
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
