"""More templates of :mod:`hrm_codegen.data.exercise_templates_lib` (its second half, split off to keep
modules under 600 lines; same sources and rules, see that module's docstring).
"""

TEMPLATES_TEXT = r'''
== lib_tribonacci | int
> return the n-th tribonacci number, where the terms at positions 0, 1 and 2 are 0, 0 and 1 and each later term is the sum of the three before it
> compute term n of the sequence 0, 0, 1, 1, 2, 4, 7, 13, ... in which every term is the sum of the previous three
from functools import lru_cache
def f(n):
    @lru_cache(maxsize=None)
    def trib(i):
        if i < 2:
            return 0
        if i == 2:
            return 1
        return trib(i - 1) + trib(i - 2) + trib(i - 3)
    return trib(n)
--
def f(n):
    a, b, c = 0, 0, 1
    for _ in range(n):
        a, b, c = b, c, a + b + c
    return a
== lib_closest_values | ints, signed, small
> find the k numbers of a list closest to a target x, breaking ties in distance by the smaller number, and return them in ascending order (the whole list sorted if it has fewer than k elements)
> return, sorted ascending, the k elements with the smallest |v - x|, preferring the smaller value when two are equally far
import heapq
def f(nums, x, k):
    return sorted(heapq.nsmallest(k, nums, key=lambda v: (abs(v - x), v)))
--
def f(nums, x, k):
    return sorted(sorted(nums, key=lambda v: (abs(v - x), v))[:k])
--
def f(nums, x, k):
    remaining, chosen = list(nums), []
    while remaining and len(chosen) < k:
        best = min(remaining, key=lambda v: (abs(v - x), v))
        remaining.remove(best)
        chosen.append(best)
    return sorted(chosen)
== lib_combine_cost | pos_ints
> repeatedly replace the two smallest numbers of a list by their sum, paying that sum each time, until one number is left; return the total cost (0 for a single number)
> find the minimum total cost of merging all numbers of a list into one, where merging two numbers costs their sum and the two smallest are always merged first
import heapq
def f(nums):
    heap = list(nums)
    heapq.heapify(heap)
    cost = 0
    while len(heap) > 1:
        s = heapq.heappop(heap) + heapq.heappop(heap)
        cost += s
        heapq.heappush(heap, s)
    return cost
--
def f(nums):
    items = sorted(nums)
    cost = 0
    while len(items) > 1:
        s = items.pop(0) + items.pop(0)
        cost += s
        items.append(s)
        items.sort()
    return cost
== lib_last_stone | pos_ints
> repeatedly take the two largest numbers of a list: if they are equal both disappear, otherwise they are replaced by their difference; return the number left at the end, or 0 if nothing is left
> smash stones with the given weights two heaviest at a time (equal stones both vanish, otherwise the lighter vanishes and the heavier loses its weight) and return the final weight or 0
import heapq
def f(nums):
    heap = [-x for x in nums]
    heapq.heapify(heap)
    while len(heap) > 1:
        a, b = -heapq.heappop(heap), -heapq.heappop(heap)
        if a != b:
            heapq.heappush(heap, b - a)
    return -heap[0] if heap else 0
--
def f(nums):
    stones = sorted(nums)
    while len(stones) > 1:
        a, b = stones.pop(), stones.pop()
        if a != b:
            stones.append(a - b)
            stones.sort()
    return stones[0] if stones else 0
== lib_score_grades | nats
> turn a list of scores into a string of grades, one letter per score: below 10 is 'D', 10 to 19 is 'C', 20 to 29 is 'B' and 30 or more is 'A'
> map every score of a list to a letter (under 10: D, under 20: C, under 30: B, otherwise A) and join the letters into one string
import bisect
def f(scores):
    return ''.join('DCBA'[bisect.bisect_right([10, 20, 30], s)] for s in scores)
--
def f(scores):
    grades = ''
    for s in scores:
        if s < 10:
            grades += 'D'
        elif s < 20:
            grades += 'C'
        elif s < 30:
            grades += 'B'
        else:
            grades += 'A'
    return grades
== lib_count_smaller_after | ints
> count, for each element of a list, the elements to its right that are strictly smaller, and return the counts as a list
> return a list whose i-th value is the number of later elements less than nums[i]
import bisect
def f(nums):
    seen, result = [], []
    for x in reversed(nums):
        result.append(bisect.bisect_left(seen, x))
        bisect.insort(seen, x)
    return result[::-1]
--
def f(nums):
    return [sum(y < x for y in nums[i + 1:]) for i, x in enumerate(nums)]
== lib_lis_length | ints
> find the length of the longest strictly increasing subsequence of a list (elements kept in order but not necessarily adjacent)
> return how many elements the longest subsequence of a list has whose values strictly increase from left to right
import bisect
def f(nums):
    tails = []
    for x in nums:
        i = bisect.bisect_left(tails, x)
        if i == len(tails):
            tails.append(x)
        else:
            tails[i] = x
    return len(tails)
--
def f(nums):
    best = [1] * len(nums)
    for i in range(len(nums)):
        for j in range(i):
            if nums[j] < nums[i]:
                best[i] = max(best[i], best[j] + 1)
    return max(best, default=0)
== lib_floor_in_sorted | sorted, int
> find the largest element of a sorted list that is less than or equal to x, or -1 if every element is greater than x
> return the greatest value not exceeding x in an ascending list, and -1 when there is none
import bisect
def f(arr, x):
    i = bisect.bisect_right(arr, x)
    return arr[i - 1] if i else -1
--
def f(arr, x):
    return max((v for v in arr if v <= x), default=-1)
--
def f(arr, x):
    result = -1
    for v in arr:
        if v > x:
            break
        result = v
    return result
== lib_ranking | named
> sort a list of (name, score) records by score from highest to lowest, breaking ties by name in alphabetical order
> rank (name, score) tuples: higher scores first, and records with equal scores ordered by name ascending
from operator import itemgetter
def f(records):
    by_name = sorted(records, key=itemgetter(0))
    return sorted(by_name, key=itemgetter(1), reverse=True)
--
def f(records):
    return sorted(records, key=lambda r: (-r[1], r[0]))
== lib_count_char_in_words | words, char
> count how many times the character ch occurs in each word of a list, returning the counts in the same order as the words
> return a list with the number of occurrences of a given letter in every string of a list
from operator import methodcaller
def f(words, ch):
    return list(map(methodcaller('count', ch), words))
--
def f(words, ch):
    return [w.count(ch) for w in words]
--
def f(words, ch):
    result = []
    for w in words:
        n = 0
        for c in w:
            if c == ch:
                n += 1
        result.append(n)
    return result
== lib_longest_digit_run | mixed
> find the longest run of consecutive digits in a string and return it as a string; the first one wins a tie, and the result is empty when there are no digits
> return the longest substring made only of digits, the leftmost of equally long ones, or '' if the string has no digit
import re
def f(s):
    return max(re.findall(r'\d+', s), key=len, default='')
--
def f(s):
    best = current = ''
    for c in s:
        current = current + c if c.isdigit() else ''
        if len(current) > len(best):
            best = current
    return best
== lib_increment_numbers | mixed
> add 1 to every maximal run of digits in a string, read as a whole number, and return the new string (leading zeros of a run are dropped)
> replace each number written in a string by that number plus one, leaving the other characters unchanged
import re
def f(s):
    return re.sub(r'\d+', lambda m: str(int(m.group()) + 1), s)
--
def f(s):
    result, num = [], ''
    for c in s:
        if c.isdigit():
            num += c
            continue
        if num:
            result.append(str(int(num) + 1))
            num = ''
        result.append(c)
    if num:
        result.append(str(int(num) + 1))
    return ''.join(result)
== lib_split_on_digits | mixed
> split a string at every run of digits and return the non-empty pieces in order
> return the list of the parts of a string between its digits, leaving out empty parts
import re
def f(s):
    return [p for p in re.split(r'\d+', s) if p]
--
def f(s):
    parts, current = [], ''
    for c in s:
        if c.isdigit():
            if current:
                parts.append(current)
            current = ''
        else:
            current += c
    if current:
        parts.append(current)
    return parts
== lib_strong_password | mixed
> check whether a password is strong: at least 8 characters long and containing at least one digit, one lowercase letter and one uppercase letter
> return True if a string has length 8 or more and includes a digit, a lower case letter and an upper case letter, otherwise False
import re
def f(s):
    return len(s) >= 8 and all(re.search(p, s) for p in (r'\d', r'[a-z]', r'[A-Z]'))
--
def f(s):
    has_digit = any(c.isdigit() for c in s)
    has_lower = any(c.islower() for c in s)
    has_upper = any(c.isupper() for c in s)
    return len(s) >= 8 and has_digit and has_lower and has_upper
== lib_vowel_clusters | str
> return the maximal groups of consecutive vowels (a, e, i, o, u) of a lowercase word, in order
> find every run of neighbouring vowels in a string and return them as a list of strings
import re
def f(s):
    return re.findall(r'[aeiou]+', s)
--
def f(s):
    groups, current = [], ''
    for c in s + '.':
        if c in 'aeiou':
            current += c
        elif current:
            groups.append(current)
            current = ''
    return groups
== lib_swap_first_last_word | sentence
> swap the first and the last word of a sentence whose words are separated by single spaces
> exchange the first and last words of a line of at least two words and return the new line
import re
def f(text):
    m = re.fullmatch(r'(\S+)(.*) (\S+)', text)
    return m.group(3) + m.group(2) + ' ' + m.group(1)
--
def f(text):
    words = text.split(' ')
    words[0], words[-1] = words[-1], words[0]
    return ' '.join(words)
== lib_missing_alphabet_letters | sentence
> return, as one string in alphabetical order, the lowercase letters of the English alphabet that do not occur in a sentence, ignoring case
> find which letters a to z are absent from a text (case-insensitive) and return them joined in alphabetical order
import string
def f(text):
    return ''.join(c for c in string.ascii_lowercase if c not in text.lower())
--
import string
def f(text):
    return ''.join(sorted(set(string.ascii_lowercase) - set(text.lower())))
--
def f(text):
    missing = ''
    for i in range(26):
        c = chr(ord('a') + i)
        if c not in text.lower():
            missing += c
    return missing
== lib_atbash | str
> encode a lowercase word with the Atbash cipher, which replaces a with z, b with y, c with x and so on
> mirror every letter of a lower case string in the alphabet (a <-> z, b <-> y, ...) and return the result
import string
def f(s):
    table = str.maketrans(string.ascii_lowercase, string.ascii_lowercase[::-1])
    return s.translate(table)
--
def f(s):
    return ''.join(chr(ord('a') + ord('z') - ord(c)) for c in s)
== lib_sum_of_two_squares | big
> check whether a non-negative integer n can be written as a * a + b * b for some non-negative integers a and b
> return True if n is the sum of two perfect squares (0 allowed), otherwise False
from math import isqrt
def f(n):
    return any(isqrt(n - a * a) ** 2 == n - a * a for a in range(isqrt(n) + 1))
--
def f(n):
    a, b = 0, int(n ** 0.5) + 1
    while a <= b:
        total = a * a + b * b
        if total == n:
            return True
        if total < n:
            a += 1
        else:
            b -= 1
    return False
== lib_pascal_row | small
> return row n of Pascal's triangle as a list, where row 0 is [1] and row 1 is [1, 1]
> list the binomial coefficients C(n, 0), C(n, 1), ..., C(n, n)
from math import comb
def f(n):
    return [comb(n, k) for k in range(n + 1)]
--
def f(n):
    row = [1]
    for _ in range(n):
        row = [a + b for a, b in zip([0] + row, row + [0])]
    return row
== lib_catalan | int
> return the n-th Catalan number, where the sequence for n = 0, 1, 2, 3, 4 is 1, 1, 2, 5, 14
> compute the Catalan number C(n) = (2n)! / ((n + 1)! * n!)
from math import comb
def f(n):
    return comb(2 * n, n) // (n + 1)
--
def f(n):
    c = [1] + [0] * n
    for m in range(1, n + 1):
        for i in range(m):
            c[m] += c[i] * c[m - 1 - i]
    return c[n]
== lib_product_except_self | digits
> return a list where each position holds the product of all the other elements of the list, without using division
> for every index of a list, multiply together all elements except the one at that index
from math import prod
def f(nums):
    return [prod(nums[:i] + nums[i + 1:]) for i in range(len(nums))]
--
def f(nums):
    result = []
    for i in range(len(nums)):
        p = 1
        for j, x in enumerate(nums):
            if j != i:
                p *= x
        result.append(p)
    return result
== lib_reduce_fraction | pos, side2
> reduce the fraction a / b of two positive integers to lowest terms and return the numerator and denominator as a tuple
> return (numerator, denominator) of a / b written in lowest terms
from math import gcd
def f(a, b):
    g = gcd(a, b)
    return (a // g, b // g)
--
from fractions import Fraction
def f(a, b):
    fr = Fraction(a, b)
    return (fr.numerator, fr.denominator)
--
def f(a, b):
    for d in range(min(a, b), 0, -1):
        if a % d == 0 and b % d == 0:
            return (a // d, b // d)
== lib_totient | pos
> count the integers from 1 to n that have no common divisor greater than 1 with n
> compute Euler's totient of a positive integer n: how many of 1, 2, ..., n are coprime to n
from math import gcd
def f(n):
    return sum(1 for k in range(1, n + 1) if gcd(k, n) == 1)
--
def f(n):
    result, m, p = n, n, 2
    while p * p <= m:
        if m % p == 0:
            while m % p == 0:
                m //= p
            result -= result // p
        p += 1
    if m > 1:
        result -= result // m
    return result
== lib_copy_sign | signed, signed2
> return the absolute value of x with the sign of y, as an integer (a y of 0 counts as positive)
> give x the sign of y: return |x| when y >= 0 and -|x| when y < 0
import math
def f(x, y):
    return int(math.copysign(x, y))
--
def f(x, y):
    return abs(x) if y >= 0 else -abs(x)
== lib_path_length | pairs
> treat a list of (x, y) pairs as points visited in order and return the total length of the path through them, rounded to 2 decimals (0 for a single point)
> sum the straight-line distances between consecutive points of a list of coordinates and round the total to two decimal places
import math
from itertools import pairwise
def f(points):
    total = 0
    for p, q in pairwise(points):
        total += math.dist(p, q)
    return round(total, 2)
--
def f(points):
    total = 0
    for (x1, y1), (x2, y2) in zip(points, points[1:]):
        total += ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
    return round(total, 2)
== lib_closest_to_origin | pairs
> find the point of a list of (x, y) pairs nearest to the origin (0, 0); if several are equally near, return the first of them
> return the coordinate pair with the smallest distance from (0, 0), the earliest one on ties
import math
def f(points):
    return min(points, key=lambda p: math.dist(p, (0, 0)))
--
def f(points):
    return min(points, key=lambda p: p[0] ** 2 + p[1] ** 2)
--
def f(points):
    best = points[0]
    for x, y in points:
        if x * x + y * y < best[0] ** 2 + best[1] ** 2:
            best = (x, y)
    return best
== lib_median | ints
> find the median of a non-empty list of numbers: the middle value after sorting, or the mean of the two middle values when the length is even
> return the middle element of the sorted list, or the average of the two middle elements for an even number of elements
import statistics
def f(nums):
    return statistics.median(nums)
--
def f(nums):
    s = sorted(nums)
    mid = len(s) // 2
    if len(s) % 2 == 1:
        return s[mid]
    return (s[mid - 1] + s[mid]) / 2
== lib_multimode | digits
> find all values that occur most often in a non-empty list and return them in ascending order
> return the sorted list of the values whose count equals the highest count in the list
import statistics
def f(nums):
    return sorted(statistics.multimode(nums))
--
from collections import Counter
def f(nums):
    counts = Counter(nums)
    top = max(counts.values())
    return sorted(x for x, c in counts.items() if c == top)
--
def f(nums):
    top = max(nums.count(x) for x in nums)
    return sorted(set(x for x in nums if nums.count(x) == top))
== lib_average_floor_ceil | ints
> return a tuple of the average of a non-empty list rounded down and the average rounded up to whole numbers
> compute (floor(mean), ceil(mean)) of a list of integers
import math
def f(nums):
    avg = sum(nums) / len(nums)
    return (math.floor(avg), math.ceil(avg))
--
def f(nums):
    total, n = sum(nums), len(nums)
    return (total // n, -(-total // n))
== lib_new_year_weekday | year
> return the English name of the weekday on which January 1 of the given year falls, for example 'Monday'
> find the day of the week of New Year's Day of a year in the Gregorian calendar and return its name
import datetime
def f(year):
    names = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
    return names[datetime.date(year, 1, 1).weekday()]
--
def f(year):
    names = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
    days = 0
    for y in range(1, year):
        leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
        days += 366 if leap else 365
    return names[days % 7]
== lib_friday_13_count | year
> count the months of a given year whose 13th day falls on a Friday
> return how many Friday the 13ths occur in the given year
import datetime
def f(year):
    return sum(datetime.date(year, m, 13).weekday() == 4 for m in range(1, 13))
--
import calendar
def f(year):
    count = 0
    for month in range(1, 13):
        if calendar.weekday(year, month, 13) == calendar.FRIDAY:
            count += 1
    return count
== lib_date_after_weeks | year, pos
> return the date that is n weeks after January 1 of the given year, as a string of the form 'YYYY-MM-DD'
> add n weeks to New Year's Day of a year and return the resulting date in ISO format
import datetime
def f(year, n):
    return (datetime.date(year, 1, 1) + datetime.timedelta(weeks=n)).isoformat()
--
def f(year, n):
    day, month = 1 + 7 * n, 1
    while True:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        length = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        if day <= length:
            return f'{year:04d}-{month:02d}-{day:02d}'
        day -= length
        month += 1
        if month == 13:
            year, month = year + 1, 1
== lib_days_in_month | year, small
> return the number of days in a month of a given year, the month given as a number from 1 (January) to 12 (December)
> find how many days the given month (1 to 12) of the given year has, taking leap years into account
import calendar
def f(year, month):
    return calendar.monthrange(year, month)[1]
--
def f(year, month):
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31
== lib_majority_element | digits
> return the value that occurs more than half as many times as the list is long, or -1 if no value does
> find the element of a list that makes up a strict majority of its elements, and -1 when there is no such element
from collections import Counter
def f(nums):
    value, count = Counter(nums).most_common(1)[0]
    return value if count * 2 > len(nums) else -1
--
def f(nums):
    for x in nums:
        if nums.count(x) * 2 > len(nums):
            return x
    return -1
--
def f(nums):
    candidate, votes = None, 0
    for x in nums:
        if votes == 0:
            candidate = x
        votes += 1 if x == candidate else -1
    return candidate if nums.count(candidate) * 2 > len(nums) else -1
'''
