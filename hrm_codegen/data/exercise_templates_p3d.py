"""Exercise templates on numbers, geometry formulas and collections, in the compact text format.

Same format and input kinds as :mod:`hrm_codegen.data.exercise_templates` (see
:mod:`hrm_codegen.data.exercises`): ``== key | kind, ...``, description paraphrases (``> ...``,
without MBPP's "Write a function to" prefix), then one to three reference solutions with the
canonical names (``f`` and its parameters) separated by ``--`` lines. Written from the Python language
and standard library documentation (builtins; int and bit operations; math; dict and set methods;
collections.Counter; heapq; bisect; itertools) as simple textbook exercises: number theory, digits,
series sums, bit manipulation, areas and volumes of common shapes, dictionaries,
sets of integers, heaps, binary search, combinations and products, and list-of-lists matrices. No
MBPP test or validation task was used. Solutions are deterministic, return small values (never None,
never a set of strings), do not print or read files, and bound their loops by their inputs.
"""

TEMPLATES_TEXT = r'''
== is_armstrong_number | big
> check whether a number is an Armstrong number, that is equal to the sum of its digits each raised to the power of the number of digits
> check whether n equals the sum of the k-th powers of its digits, where k is how many digits n has
def f(n):
    s = str(n)
    return n == sum(int(c) ** len(s) for c in s)
--
def f(n):
    k = len(str(n))
    total, m = 0, n
    while m > 0:
        total += (m % 10) ** k
        m //= 10
    return total == n
== prime_factors_with_repeats | big
> find the prime factors of a number in increasing order, repeating each factor as often as it divides the number
> return the prime factorisation of n as a sorted list in which a prime appears once for each time it divides n
def f(n):
    out = []
    p = 2
    while p * p <= n:
        while n % p == 0:
            out.append(p)
            n //= p
        p += 1
    if n > 1:
        out.append(n)
    return out
== largest_prime_factor | big
> find the largest prime factor of a number
> return the biggest prime number that divides a given integer greater than 1
def f(n):
    p = 2
    while p * p <= n:
        if n % p == 0:
            n //= p
        else:
            p += 1
    return n
== nth_prime | pos
> find the n-th prime number, where the first prime is 2
> return the n-th number in the sequence of primes 2, 3, 5, 7, 11, ...
def f(n):
    count = 0
    k = 1
    while count < n:
        k += 1
        if all(k % d for d in range(2, int(k ** 0.5) + 1)):
            count += 1
    return k
== count_divisors | pos
> count the divisors of a positive integer
> find how many positive integers divide n exactly
def f(n):
    return sum(1 for d in range(1, n + 1) if n % d == 0)
--
def f(n):
    count = 0
    for d in range(1, n + 1):
        if n % d == 0:
            count += 1
    return count
== are_coprime | side, side2
> check whether two positive integers are coprime, that is their greatest common divisor is 1
> check whether two numbers have no common divisor greater than 1
import math
def f(a, b):
    return math.gcd(a, b) == 1
--
def f(a, b):
    while b:
        a, b = b, a % b
    return a == 1
== digit_factorial_sum | big
> find the sum of the factorials of the digits of a number
> add up d! for every digit d of a positive integer
import math
def f(n):
    return sum(math.factorial(int(c)) for c in str(n))
--
import math
def f(n):
    total = 0
    for c in str(n):
        total += math.factorial(int(c))
    return total
== double_factorial | small
> find the double factorial of n, the product of n, n - 2, n - 4, ... down to 1 or 2
> compute n!! by multiplying every second number from n down to 1
def f(n):
    result = 1
    while n > 1:
        result *= n
        n -= 2
    return result
--
import math
def f(n):
    return math.prod(range(n, 0, -2))
== sum_of_factorials | small
> find the sum 1! + 2! + ... + n! of the first n factorials
> add up the factorials of the numbers from 1 to n
import math
def f(n):
    return sum(math.factorial(i) for i in range(1, n + 1))
--
def f(n):
    total, fact = 0, 1
    for i in range(1, n + 1):
        fact *= i
        total += fact
    return total
== harmonic_sum | pos
> find the sum of the harmonic series 1 + 1/2 + 1/3 + ... + 1/n, rounded to 2 decimal places
> compute the n-th harmonic number rounded to two decimals
def f(n):
    return round(sum(1 / i for i in range(1, n + 1)), 2)
--
def f(n):
    total = 0.0
    for i in range(1, n + 1):
        total += 1 / i
    return round(total, 2)
== arithmetic_nth_term | signed, signed2, pos
> find the n-th term of an arithmetic progression with first term a and common difference d
> return the n-th element of the arithmetic sequence that starts at a and grows by d at every step
def f(a, d, n):
    return a + (n - 1) * d
--
def f(a, d, n):
    term = a
    for _ in range(n - 1):
        term += d
    return term
== arithmetic_series_sum | signed, signed2, pos
> find the sum of the first n terms of an arithmetic progression with first term a and common difference d
> add up the first n terms of the arithmetic sequence a, a + d, a + 2d, ...
def f(a, d, n):
    return n * (2 * a + (n - 1) * d) // 2
--
def f(a, d, n):
    return sum(a + i * d for i in range(n))
== is_power_of_k | pos, small
> check whether a positive integer n is an exact power of k (k**0 = 1 counts), where k is at least 2
> check whether n can be written as k raised to some non-negative integer power
def f(n, k):
    if k < 2:
        raise ValueError("k must be at least 2")
    while n % k == 0:
        n //= k
    return n == 1
== hamming_distance | bits, bits
> find the number of bit positions at which two non-negative integers differ
> compute the Hamming distance between the binary representations of two numbers
def f(a, b):
    return bin(a ^ b).count("1")
--
def f(a, b):
    x = a ^ b
    count = 0
    while x:
        count += x & 1
        x >>= 1
    return count
== swap_nibbles | bits
> swap the two 4-bit halves (nibbles) of a number between 0 and 255
> exchange the upper four bits and the lower four bits of a byte
def f(n):
    return ((n & 0x0F) << 4) | (n >> 4)
--
def f(n):
    high, low = divmod(n, 16)
    return low * 16 + high
== reverse_bits_8 | bits
> reverse the order of the 8 bits of a number between 0 and 255
> mirror the 8-bit binary representation of a byte and return the resulting number
def f(n):
    return int(format(n, "08b")[::-1], 2)
--
def f(n):
    result = 0
    for _ in range(8):
        result = (result << 1) | (n & 1)
        n >>= 1
    return result
== gray_code | bits
> convert a number to its Gray code, where neighbouring numbers differ in exactly one bit
> compute the reflected binary Gray code of a non-negative integer n as n xor (n shifted right by one)
def f(n):
    return n ^ (n >> 1)
--
def f(n):
    return n ^ (n // 2)
== lowest_set_bit_value | bits
> find the value of the lowest set bit of a number (0 for 0)
> return the largest power of two that divides n, or 0 when n is 0
def f(n):
    return n & -n
== set_bit_positions | bits
> find the positions of the set bits of a number, counting from 0 at the least significant bit, in increasing order
> list the indices of the 1 bits in the binary representation of n, starting from the right
def f(n):
    return [i for i in range(n.bit_length()) if n >> i & 1]
--
def f(n):
    out = []
    i = 0
    while n:
        if n & 1:
            out.append(i)
        n >>= 1
        i += 1
    return out
== highest_power_of_two_upto | pos
> find the largest power of two that is not greater than a positive integer n
> return the highest power of 2 less than or equal to n
def f(n):
    return 1 << (n.bit_length() - 1)
--
def f(n):
    p = 1
    while p * 2 <= n:
        p *= 2
    return p
== next_power_of_two | pos
> find the smallest power of two that is greater than or equal to a positive integer n
> round a positive number up to the next power of 2 (a power of 2 stays as it is)
def f(n):
    p = 1
    while p < n:
        p <<= 1
    return p
--
def f(n):
    return 1 << (n - 1).bit_length()
== trailing_zero_bits | pos
> count the zeros at the end of the binary representation of a positive integer
> find how many times a positive integer can be divided by 2 without remainder, using its binary form
def f(n):
    s = bin(n)
    return len(s) - len(s.rstrip("0"))
--
def f(n):
    count = 0
    while n & 1 == 0:
        n >>= 1
        count += 1
    return count
== lcm_of_range | small
> find the smallest positive number that is evenly divisible by all of the numbers from 1 to n
> compute the least common multiple of the integers 1 to n
import math
def f(n):
    result = 1
    for i in range(1, n + 1):
        result = result * i // math.gcd(result, i)
    return result
--
import math
from functools import reduce
def f(n):
    return reduce(lambda a, b: a * b // math.gcd(a, b), range(1, n + 1), 1)
== sum_multiples_3_or_5 | pos
> find the sum of all natural numbers below n that are multiples of 3 or 5
> add up the numbers smaller than n that are divisible by 3 or by 5
def f(n):
    return sum(x for x in range(n) if x % 3 == 0 or x % 5 == 0)
--
def f(n):
    total = 0
    for x in range(1, n):
        if x % 3 == 0 or x % 5 == 0:
            total += x
    return total
== alternating_series_sum | pos
> find the value of 1 - 2 + 3 - 4 + ... up to n, where odd numbers are added and even numbers subtracted
> compute the alternating sum of the integers from 1 to n, starting with a plus sign
def f(n):
    return sum(i if i % 2 else -i for i in range(1, n + 1))
--
def f(n):
    return (n + 1) // 2 if n % 2 else -n // 2
== is_automorphic_number | big
> check whether the square of a number ends with the digits of the number itself
> check whether n is automorphic, that is n * n ends in n
def f(n):
    return str(n * n).endswith(str(n))
--
def f(n):
    return (n * n) % (10 ** len(str(n))) == n
== count_primes_in_list | ints
> count the prime numbers in a list of integers
> find how many elements of the given list are prime
def f(nums):
    def is_prime(x):
        return x > 1 and all(x % d for d in range(2, int(x ** 0.5) + 1))
    return sum(1 for x in nums if is_prime(x))
--
def f(nums):
    return len([x for x in nums if x > 1 and all(x % d for d in range(2, x))])
== triangle_area_heron | side, side2, side3
> find the area of a triangle from the lengths of its three sides using Heron's formula, rounded to 2 decimal places
> compute the area of a triangle with sides a, b and c, rounded to two decimals (raise ValueError if the sides cannot form a triangle)
import math
def f(a, b, c):
    if a + b <= c or a + c <= b or b + c <= a:
        raise ValueError("not a triangle")
    s = (a + b + c) / 2
    return round(math.sqrt(s * (s - a) * (s - b) * (s - c)), 2)
--
def f(a, b, c):
    x, y, z = sorted((a, b, c))
    if x + y <= z:
        raise ValueError("not a triangle")
    s = (a + b + c) / 2
    return round((s * (s - a) * (s - b) * (s - c)) ** 0.5, 2)
== rectangle_perimeter | side, side2
> find the perimeter of a rectangle given its length and width
> compute the distance around a rectangle with sides a and b
def f(a, b):
    return 2 * (a + b)
--
def f(a, b):
    return a + b + a + b
== circle_circumference | side
> find the circumference of a circle given its radius, rounded to 2 decimal places
> compute the perimeter of a circle of radius r, rounded to two decimals
import math
def f(r):
    return round(2 * math.pi * r, 2)
--
from math import pi
def f(r):
    return round(pi * 2 * r, 2)
== cone_volume | side, side2
> find the volume of a cone with radius r and height h, rounded to 2 decimal places
> compute one third of pi times r squared times h for a cone, rounded to two decimals
import math
def f(r, h):
    return round(math.pi * r * r * h / 3, 2)
--
from math import pi
def f(r, h):
    return round(pi * r ** 2 * h / 3, 2)
== cylinder_surface_area | side, side2
> find the total surface area of a cylinder with radius r and height h, rounded to 2 decimal places
> compute the area of the two circular ends plus the curved side of a cylinder, rounded to two decimals
import math
def f(r, h):
    return round(2 * math.pi * r * (r + h), 2)
--
from math import pi
def f(r, h):
    ends = 2 * pi * r * r
    side = 2 * pi * r * h
    return round(ends + side, 2)
== cuboid_surface_area | side, side2, side3
> find the surface area of a cuboid with length a, width b and height c
> compute the total area of the six faces of a rectangular box
def f(a, b, c):
    return 2 * (a * b + b * c + a * c)
--
def f(a, b, c):
    faces = [a * b, b * c, a * c]
    return sum(faces) * 2
== cuboid_diagonal | side, side2, side3
> find the length of the space diagonal of a cuboid with sides a, b and c, rounded to 2 decimal places
> compute the distance between opposite corners of a rectangular box, rounded to two decimals
import math
def f(a, b, c):
    return round(math.sqrt(a * a + b * b + c * c), 2)
--
def f(a, b, c):
    return round((a ** 2 + b ** 2 + c ** 2) ** 0.5, 2)
== equilateral_triangle_area | side
> find the area of an equilateral triangle with side a, rounded to 2 decimal places
> compute the area of a triangle whose three sides all have length a, rounded to two decimals
import math
def f(a):
    return round(math.sqrt(3) / 4 * a * a, 2)
--
def f(a):
    return round(3 ** 0.5 / 4 * a ** 2, 2)
== regular_polygon_area | side, small
> find the area of a regular polygon with n sides of length s, rounded to 2 decimal places (n is at least 3)
> compute n * s * s / (4 * tan(pi / n)), the area of a regular n-sided polygon with side s, rounded to two decimals
import math
def f(s, n):
    if n < 3:
        raise ValueError("a polygon needs at least 3 sides")
    return round(n * s * s / (4 * math.tan(math.pi / n)), 2)
--
from math import pi, tan
def f(s, n):
    if n < 3:
        raise ValueError("a polygon needs at least 3 sides")
    return round(n * s * s / (4 * tan(pi / n)), 2)
== sector_area | side, pos
> find the area of a sector of a circle with radius r and central angle given in degrees, rounded to 2 decimal places
> compute the area of a slice of a circle of radius r whose angle is a degrees, rounded to two decimals
import math
def f(r, a):
    return round(math.pi * r * r * a / 360, 2)
--
import math
def f(r, a):
    return round(0.5 * r * r * math.radians(a), 2)
== dict_value_range | dict
> find the difference between the largest and the smallest value of a dictionary
> compute the spread of the values stored in a dictionary
def f(d):
    return max(d.values()) - min(d.values())
--
def f(d):
    vals = sorted(d.values())
    return vals[-1] - vals[0]
== word_first_index | words
> map each distinct word of a list to the index of its first occurrence
> build a dictionary giving for every word of a list the position where it first appears
def f(words):
    out = {}
    for i, w in enumerate(words):
        out.setdefault(w, i)
    return out
--
def f(words):
    return {w: words.index(w) for w in words}
== are_disjoint | digits, digits
> check whether two lists have no element in common
> check whether the sets of values of two lists are disjoint
def f(a, b):
    return set(a).isdisjoint(b)
--
def f(a, b):
    return not any(x in b for x in a)
== kth_smallest | ints, small
> find the k-th smallest element of a list, counting repeated values separately (k starts at 1)
> return the element that would be at position k (from 1) after sorting a list in increasing order
import heapq
def f(nums, k):
    if k > len(nums):
        raise IndexError("k is too large")
    return heapq.nsmallest(k, nums)[-1]
--
def f(nums, k):
    return sorted(nums)[k - 1]
== longest_k_words | words, small
> find the k longest words of a list, longest first, keeping the original order of words with equal length
> return the n words of a list with the most letters using heapq.nlargest
import heapq
def f(words, k):
    return heapq.nlargest(k, words, key=len)
--
def f(words, k):
    return sorted(words, key=len, reverse=True)[:k]
== binary_search_index | sorted, int
> find the index of the first occurrence of x in a sorted list using binary search, or -1 if x is absent
> search a sorted list for a value with the bisect module and return its leftmost index, or -1
import bisect
def f(arr, x):
    i = bisect.bisect_left(arr, x)
    return i if i < len(arr) and arr[i] == x else -1
--
def f(arr, x):
    lo, hi = 0, len(arr)
    while lo < hi:
        mid = (lo + hi) // 2
        if arr[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(arr) and arr[lo] == x else -1
== insert_sorted | sorted, int
> insert a value into a sorted list so that the list stays sorted, and return the new list
> add x to a sorted list in its right place using bisect.insort
import bisect
def f(arr, x):
    bisect.insort(arr, x)
    return arr
--
def f(arr, x):
    i = 0
    while i < len(arr) and arr[i] <= x:
        i += 1
    return arr[:i] + [x] + arr[i:]
== count_subsets_with_sum | digits, small
> count the non-empty subsets of positions of a list whose elements add up to a target k
> find how many combinations of one or more elements of a list (each position used at most once) sum to k
from itertools import combinations
def f(nums, k):
    return sum(1 for r in range(1, len(nums) + 1) for c in combinations(nums, r) if sum(c) == k)
--
def f(nums, k):
    ways = [1] + [0] * k
    for x in nums:
        for t in range(k, x - 1, -1):
            ways[t] += ways[t - x]
    return ways[k] - (k == 0)
== distinct_cross_sums | digits, digits
> find all the distinct sums a + b with a taken from the first list and b from the second, in increasing order
> return the sorted list of different values obtained by adding one element of each of two lists
from itertools import product
def f(a, b):
    return sorted({x + y for x, y in product(a, b)})
--
def f(a, b):
    return sorted(set(x + y for x in a for y in b))
== remove_adjacent_duplicates | digits
> remove consecutive duplicate elements of a list, keeping one element of every run
> collapse each run of equal neighbouring values of a list to a single value
from itertools import groupby
def f(nums):
    return [k for k, _ in groupby(nums)]
--
def f(nums):
    return [x for i, x in enumerate(nums) if i == 0 or x != nums[i - 1]]
== anti_diagonal_sum | square
> find the sum of the secondary diagonal (from the top-right to the bottom-left corner) of a square matrix
> add up the elements matrix[i][n - 1 - i] of an n by n matrix
def f(matrix):
    n = len(matrix)
    return sum(matrix[i][n - 1 - i] for i in range(n))
--
def f(matrix):
    return sum(row[-1 - i] for i, row in enumerate(matrix))
== rotate_matrix_clockwise | square
> rotate a square matrix by 90 degrees clockwise
> turn an n by n matrix a quarter turn to the right, returning a new list of lists
def f(matrix):
    return [list(row) for row in zip(*matrix[::-1])]
--
def f(matrix):
    n = len(matrix)
    return [[matrix[n - 1 - j][i] for j in range(n)] for i in range(n)]
== is_symmetric_matrix | square
> check whether a square matrix is symmetric, that is equal to its transpose
> check whether matrix[i][j] equals matrix[j][i] for every pair of positions of a square matrix
def f(matrix):
    return all(matrix[i][j] == matrix[j][i] for i in range(len(matrix)) for j in range(i))
--
def f(matrix):
    return [list(r) for r in zip(*matrix)] == matrix
== column_totals | matrix
> find the sum of each column of a list of lists whose rows may have different lengths (missing cells count as 0)
> add up a ragged matrix column by column, returning one total per column up to the length of the longest row
from itertools import zip_longest
def f(rows):
    return [sum(col) for col in zip_longest(*rows, fillvalue=0)]
--
def f(rows):
    totals = [0] * max(len(r) for r in rows)
    for r in rows:
        for j, x in enumerate(r):
            totals[j] += x
    return totals
'''
