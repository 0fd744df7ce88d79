"""Exercise templates on numbers, dictionaries, tuples and itertools (same format as
:mod:`hrm_codegen.data.exercise_templates`; written from Python's builtins and standard library and
the shapes of MBPP train tasks only)."""

TEMPLATES_TEXT = r'''
== factorial | small
> find the factorial of a number
> compute n! for a non-negative integer n
import math
def f(n):
    return math.factorial(n)
--
def f(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result
--
def f(n):
    return 1 if n <= 1 else n * f(n - 1)
== fibonacci | pos
> find the n-th Fibonacci number
> compute the n-th term of the Fibonacci sequence (the first two terms are 1)
def f(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
--
from functools import lru_cache
@lru_cache(maxsize=None)
def f(n):
    return n if n < 2 else f(n - 1) + f(n - 2)
== is_prime | pos
> check whether a number is prime
> check if the given integer is a prime number
def f(n):
    if n < 2:
        return False
    return all(n % d for d in range(2, int(n ** 0.5) + 1))
--
def f(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True
== digit_sum | big
> find the sum of the digits of a number
> add up the digits of the given integer
def f(n):
    return sum(int(d) for d in str(n))
--
def f(n):
    total = 0
    while n > 0:
        total += n % 10
        n //= 10
    return total
== reverse_digits | big
> reverse the digits of a number
> return the integer formed by the digits of n in reverse order
def f(n):
    return int(str(n)[::-1])
--
def f(n):
    out = 0
    while n > 0:
        out = out * 10 + n % 10
        n //= 10
    return out
== count_digits | big
> count the digits of a number
> find how many digits the given positive integer has
def f(n):
    return len(str(n))
--
def f(n):
    count = 0
    while n > 0:
        n //= 10
        count += 1
    return count
== gcd | side, side2
> find the greatest common divisor of two numbers
> compute the gcd of two positive integers
import math
def f(a, b):
    return math.gcd(a, b)
--
def f(a, b):
    while b:
        a, b = b, a % b
    return a
== lcm | side, side2
> find the least common multiple of two numbers
> compute the smallest positive number divisible by both a and b
import math
def f(a, b):
    return a * b // math.gcd(a, b)
--
def f(a, b):
    m = max(a, b)
    while m % a or m % b:
        m += 1
    return m
== divisors | pos
> find all the divisors of a number
> return the list of positive divisors of n in increasing order
def f(n):
    return [d for d in range(1, n + 1) if n % d == 0]
--
def f(n):
    out = []
    for d in range(1, n + 1):
        if n % d == 0:
            out.append(d)
    return out
== sum_divisors | pos
> find the sum of the proper divisors of a number
> add up the divisors of n that are smaller than n
def f(n):
    return sum(d for d in range(1, n) if n % d == 0)
== to_binary | bits
> convert a decimal number to its binary representation as a string
> return the binary digits of a non-negative integer as a string
def f(n):
    return bin(n)[2:]
--
def f(n):
    return format(n, "b")
--
def f(n):
    if n == 0:
        return "0"
    out = ""
    while n:
        out = str(n % 2) + out
        n //= 2
    return out
== count_set_bits | bits
> count the set bits of a number
> find the number of ones in the binary representation of n
def f(n):
    return bin(n).count("1")
--
def f(n):
    count = 0
    while n:
        n &= n - 1
        count += 1
    return count
== is_power_of_two | bits
> check whether a number is a power of two
> check if the given integer is a power of 2
def f(n):
    return n > 0 and n & (n - 1) == 0
== triangular_number | pos
> find the n-th triangular number
> compute the sum of the first n natural numbers
def f(n):
    return n * (n + 1) // 2
--
def f(n):
    return sum(range(1, n + 1))
== sum_of_squares_upto | pos
> find the sum of the squares of the first n natural numbers
> compute 1 squared plus 2 squared and so on up to n squared
def f(n):
    return sum(i * i for i in range(1, n + 1))
--
def f(n):
    return n * (n + 1) * (2 * n + 1) // 6
== sum_odd_upto | pos
> find the sum of all odd natural numbers up to n
> add up the odd numbers from 1 to n inclusive
def f(n):
    return sum(range(1, n + 1, 2))
--
def f(n):
    total = 0
    for i in range(1, n + 1):
        if i % 2:
            total += i
    return total
== is_leap_year | year
> check whether a year is a leap year
> check if the given year has 366 days
import calendar
def f(year):
    return calendar.isleap(year)
--
def f(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
== digit_product | big
> find the product of the digits of a number
> multiply together the digits of a given integer
def f(n):
    result = 1
    for d in str(n):
        result *= int(d)
    return result
== circle_area | side
> find the area of a circle given its radius, rounded to two decimals
> compute the area of a circle of radius r rounded to 2 decimal places
import math
def f(r):
    return round(math.pi * r * r, 2)
== rectangle_area | side, side2
> find the area of a rectangle
> compute the area of a rectangle from its length and width
def f(a, b):
    return a * b
== valid_triangle | side, side2, side3
> check whether three lengths can form a triangle
> check if a triangle with the given side lengths is valid
def f(a, b, c):
    return a + b > c and a + c > b and b + c > a
--
def f(a, b, c):
    x, y, z = sorted((a, b, c))
    return x + y > z
== hypotenuse | side, side2
> find the hypotenuse of a right triangle, rounded to two decimals
> compute the length of the longest side of a right-angled triangle from the other two
import math
def f(a, b):
    return round(math.hypot(a, b), 2)
--
def f(a, b):
    return round((a * a + b * b) ** 0.5, 2)
== cuboid_volume | side, side2, side3
> find the volume of a cuboid
> compute the volume of a box from its length, width and height
def f(a, b, c):
    return a * b * c
== celsius_to_fahrenheit | signed
> convert a temperature from Celsius to Fahrenheit, rounded to one decimal
> turn degrees Celsius into degrees Fahrenheit (rounded to 1 decimal place)
def f(x):
    return round(x * 9 / 5 + 32, 1)
== max_of_three | signed, signed2, int
> find the largest of three numbers
> return the maximum of three given integers
def f(a, b, c):
    return max(a, b, c)
--
def f(a, b, c):
    best = a
    if b > best:
        best = b
    if c > best:
        best = c
    return best
== sign_name | signed
> describe the sign of a number as 'positive', 'negative' or 'zero'
> return whether a number is positive, negative or zero as a word
def f(x):
    if x > 0:
        return "positive"
    if x < 0:
        return "negative"
    return "zero"
== collatz_steps | pos
> count the steps of the Collatz sequence from n down to 1
> find how many times n must be halved (if even) or tripled plus one (if odd) to reach 1
def f(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
== primes_upto | pos
> find all the prime numbers up to n
> return the list of primes less than or equal to n
def f(n):
    sieve = [True] * (n + 1)
    out = []
    for i in range(2, n + 1):
        if sieve[i]:
            out.append(i)
            for j in range(i * i, n + 1, i):
                sieve[j] = False
    return out
--
def f(n):
    return [p for p in range(2, n + 1) if all(p % d for d in range(2, int(p ** 0.5) + 1))]
== number_to_digits | big
> split a number into the list of its digits
> return the digits of a positive integer as a list
def f(n):
    return [int(d) for d in str(n)]
--
def f(n):
    return list(map(int, str(n)))
== binomial | small, small
> compute the binomial coefficient n choose k
> find the number of ways to choose k items from n
import math
def f(n, k):
    return math.comb(n, k)
--
def f(n, k):
    if k > n:
        return 0
    result = 1
    for i in range(k):
        result = result * (n - i) // (i + 1)
    return result
== index_pairs | ints
> find all the pairs of elements of a list as tuples, in order
> return every combination of two items of the given list
from itertools import combinations
def f(nums):
    return list(combinations(nums, 2))
--
def f(nums):
    return [(nums[i], nums[j]) for i in range(len(nums)) for j in range(i + 1, len(nums))]
== group_runs | ints
> group the consecutive equal elements of a list into (value, count) pairs
> count the frequency of consecutive duplicate elements of a list
from itertools import groupby
def f(nums):
    return [(k, len(list(g))) for k, g in groupby(nums)]
== group_by_initial | words
> group a list of words by their first letter into a dictionary of lists
> build a dictionary that maps each initial letter to the words starting with it
from collections import defaultdict
def f(words):
    groups = defaultdict(list)
    for w in words:
        groups[w[0]].append(w)
    return dict(groups)
--
def f(words):
    groups = {}
    for w in words:
        groups.setdefault(w[0], []).append(w)
    return groups
== most_common_word | sentence
> find the most frequent word of a sentence (the first one on ties)
> return the word that occurs most often in a string
from collections import Counter
def f(text):
    return Counter(text.split()).most_common(1)[0][0]
== string_permutations | short
> find all the distinct permutations of a short string, sorted
> return the sorted list of the different rearrangements of a string
from itertools import permutations
def f(s):
    return sorted(set("".join(p) for p in permutations(s)))
== join_with | words, char
> join a list of strings with a given separator character
> concatenate the words of a list, putting the character c between them
def f(words, ch):
    return ch.join(words)
== sum_dict_values | dict
> find the sum of all the values of a dictionary
> add up the values of the given dictionary
def f(d):
    return sum(d.values())
--
def f(d):
    total = 0
    for k in d:
        total += d[k]
    return total
== key_of_max | dict
> find the key with the largest value in a dictionary
> return the key whose value is the maximum in a dictionary
def f(d):
    return max(d, key=d.get)
--
def f(d):
    return max(d.items(), key=lambda kv: kv[1])[0]
== invert_dict | dict
> swap the keys and the values of a dictionary
> invert a dictionary so that values map to keys
def f(d):
    return {v: k for k, v in d.items()}
--
def f(d):
    out = {}
    for k, v in d.items():
        out[v] = k
    return out
== add_dicts | dict, dict2
> combine two dictionaries by adding the values of common keys
> merge two dictionaries, summing values that share a key
def f(d, other):
    out = dict(d)
    for k, v in other.items():
        out[k] = out.get(k, 0) + v
    return out
== filter_dict | dict, signed
> filter a dictionary to keep only the entries whose value is greater than n
> return the items of a dictionary with values above a given number
def f(d, n):
    return {k: v for k, v in d.items() if v > n}
--
def f(d, n):
    return dict(filter(lambda kv: kv[1] > n, d.items()))
== sorted_keys | dict
> get the keys of a dictionary as a sorted list
> return the sorted list of the keys of a given dictionary
def f(d):
    return sorted(d)
--
def f(d):
    keys = list(d.keys())
    keys.sort()
    return keys
== tuple_sum | tup
> find the sum of the elements of a tuple
> add up all the numbers of the given tuple
def f(tup):
    return sum(tup)
--
def f(tup):
    total = 0
    for x in tup:
        total += x
    return total
== tuple_products | tup, tup2
> multiply the corresponding elements of two tuples
> compute the element-wise product of two tuples
def f(tup, other):
    return tuple(a * b for a, b in zip(tup, other))
--
def f(tup, other):
    return tuple(map(lambda a, b: a * b, tup, other))
== tuple_to_string | tup
> join the elements of a tuple into a string separated by dashes
> convert a tuple of numbers into a string with '-' between them
def f(tup):
    return "-".join(map(str, tup))
--
def f(tup):
    return "-".join(str(x) for x in tup)
== tuple_has | tup, signed
> check whether a tuple contains a given value
> check if the number x is an element of the given tuple
def f(tup, x):
    return x in tup
--
def f(tup, x):
    for v in tup:
        if v == x:
            return True
    return False
== reverse_tuple | tup
> reverse the order of the elements of a tuple
> return the given tuple backwards
def f(tup):
    return tup[::-1]
--
def f(tup):
    return tuple(reversed(tup))
== tuple_greater | tup, tup2
> check whether each element of the first tuple is greater than the corresponding element of the second
> check if every item of one tuple exceeds the item at the same index of another tuple
def f(tup, other):
    return all(a > b for a, b in zip(tup, other))
'''
