"""The exercise templates of :mod:`hrm_codegen.data.exercises`, in a compact text format.

Each template starts with ``== key | kind, ...`` (the input kind of each parameter, see
``exercises.KINDS``), then description paraphrases (``> ...``, without MBPP's "Write a function to"
prefix), then one or more reference solutions separated by ``--`` lines. Solutions use canonical
names (``f`` and its parameters); the generator renames them. Written from Python's builtins and
standard library and from the shapes of MBPP *train* tasks only.
"""

TEMPLATES_TEXT = r'''
== sum_squares | ints
> find the sum of the squares of the numbers in a list
> calculate the sum of squares of all elements of the given list
def f(nums):
    return sum(x * x for x in nums)
--
def f(nums):
    total = 0
    for x in nums:
        total += x ** 2
    return total
== product_list | ints
> multiply all the numbers in a list
> find the product of all elements of the given list
def f(nums):
    result = 1
    for x in nums:
        result *= x
    return result
--
import math
def f(nums):
    return math.prod(nums)
--
from functools import reduce
def f(nums):
    return reduce(lambda a, b: a * b, nums, 1)
== count_even | ints
> count the even numbers in a list
> find how many elements of the given list are even
def f(nums):
    return sum(1 for x in nums if x % 2 == 0)
--
def f(nums):
    count = 0
    for x in nums:
        if x % 2 == 0:
            count += 1
    return count
--
def f(nums):
    return len(list(filter(lambda x: x % 2 == 0, nums)))
== count_negative | ints
> count the negative numbers in a given list
> find the number of elements below zero in a list
def f(nums):
    return len([x for x in nums if x < 0])
--
def f(nums):
    n = 0
    for x in nums:
        if x < 0:
            n += 1
    return n
== even_numbers | ints
> find the even numbers in a list
> return a list of the even elements of the given list, in order
def f(nums):
    return [x for x in nums if x % 2 == 0]
--
def f(nums):
    return list(filter(lambda x: x % 2 == 0, nums))
--
def f(nums):
    out = []
    for x in nums:
        if x % 2 == 0:
            out.append(x)
    return out
== odd_numbers | ints
> extract the odd numbers from a list
> return the odd elements of a given list of integers
def f(nums):
    return [x for x in nums if x % 2 != 0]
--
def f(nums):
    return list(filter(lambda x: x % 2 == 1, nums))
== square_each | ints
> square every element of a list
> find the squares of the individual elements in a list
def f(nums):
    return [x * x for x in nums]
--
def f(nums):
    return list(map(lambda x: x ** 2, nums))
== power_each | ints, small
> raise every element of a list to the n-th power
> compute the n-th power of the individual elements of a list
def f(nums, n):
    return [x ** n for x in nums]
--
def f(nums, n):
    return list(map(lambda x: pow(x, n), nums))
== range_spread | ints
> find the difference between the largest and the smallest value in a list
> compute the spread (maximum minus minimum) of a list of numbers
def f(nums):
    return max(nums) - min(nums)
--
def f(nums):
    s = sorted(nums)
    return s[-1] - s[0]
== second_largest | ints
> find the second largest distinct number in a list
> return the second biggest distinct value of the given list
def f(nums):
    return sorted(set(nums))[-2]
--
def f(nums):
    first = max(nums)
    return max(x for x in nums if x != first)
== running_sum | ints
> compute the running totals of a list of numbers
> find the cumulative sum of a given list
from itertools import accumulate
def f(nums):
    return list(accumulate(nums))
--
def f(nums):
    out, total = [], 0
    for x in nums:
        total += x
        out.append(total)
    return out
== consecutive_differences | ints
> find the differences between consecutive elements of a list
> compute the difference of each pair of adjacent numbers in a list
def f(nums):
    return [b - a for a, b in zip(nums, nums[1:])]
--
def f(nums):
    return [nums[i + 1] - nums[i] for i in range(len(nums) - 1)]
== unique_in_order | ints
> remove duplicate numbers from a list while keeping the first occurrences in order
> return the distinct elements of a list in the order they first appear
def f(nums):
    return list(dict.fromkeys(nums))
--
def f(nums):
    seen, out = set(), []
    for x in nums:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out
== most_frequent | ints
> find the item with the highest frequency in a list
> return the most common element of a given list (the first one on ties)
from collections import Counter
def f(nums):
    return Counter(nums).most_common(1)[0][0]
--
def f(nums):
    return max(nums, key=nums.count)
== count_value | ints, signed
> count the occurrences of a given number in a list
> find how many times a value appears in a list
def f(nums, x):
    return nums.count(x)
--
def f(nums, x):
    return sum(1 for v in nums if v == x)
== first_index | ints, signed
> find the index of the first occurrence of a number in a list, or -1 if it is absent
> return the position of a value in a list (-1 when it is not there)
def f(nums, x):
    return nums.index(x) if x in nums else -1
--
def f(nums, x):
    for i, v in enumerate(nums):
        if v == x:
            return i
    return -1
== rotate_right | ints, idx
> rotate a list to the right by k positions
> shift the elements of a list k places to the right, wrapping around
def f(nums, k):
    k %= len(nums)
    return nums[-k:] + nums[:-k]
--
from collections import deque
def f(nums, k):
    d = deque(nums)
    d.rotate(k)
    return list(d)
== rotate_left | ints, idx
> rotate a list to the left by k positions
> move the first k elements of a list to its end
def f(nums, k):
    k %= len(nums)
    return nums[k:] + nums[:k]
--
from collections import deque
def f(nums, k):
    d = deque(nums)
    d.rotate(-k)
    return list(d)
== chunk_list | ints, small
> split a list into chunks of size n
> break a list into consecutive pieces of n elements (the last may be shorter)
def f(nums, n):
    return [nums[i:i + n] for i in range(0, len(nums), n)]
--
def f(nums, n):
    out = []
    for i in range(0, len(nums), n):
        out.append(nums[i:i + n])
    return out
== average | ints
> find the average of a list of numbers, rounded to two decimals
> compute the arithmetic mean of the given list rounded to 2 decimal places
def f(nums):
    return round(sum(nums) / len(nums), 2)
--
import statistics
def f(nums):
    return round(statistics.mean(nums), 2)
== greater_than | ints, signed
> find all the numbers in a list that are greater than a given number
> return the elements of a list larger than x
def f(nums, x):
    return [v for v in nums if v > x]
--
def f(nums, x):
    return list(filter(lambda v: v > x, nums))
== k_largest | ints, small
> find the n largest numbers of a list, largest first
> return the n biggest elements of a list in descending order
import heapq
def f(nums, n):
    return heapq.nlargest(n, nums)
--
def f(nums, n):
    return sorted(nums, reverse=True)[:n]
== k_smallest | ints, small
> find the n smallest numbers of a list in increasing order
> get the n smallest items from a given list
import heapq
def f(nums, n):
    return heapq.nsmallest(n, nums)
--
def f(nums, n):
    return sorted(nums)[:n]
== sort_descending | ints
> sort a list of numbers in descending order
> return the given list sorted from largest to smallest
def f(nums):
    return sorted(nums, reverse=True)
--
def f(nums):
    out = list(nums)
    out.sort(reverse=True)
    return out
== is_sorted | ints
> check whether a list is sorted in non-decreasing order
> check if the elements of the given list are in ascending order
def f(nums):
    return all(a <= b for a, b in zip(nums, nums[1:]))
--
def f(nums):
    return nums == sorted(nums)
== all_positive | ints
> check whether all the numbers in a list are positive
> check if every element of the given list is greater than zero
def f(nums):
    return all(x > 0 for x in nums)
--
def f(nums):
    for x in nums:
        if x <= 0:
            return False
    return True
== swap_ends | ints
> interchange the first and the last element of a list
> swap the first and last items of the given list
def f(nums):
    out = list(nums)
    out[0], out[-1] = out[-1], out[0]
    return out
--
def f(nums):
    if len(nums) < 2:
        return list(nums)
    return [nums[-1]] + nums[1:-1] + [nums[0]]
== sum_even_index | ints
> find the sum of the elements at even indices of a list
> add up the numbers at the even positions (0, 2, 4, ...) of a list
def f(nums):
    return sum(nums[::2])
--
def f(nums):
    total = 0
    for i in range(0, len(nums), 2):
        total += nums[i]
    return total
== add_lists | ints, ints2
> add two lists element-wise
> find the sum of the corresponding elements of two lists
def f(nums, other):
    return [a + b for a, b in zip(nums, other)]
--
def f(nums, other):
    return list(map(lambda a, b: a + b, nums, other))
== common_elements | ints, ints2
> find the common elements of two lists, in increasing order
> return the sorted list of values that appear in both given lists
def f(nums, other):
    return sorted(set(nums) & set(other))
--
def f(nums, other):
    return sorted(set(x for x in nums if x in other))
== list_difference | ints, ints2
> find the elements of the first list that are not in the second list
> remove from a list every element that occurs in another list
def f(nums, other):
    return [x for x in nums if x not in other]
--
def f(nums, other):
    drop = set(other)
    return list(filter(lambda x: x not in drop, nums))
== merge_sorted | sorted, sorted
> merge two sorted lists into one sorted list
> combine two given sorted lists into a single sorted list
import heapq
def f(a, b):
    return list(heapq.merge(a, b))
--
def f(a, b):
    i = j = 0
    out = []
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    return out + a[i:] + b[j:]
== insertion_point | sorted, int
> find the left insertion point for a value in a sorted list
> locate the index where a number should be inserted to keep a sorted list sorted
import bisect
def f(arr, x):
    return bisect.bisect_left(arr, x)
--
def f(arr, x):
    lo, hi = 0, len(arr)
    while lo < hi:
        mid = (lo + hi) // 2
        if arr[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo
== count_in_range | ints, signed, signed2
> count the elements of a list that lie between two values, inclusive
> find how many numbers of a list are within the range lo to hi
def f(nums, lo, hi):
    return sum(1 for x in nums if lo <= x <= hi)
--
def f(nums, lo, hi):
    return len([x for x in nums if x >= lo and x <= hi])
== max_subarray_sum | ints
> find the largest sum of a contiguous sublist of a list
> compute the maximum sum of any non-empty run of consecutive elements
def f(nums):
    best = cur = nums[0]
    for x in nums[1:]:
        cur = max(x, cur + x)
        best = max(best, cur)
    return best
== flatten | matrix
> flatten a list of lists into a single list
> concatenate all the sublists of a nested list
def f(matrix):
    return [x for row in matrix for x in row]
--
from itertools import chain
def f(matrix):
    return list(chain.from_iterable(matrix))
--
def f(matrix):
    out = []
    for row in matrix:
        out.extend(row)
    return out
== transpose | square
> transpose a square matrix
> swap the rows and the columns of a given matrix
def f(matrix):
    return [list(col) for col in zip(*matrix)]
--
def f(matrix):
    n = len(matrix)
    return [[matrix[i][j] for i in range(n)] for j in range(n)]
== row_maxima | matrix
> find the maximum of each row of a list of lists
> return the largest element of every sublist
def f(matrix):
    return [max(row) for row in matrix]
--
def f(matrix):
    return list(map(max, matrix))
== column_sum | square, idx
> sum a specific column of a list of lists
> find the sum of the k-th column of a matrix
def f(matrix, k):
    return sum(row[k] for row in matrix)
== diagonal_sum | square
> find the sum of the main diagonal of a square matrix
> add up the elements on the diagonal of a matrix
def f(matrix):
    return sum(matrix[i][i] for i in range(len(matrix)))
== digits_to_int | digits
> convert a list of digits into a single integer
> join the digits of a list into one number
def f(digits):
    return int("".join(map(str, digits)))
--
def f(digits):
    n = 0
    for d in digits:
        n = n * 10 + d
    return n
== zip_to_dict | words, ints
> build a dictionary from a list of keys and a list of values
> combine two lists into a dictionary mapping each key to its value
def f(keys, values):
    return dict(zip(keys, values))
--
def f(keys, values):
    out = {}
    for k, v in zip(keys, values):
        out[k] = v
    return out
== first_even | ints
> find the first even number in a list, or -1 if there is none
> return the first even element of a given list (-1 when absent)
def f(nums):
    return next((x for x in nums if x % 2 == 0), -1)
--
def f(nums):
    for x in nums:
        if x % 2 == 0:
            return x
    return -1
== index_of_max | ints
> find the index of the largest element of a list
> return the position of the maximum value of a list (first one on ties)
def f(nums):
    return nums.index(max(nums))
--
def f(nums):
    best = 0
    for i in range(1, len(nums)):
        if nums[i] > nums[best]:
            best = i
    return best
== sum_positive | ints
> find the sum of the positive numbers of a list
> add up only the elements greater than zero in a list
def f(nums):
    return sum(x for x in nums if x > 0)
--
def f(nums):
    return sum(filter(lambda x: x > 0, nums))
== interleave | ints, ints2
> interleave two lists of the same length
> alternate the elements of two lists, starting with the first list
def f(a, b):
    return [x for pair in zip(a, b) for x in pair]
--
def f(a, b):
    out = []
    for x, y in zip(a, b):
        out += [x, y]
    return out
== zeros_to_end | nats
> move all the zeros of a list to its end, keeping the order of the other numbers
> shift every zero in the given list to the end
def f(nums):
    return [x for x in nums if x != 0] + [0] * nums.count(0)
--
def f(nums):
    rest = [x for x in nums if x]
    return rest + [0] * (len(nums) - len(rest))
== count_distinct | ints
> count the distinct values in a list
> find the number of unique elements of a given list
def f(nums):
    return len(set(nums))
== frequencies | ints
> count the frequency of each element of a list as a dictionary
> return a dictionary with the number of occurrences of each value in a list
from collections import Counter
def f(nums):
    return dict(Counter(nums))
--
def f(nums):
    counts = {}
    for x in nums:
        counts[x] = counts.get(x, 0) + 1
    return counts
== first_of_pairs | pairs
> get the first element of each tuple in a list of tuples
> extract the first items of a list of pairs
def f(pairs):
    return [p[0] for p in pairs]
--
def f(pairs):
    return list(map(lambda p: p[0], pairs))
== sort_by_second | pairs
> sort a list of tuples by their second element
> order the given list of pairs by the second item of each pair
def f(pairs):
    return sorted(pairs, key=lambda p: p[1])
--
from operator import itemgetter
def f(pairs):
    return sorted(pairs, key=itemgetter(1))
== max_pair_total | pairs
> find the largest sum of the two elements of any tuple in a list of pairs
> return the maximum of the pair sums of a list of tuples
def f(pairs):
    return max(a + b for a, b in pairs)
--
def f(pairs):
    return max(map(sum, pairs))
== records_to_dict | named
> convert a list of (name, score) tuples into a dictionary
> build a dictionary from a list of key-value pairs
def f(records):
    return dict(records)
--
def f(records):
    return {k: v for k, v in records}
== top_scorer | named
> find the name with the highest score in a list of (name, score) tuples
> return the first element of the tuple with the largest second element
def f(records):
    return max(records, key=lambda r: r[1])[0]
'''
