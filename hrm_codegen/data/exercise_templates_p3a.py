"""Exercise templates modelled on the *shapes* of MBPP **train** tasks 601-787 (third pass, part a).

Same compact format and input kinds as :mod:`hrm_codegen.data.exercise_templates` (see
:mod:`hrm_codegen.data.exercises`). Each template is a short, textbook-style *new* program of a train
task's shape (the operation on another data type, another aggregation or predicate, the inverse, or a
combination) for kinds of operation the earlier modules lack; none copies a train solution. Written
from the Python documentation and train task shapes only; no MBPP test or validation task was read.
Solutions are deterministic and return small non-None values (sorted lists, never sets of strings).
"""

# Template key: MBPP train task id(s) whose shape it follows
#   first_repeated_word: 602   radians_to_degrees: 606   substring_span: 607   bell_number: 608
#   matrix_total: 614   column_averages: 615   divide_lists: 618,682   largest_divisible_subset_size: 620
#   median_of_two_sorted: 622   sum_pair_products: 633   sum_squares_first_evens: 634,770
#   profit_or_loss: 637   total_length_long_words: 639   octagonal_number: 641
#   product_of_second_elements: 645   sum_index_range: 649   sum_of_powers_upto: 655,634
#   min_abs_diff_sum: 656   last_digit_of_power: 657,724   sort_each_row: 662   average_odd_upto: 664
#   count_chars_in_set: 667   strictly_decreasing: 670   value_at_index: 679   count_primes_upto: 685
#   adjacent_products: 690,726   distinct_dict_values: 694   concat_rows_pairwise: 696
#   sort_pairs_by_product: 698   sort_rows_by_length: 705   total_digits_upto: 707   all_nonzero: 713
#   sample_std_dev: 717   right_insertion_point: 786,736   fib_index_with_digits: 739
#   all_same_chars: 741   all_elements_equal: 760   sort_lexicographic: 749   is_max_heap: 751
#   pell_number: 752   month_name: 762   sum_of_repeated_values: 777   count_ab_runs: 719,787
#   count_distinct_rows: 758,779   max_disjoint_intervals: 601   min_removals_range: 702
#   toggle_kth_bit: 735   smallest_prime_factor: 681   rgb_to_hex: 783

TEMPLATES_TEXT = r'''
== first_repeated_word | sentence
> find the first word of a sentence that has already appeared earlier in it, or an empty string if no word repeats
> return the first repeated word in a given string
def f(text):
    seen = set()
    for w in text.split():
        if w in seen:
            return w
        seen.add(w)
    return ""
--
def f(text):
    words = text.split()
    for i, w in enumerate(words):
        if w in words[:i]:
            return w
    return ""
== radians_to_degrees | int
> convert an angle from radians to degrees, rounded to 2 decimal places
> change radians into degrees and round the result to two decimals
import math
def f(x):
    return round(math.degrees(x), 2)
--
import math
def f(x):
    return round(x * 180 / math.pi, 2)
== substring_span | str, short
> find the start and end index (end excluded) of the first occurrence of t in s, or (-1, -1) if t does not occur
> locate a substring in a string and return its position as a (start, end) tuple, (-1, -1) when it is absent
def f(s, t):
    i = s.find(t)
    if i == -1:
        return (-1, -1)
    return (i, i + len(t))
--
import re
def f(s, t):
    m = re.search(re.escape(t), s)
    return m.span() if m else (-1, -1)
== bell_number | small
> find the n-th Bell number, the number of ways to partition a set of n elements
> compute the Bell number for a given n
def f(n):
    row = [1]
    for _ in range(n):
        new = [row[-1]]
        for x in row:
            new.append(new[-1] + x)
        row = new
    return row[0]
--
import math
def f(n):
    bell = [1]
    for m in range(n):
        bell.append(sum(math.comb(m, k) * bell[k] for k in range(m + 1)))
    return bell[n]
== matrix_total | matrix
> find the sum of all the numbers in a list of lists
> add up every element of a nested list
def f(matrix):
    return sum(sum(row) for row in matrix)
--
def f(matrix):
    total = 0
    for row in matrix:
        for x in row:
            total += x
    return total
== column_averages | square
> find the average of each column of a square matrix, rounded to 2 decimal places
> return the mean of every column of a matrix, each rounded to two decimals
def f(matrix):
    return [round(sum(col) / len(col), 2) for col in zip(*matrix)]
--
def f(matrix):
    n = len(matrix)
    result = []
    for j in range(n):
        total = sum(matrix[i][j] for i in range(n))
        result.append(round(total / n, 2))
    return result
== divide_lists | ints, pos_ints
> divide the elements of the first list by the elements of the second list at the same positions, rounding each quotient to 2 decimals
> divide two lists element-wise using map and lambda, rounding to two decimal places
def f(nums, list2):
    return list(map(lambda a, b: round(a / b, 2), nums, list2))
--
def f(nums, list2):
    return [round(a / b, 2) for a, b in zip(nums, list2)]
== largest_divisible_subset_size | pos_ints
> find the size of the largest subset of a list in which, for every two elements, one divides the other
> find the length of the longest chain of list elements where each one divides the next
def f(nums):
    a = sorted(nums)
    best = [1] * len(a)
    for i in range(len(a)):
        for j in range(i):
            if a[i] % a[j] == 0:
                best[i] = max(best[i], best[j] + 1)
    return max(best)
== median_of_two_sorted | sorted, sorted
> find the median of the values of two sorted lists taken together
> merge two sorted lists and return the median of the result
def f(arr, other):
    merged = sorted(arr + other)
    n = len(merged)
    if n % 2:
        return merged[n // 2]
    return (merged[n // 2 - 1] + merged[n // 2]) / 2
--
import statistics
def f(arr, other):
    return statistics.median(arr + other)
== sum_pair_products | ints
> find the sum of the products of all pairs of elements of a list (each pair of positions counted once)
> add up a[i] * a[j] for every pair of indices i < j
def f(nums):
    total = 0
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            total += nums[i] * nums[j]
    return total
--
def f(nums):
    return (sum(nums) ** 2 - sum(x * x for x in nums)) // 2
== sum_squares_first_evens | pos
> find the sum of the squares of the first n even natural numbers
> calculate 2**2 + 4**2 + ... + (2n)**2
def f(n):
    return sum((2 * i) ** 2 for i in range(1, n + 1))
--
def f(n):
    return 2 * n * (n + 1) * (2 * n + 1) // 3
== profit_or_loss | side, side2
> given the cost price and the selling price, return 'profit', 'loss' or 'no profit no loss'
> decide whether a sale made a profit, a loss or neither
def f(cost, price):
    if price > cost:
        return "profit"
    if price < cost:
        return "loss"
    return "no profit no loss"
--
def f(cost, price):
    return "profit" if price > cost else "loss" if price < cost else "no profit no loss"
== total_length_long_words | words, small
> find the total number of characters of the words of a list that are longer than k characters
> sum the lengths of the words whose length is greater than k
def f(words, k):
    return sum(len(w) for w in words if len(w) > k)
--
def f(words, k):
    total = 0
    for w in words:
        if len(w) > k:
            total += len(w)
    return total
== octagonal_number | pos
> find the n-th octagonal number
> compute the nth octagonal number n * (3n - 2)
def f(n):
    return n * (3 * n - 2)
--
def f(n):
    total = 0
    for i in range(n):
        total += 6 * i + 1
    return total
== product_of_second_elements | pairs
> find the product of the second elements of all the tuples in a list of pairs
> multiply together the element at index 1 of every tuple in a list
import math
def f(pairs):
    return math.prod(b for _, b in pairs)
--
def f(pairs):
    result = 1
    for p in pairs:
        result *= p[1]
    return result
== sum_index_range | ints, idx, idx
> find the sum of the elements of a list between two indices, both included, given in either order
> add up the numbers of a list from index i to index j inclusive
def f(nums, i, j):
    lo, hi = min(i, j), max(i, j)
    return sum(nums[lo:hi + 1])
--
def f(nums, i, j):
    if i > j:
        i, j = j, i
    total = 0
    for k in range(i, min(j, len(nums) - 1) + 1):
        total += nums[k]
    return total
== sum_of_powers_upto | pos, small
> find the sum of the k-th powers of the first n natural numbers
> compute 1**k + 2**k + ... + n**k
def f(n, k):
    return sum(i ** k for i in range(1, n + 1))
--
def f(n, k):
    total = 0
    for i in range(1, n + 1):
        total += pow(i, k)
    return total
== min_abs_diff_sum | ints, ints2
> pair up the elements of two lists (as many as the shorter list has) so that the sum of the absolute differences of the pairs is as small as possible, and return that sum
> find the minimum sum of absolute differences after sorting both lists and pairing them in order, stopping at the end of the shorter list
def f(nums, other):
    return sum(abs(a - b) for a, b in zip(sorted(nums), sorted(other)))
--
def f(nums, other):
    a, b = sorted(nums), sorted(other)
    total = 0
    for i in range(min(len(a), len(b))):
        total += abs(a[i] - b[i])
    return total
== last_digit_of_power | small, pos
> find the last digit of a raised to the power b
> return the units digit of a ** b
def f(a, b):
    return pow(a, b, 10)
--
def f(a, b):
    return (a ** b) % 10
== sort_each_row | matrix
> sort every inner list of a list of lists in increasing order
> return the list of lists with each row sorted
def f(matrix):
    return [sorted(row) for row in matrix]
--
def f(matrix):
    result = []
    for row in matrix:
        result.append(sorted(row))
    return result
== average_odd_upto | pos
> find the average of the odd numbers from 1 to n, as an integer
> compute the mean of all odd natural numbers not greater than n (it is always a whole number)
def f(n):
    odds = list(range(1, n + 1, 2))
    return sum(odds) // len(odds)
--
def f(n):
    last = n if n % 2 else n - 1
    return (1 + last) // 2
== count_chars_in_set | str, str2
> count the characters of s that also occur in t
> find how many characters of the first string belong to the set of characters of the second string
def f(s, t):
    return sum(1 for c in s if c in t)
--
def f(s, t):
    allowed = set(t)
    count = 0
    for c in s:
        if c in allowed:
            count += 1
    return count
== strictly_decreasing | ints
> check whether a list of numbers has a strictly decreasing trend
> check whether every element of a list is smaller than the one before it
def f(nums):
    return all(a > b for a, b in zip(nums, nums[1:]))
--
def f(nums):
    for i in range(1, len(nums)):
        if nums[i] >= nums[i - 1]:
            return False
    return True
== value_at_index | dict, idx
> get the value stored at position k of a dictionary, counting the entries in insertion order from 0
> access the k-th value of a dictionary by index
def f(d, k):
    return list(d.values())[k]
--
def f(d, k):
    for i, v in enumerate(d.values()):
        if i == k:
            return v
    raise IndexError(k)
== count_primes_upto | pos
> count the prime numbers that are less than or equal to n
> find how many primes lie between 1 and n
def f(n):
    count = 0
    for x in range(2, n + 1):
        if all(x % d for d in range(2, x)):
            count += 1
    return count
--
def f(n):
    sieve = [True] * (n + 1)
    sieve[0] = sieve[1] = False
    for i in range(2, n + 1):
        if sieve[i]:
            for j in range(i * i, n + 1, i):
                sieve[j] = False
    return sum(sieve)
== adjacent_products | ints
> multiply every two neighbouring elements of a list and return the products
> find the products of consecutive pairs of numbers in a list
def f(nums):
    return [a * b for a, b in zip(nums, nums[1:])]
--
def f(nums):
    result = []
    for i in range(len(nums) - 1):
        result.append(nums[i] * nums[i + 1])
    return result
== distinct_dict_values | dict
> extract the distinct values of a dictionary as a sorted list
> return the unique values of a dictionary in increasing order
def f(d):
    return sorted(set(d.values()))
--
def f(d):
    result = []
    for v in d.values():
        if v not in result:
            result.append(v)
    return sorted(result)
== concat_rows_pairwise | matrix, matrix
> join two lists of lists row by row, appending each row of the second to the row of the first at the same position, stopping at the shorter one
> zip two lists of lists by concatenating their corresponding inner lists
def f(matrix, other):
    return [a + b for a, b in zip(matrix, other)]
--
def f(matrix, other):
    result = []
    for i in range(min(len(matrix), len(other))):
        result.append(matrix[i] + other[i])
    return result
== sort_pairs_by_product | pairs
> sort a list of pairs by the product of their two elements, keeping the order of pairs with equal products
> order a list of tuples by the product of each tuple's elements
def f(pairs):
    return sorted(pairs, key=lambda p: p[0] * p[1])
--
def f(pairs):
    keyed = sorted((a * b, i, (a, b)) for i, (a, b) in enumerate(pairs))
    return [p for _, _, p in keyed]
== sort_rows_by_length | matrix
> sort a list of lists by the length of the inner lists, and lists of the same length by their values
> order the sublists of a list first by length and then by value
def f(matrix):
    return sorted(matrix, key=lambda row: (len(row), row))
--
def f(matrix):
    return sorted(sorted(matrix), key=len)
== total_digits_upto | pos
> count the total number of digits needed to write all the numbers from 1 to n
> find how many digits are written when counting from 1 up to n
def f(n):
    return sum(len(str(i)) for i in range(1, n + 1))
--
def f(n):
    return len("".join(map(str, range(1, n + 1))))
== all_nonzero | tup
> check whether all the elements of a tuple are non-zero
> check that a tuple contains no zero value
def f(tup):
    return all(tup)
--
def f(tup):
    return 0 not in tup
== sample_std_dev | ints
> calculate the sample standard deviation of a list of numbers, rounded to 2 decimal places
> find the standard deviation of a list (dividing by n - 1), rounded to two decimals
import statistics
def f(nums):
    return round(statistics.stdev(nums), 2)
--
import math
import statistics
def f(nums):
    return round(math.sqrt(statistics.variance(nums)), 2)
== right_insertion_point | sorted, int
> find the right insertion point for a value in a sorted list, the index after any elements equal to it
> locate the position where a value should be inserted into a sorted list to keep it sorted, after existing equal values
import bisect
def f(arr, x):
    return bisect.bisect_right(arr, x)
--
def f(arr, x):
    i = 0
    while i < len(arr) and arr[i] <= x:
        i += 1
    return i
== fib_index_with_digits | small
> find the index of the first Fibonacci number that has n digits, where F(1) = F(2) = 1
> return the position of the smallest Fibonacci number with exactly n digits
def f(n):
    a, b, i = 1, 1, 1
    while len(str(a)) < n:
        a, b = b, a + b
        i += 1
    return i
== all_same_chars | short
> check whether all the characters of a string are the same
> check whether a string consists of a single repeated character
def f(s):
    return len(set(s)) == 1
--
def f(s):
    return s == s[0] * len(s)
== all_elements_equal | digits
> check whether a list contains only one distinct element
> check whether all the numbers of a list are equal
def f(nums):
    return len(set(nums)) == 1
--
def f(nums):
    return all(x == nums[0] for x in nums)
== sort_lexicographic | nats
> sort a list of non-negative integers as if they were strings, so 10 comes before 9
> order a list of numbers lexicographically by their decimal representation
def f(nums):
    return sorted(nums, key=str)
--
def f(nums):
    return [int(s) for s in sorted(str(x) for x in nums)]
== is_max_heap | ints
> check whether a list represents a max heap, where every element at index i is at least as large as the elements at indices 2*i + 1 and 2*i + 2
> check if the given array satisfies the max-heap property
def f(nums):
    n = len(nums)
    for i in range(n):
        for c in (2 * i + 1, 2 * i + 2):
            if c < n and nums[c] > nums[i]:
                return False
    return True
--
def f(nums):
    return all(nums[(i - 1) // 2] >= nums[i] for i in range(1, len(nums)))
== pell_number | int
> find the n-th Pell number, where P(0) = 0, P(1) = 1 and P(n) = 2 * P(n - 1) + P(n - 2)
> compute the nth term of the Pell sequence 0, 1, 2, 5, 12, 29, ...
def f(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, 2 * b + a
    return a
--
def f(n):
    pell = [0, 1]
    for i in range(2, n + 1):
        pell.append(2 * pell[i - 1] + pell[i - 2])
    return pell[n]
== month_name | small
> return the English name of a month given its number from 1 (January) to 12 (December)
> convert a month number into the name of the month
import calendar
def f(n):
    return calendar.month_name[n]
--
def f(n):
    names = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]
    return names[n - 1]
== sum_of_repeated_values | digits
> find the sum of the distinct values that occur more than once in a list
> add up the repeated elements of a list, counting each repeated value once
from collections import Counter
def f(nums):
    return sum(v for v, c in Counter(nums).items() if c > 1)
--
def f(nums):
    return sum(v for v in set(nums) if nums.count(v) > 1)
== count_ab_runs | ab
> count the places in a string where an 'a' is followed by one or more 'b's
> find how many matches of the pattern an 'a' followed by at least one 'b' a string contains, using regex
import re
def f(text):
    return len(re.findall(r"ab+", text))
--
def f(text):
    return sum(1 for i in range(len(text) - 1) if text[i] == "a" and text[i + 1] == "b")
== count_distinct_rows | matrix
> count the distinct inner lists of a list of lists
> find how many different sublists a list of lists contains
def f(matrix):
    return len({tuple(row) for row in matrix})
--
def f(matrix):
    seen = []
    for row in matrix:
        if row not in seen:
            seen.append(row)
    return len(seen)
== max_disjoint_intervals | pairs
> treat each pair (a, b) as the interval from min(a, b) to max(a, b) and find the largest number of intervals that can be chosen so that each one starts after the previous one ends
> find the length of the longest chain of pairs in which every interval begins strictly after the one before it ends
def f(pairs):
    intervals = sorted(((min(p), max(p)) for p in pairs), key=lambda p: p[1])
    count, end = 0, None
    for a, b in intervals:
        if end is None or a > end:
            count += 1
            end = b
    return count
== min_removals_range | ints, small
> find the minimum number of elements to remove from a list so that the difference between its largest and smallest remaining elements is at most k
> count the fewest deletions needed to make max(nums) - min(nums) <= k
def f(nums, k):
    a = sorted(nums)
    best = 0
    for i in range(len(a)):
        for j in range(i, len(a)):
            if a[j] - a[i] <= k:
                best = max(best, j - i + 1)
    return len(a) - best
--
def f(nums, k):
    best = max(sum(1 for y in nums if x <= y <= x + k) for x in nums)
    return len(nums) - best
== toggle_kth_bit | bits, idx
> toggle the k-th bit of a number, counting from 0 at the right
> flip bit k (0 being the least significant bit) of a non-negative integer
def f(n, k):
    return n ^ (1 << k)
--
def f(n, k):
    if n >> k & 1:
        return n - 2 ** k
    return n + 2 ** k
== smallest_prime_factor | big
> find the smallest prime divisor of a number greater than 1
> return the smallest prime number that divides n
def f(n):
    d = 2
    while d * d <= n:
        if n % d == 0:
            return d
        d += 1
    return n
--
def f(n):
    return next((d for d in range(2, int(n ** 0.5) + 1) if n % d == 0), n)
== rgb_to_hex | bits, bits, bits
> convert red, green and blue values from 0 to 255 into a hex colour string like '#ff8000'
> format an RGB colour as a lower case hexadecimal string starting with '#'
def f(r, g, b):
    return "#{:02x}{:02x}{:02x}".format(r, g, b)
--
def f(r, g, b):
    return "#" + "".join(format(x, "02x") for x in (r, g, b))
'''
