"""Boolean checks and small classifications, in the style of a beginner's exercise book.

Same compact format and input kinds as :mod:`hrm_codegen.data.exercise_templates`. Written from the
Python language documentation (comparisons, all/any, str.isalpha/isdigit/isupper/endswith, slicing,
sorted, set, collections.Counter, math): "check whether ..." predicates on numbers, strings, lists,
tuples, dictionaries and matrices, and small classifications returning a string or a number (grade
letter, sign as -1/0/1, season of a month, triangle by its angles, quadrant of a point). No MBPP test
or validation task was used; solutions are deterministic, return small non-None values and agree.
"""
TEMPLATES_TEXT = r'''
== sign_as_number | signed
> return the sign of a number as -1, 0 or 1
> find the sign of an integer: -1 for negative numbers, 0 for zero and 1 for positive numbers
def f(x):
    if x > 0:
        return 1
    if x < 0:
        return -1
    return 0
--
def f(x):
    return (x > 0) - (x < 0)
== compare_two_numbers | signed,signed2
> compare two numbers and return -1 if the first is smaller, 0 if they are equal and 1 if it is larger
> return 1, 0 or -1 according to whether x is greater than, equal to or less than y
def f(x, y):
    if x < y:
        return -1
    elif x == y:
        return 0
    return 1
--
def f(x, y):
    return (x > y) - (x < y)
== is_between_inclusive | signed,signed2,int
> check whether a number x lies between y and z, both included, whichever of y and z is smaller
> return True if x is in the closed range from the smaller to the larger of two bounds
def f(x, y, z):
    return min(y, z) <= x <= max(y, z)
--
def f(x, y, z):
    lo, hi = sorted((y, z))
    return lo <= x and x <= hi
== grade_letter | bits
> return the grade letter of a score: 'A' for 90 or more, 'B' for 80 to 89, 'C' for 70 to 79, 'D' for 60 to 69 and 'F' below 60
> convert a numeric score into a letter grade (A at 90 and above, B from 80, C from 70, D from 60, otherwise F)
def f(score):
    if score >= 90:
        return 'A'
    elif score >= 80:
        return 'B'
    elif score >= 70:
        return 'C'
    elif score >= 60:
        return 'D'
    return 'F'
--
def f(score):
    for limit, letter in ((90, 'A'), (80, 'B'), (70, 'C'), (60, 'D')):
        if score >= limit:
            return letter
    return 'F'
== season_of_month | small
> return the season of a month number in the northern hemisphere: 'winter' for 12, 1 and 2, 'spring' for 3 to 5, 'summer' for 6 to 8 and 'autumn' for 9 to 11
> find the season ('winter', 'spring', 'summer' or 'autumn') that a month given as a number from 1 to 12 belongs to
def f(month):
    if month in (12, 1, 2):
        return 'winter'
    if month in (3, 4, 5):
        return 'spring'
    if month in (6, 7, 8):
        return 'summer'
    return 'autumn'
--
def f(month):
    return ['winter', 'spring', 'summer', 'autumn'][month % 12 // 3]
== triangle_by_angles | side,side2,side3
> classify a triangle by its sides as 'right', 'acute' or 'obtuse' by comparing the square of the longest side with the sum of the squares of the other two, or return 'invalid' if the sides cannot form a triangle
> tell whether three side lengths make an 'acute', 'right' or 'obtuse' triangle ('invalid' when they do not form a triangle)
def f(a, b, c):
    x, y, z = sorted((a, b, c))
    if x + y <= z:
        return 'invalid'
    if x * x + y * y == z * z:
        return 'right'
    if x * x + y * y > z * z:
        return 'acute'
    return 'obtuse'
== one_is_sum_of_others | side,side2,side3
> check whether one of three numbers is equal to the sum of the other two
> return True if a + b == c, a + c == b or b + c == a
def f(a, b, c):
    return a + b == c or a + c == b or b + c == a
--
def f(a, b, c):
    x, y, z = sorted((a, b, c))
    return x + y == z
== point_quadrant | signed,signed2
> find the quadrant (1, 2, 3 or 4) of the point (x, y), or 0 when the point lies on an axis
> return the number of the quadrant containing the point (x, y), with 0 for points on the x or y axis
def f(x, y):
    if x == 0 or y == 0:
        return 0
    if x > 0:
        return 1 if y > 0 else 4
    return 2 if y > 0 else 3
== is_perfect_number | pos
> check whether a number is perfect, that is equal to the sum of its proper divisors
> return True if n equals the sum of all its divisors smaller than itself
def f(n):
    return sum(d for d in range(1, n) if n % d == 0) == n
--
def f(n):
    total = 0
    for d in range(1, n):
        if n % d == 0:
            total += d
    return total == n
== is_fibonacci_number | pos
> check whether a number belongs to the Fibonacci sequence 1, 1, 2, 3, 5, 8, ...
> return True if n is a Fibonacci number
def f(n):
    a, b = 1, 1
    while a < n:
        a, b = b, a + b
    return a == n
--
import math
def f(n):
    def square(m):
        return math.isqrt(m) ** 2 == m
    return square(5 * n * n + 4) or square(5 * n * n - 4)
== is_ugly_number | pos
> check whether a positive integer has no prime factors other than 2, 3 and 5
> return True if n is an ugly number, one whose only prime divisors are 2, 3 or 5
def f(n):
    for p in (2, 3, 5):
        while n % p == 0:
            n //= p
    return n == 1
--
def f(n):
    return all(n % p != 0 for p in range(7, n + 1) if all(p % q for q in range(2, p)))
== digits_strictly_increasing | pos
> check whether the digits of a number are strictly increasing from left to right
> return True if every digit of n is larger than the digit before it
def f(n):
    s = str(n)
    return all(s[i] < s[i + 1] for i in range(len(s) - 1))
--
def f(n):
    s = str(n)
    return list(s) == sorted(set(s))
== has_repeated_digit | big
> check whether some digit occurs more than once in a number
> return True if a number contains a repeated digit
def f(n):
    s = str(n)
    return len(set(s)) < len(s)
--
def f(n):
    seen = set()
    for d in str(n):
        if d in seen:
            return True
        seen.add(d)
    return False
== all_digits_even | pos
> check whether all the digits of a number are even
> return True if a number is made only of the digits 0, 2, 4, 6 and 8
def f(n):
    return all(int(d) % 2 == 0 for d in str(n))
--
def f(n):
    while n > 0:
        if n % 10 % 2 == 1:
            return False
        n //= 10
    return True
== divisible_by_digit_sum | big
> check whether a number is divisible by the sum of its digits
> return True if n is a Harshad number, that is a multiple of its digit sum
def f(n):
    return n % sum(int(d) for d in str(n)) == 0
--
def f(n):
    total, m = 0, n
    while m:
        total += m % 10
        m //= 10
    return n % total == 0
== is_strong_number | pos
> check whether a number equals the sum of the factorials of its digits
> return True if n is a strong number, such as 145 = 1! + 4! + 5!
import math
def f(n):
    return sum(math.factorial(int(d)) for d in str(n)) == n
== has_upper_and_lower | mixed
> check whether a string contains at least one upper case letter and at least one lower case letter
> return True if a string has both capital and small letters
def f(s):
    return any(c.isupper() for c in s) and any(c.islower() for c in s)
--
def f(s):
    upper = lower = False
    for c in s:
        if c.isupper():
            upper = True
        elif c.islower():
            lower = True
    return upper and lower
== is_alphanumeric_word | mixed
> check whether a string consists only of letters and digits (no spaces)
> return True if every character of a string is a letter or a digit
def f(s):
    return s.isalnum()
--
import re
def f(s):
    return re.fullmatch(r'[A-Za-z0-9]+', s) is not None
== is_valid_identifier | mixed
> check whether a string is a valid Python identifier made of ASCII letters, digits and underscores, not starting with a digit
> return True if a string could be used as a variable name: letters, digits or underscores only, and not beginning with a digit
def f(s):
    return s.isidentifier()
--
import re
def f(s):
    return re.fullmatch(r'[A-Za-z_][A-Za-z0-9_]*', s) is not None
== all_words_lowercase | sentence
> check whether a sentence is written entirely in lower case
> return True if no letter of a sentence is a capital letter
def f(text):
    return text == text.lower()
--
def f(text):
    return not any(c.isupper() for c in text)
== ends_with_vowel | str
> check whether a string ends with a vowel
> return True if the last character of a word is one of a, e, i, o, u
def f(s):
    return s.endswith(('a', 'e', 'i', 'o', 'u'))
--
def f(s):
    return len(s) > 0 and s[-1] in 'aeiou'
== brackets_balanced_ab | ab
> check whether the letters of a string are balanced like brackets, where 'a' opens, 'b' closes and 'c' is ignored
> return True if, reading left to right, the number of 'b's never exceeds the number of 'a's and both counts are equal at the end
def f(s):
    depth = 0
    for c in s:
        if c == 'a':
            depth += 1
        elif c == 'b':
            depth -= 1
            if depth < 0:
                return False
    return depth == 0
--
def f(s):
    stack = []
    for c in s:
        if c == 'a':
            stack.append(c)
        elif c == 'b':
            if not stack:
                return False
            stack.pop()
    return not stack
== has_double_letter | str
> check whether a string contains two equal characters next to each other
> return True if some character of a string is immediately followed by the same character
def f(s):
    return any(s[i] == s[i + 1] for i in range(len(s) - 1))
--
def f(s):
    for a, b in zip(s, s[1:]):
        if a == b:
            return True
    return False
== letters_in_alphabetical_order | short
> check whether the letters of a string appear in alphabetical order (repeats allowed)
> return True if every character of a string is not smaller than the one before it
def f(s):
    return s == ''.join(sorted(s))
--
def f(s):
    return all(a <= b for a, b in zip(s, s[1:]))
== is_doubled_string | ab
> check whether a string is made of some string written twice in a row
> return True if the first half of a string is equal to its second half (strings of odd length give False)
def f(s):
    half = len(s) // 2
    return len(s) % 2 == 0 and s[:half] == s[half:]
--
def f(s):
    if len(s) % 2:
        return False
    return s == s[:len(s) // 2] * 2
== more_vowels_than_consonants | str
> check whether a word has more vowels than consonants
> return True if the vowels a, e, i, o, u outnumber the other letters of a lower case word
def f(s):
    vowels = sum(c in 'aeiou' for c in s)
    return vowels > len(s) - vowels
--
def f(s):
    v = c = 0
    for ch in s:
        if ch in 'aeiou':
            v += 1
        else:
            c += 1
    return v > c
== char_class_at | mixed,idx
> classify the character at index i of a string as 'upper', 'lower', 'digit' or 'other' (index i is assumed valid)
> return 'upper', 'lower', 'digit' or 'other' depending on the kind of character found at position i of a string
def f(s, i):
    c = s[i]
    if c.isupper():
        return 'upper'
    if c.islower():
        return 'lower'
    if c.isdigit():
        return 'digit'
    return 'other'
--
import string
def f(s, i):
    c = s[i]
    if c in string.ascii_uppercase:
        return 'upper'
    elif c in string.ascii_lowercase:
        return 'lower'
    elif c in string.digits:
        return 'digit'
    else:
        return 'other'
== can_form_palindrome | short
> check whether the letters of a string can be rearranged into a palindrome
> return True if at most one character of a string occurs an odd number of times
from collections import Counter
def f(s):
    return sum(v % 2 for v in Counter(s).values()) <= 1
--
def f(s):
    odd = set()
    for c in s:
        odd ^= {c}
    return len(odd) <= 1
== no_equal_neighbours_ab | ab
> check whether no two neighbouring characters of a string are equal
> return True if every character of a string differs from the one after it
def f(s):
    return all(a != b for a, b in zip(s, s[1:]))
--
def f(s):
    for i in range(1, len(s)):
        if s[i] == s[i - 1]:
            return False
    return True
== words_same_length | words
> check whether all the words of a list have the same length
> return True if every string of a list is as long as the first one
def f(words):
    return len({len(w) for w in words}) == 1
--
def f(words):
    return all(len(w) == len(words[0]) for w in words)
== words_in_alphabetical_order | words
> check whether a list of words is in alphabetical order (equal neighbours allowed)
> return True if a list of strings is sorted alphabetically
def f(words):
    return words == sorted(words)
--
def f(words):
    return all(words[i] <= words[i + 1] for i in range(len(words) - 1))
== is_monotonic | ints
> check whether a list is monotonic, that is entirely non-decreasing or entirely non-increasing
> return True if the elements of a list never go down or never go up
def f(nums):
    return nums == sorted(nums) or nums == sorted(nums, reverse=True)
--
def f(nums):
    up = all(a <= b for a, b in zip(nums, nums[1:]))
    down = all(a >= b for a, b in zip(nums, nums[1:]))
    return up or down
== is_arithmetic_sequence | ints
> check whether the numbers of a list form an arithmetic progression, with the same difference between all neighbours
> return True if every two consecutive elements of a list differ by the same amount
def f(nums):
    return len({b - a for a, b in zip(nums, nums[1:])}) <= 1
--
def f(nums):
    for i in range(2, len(nums)):
        if nums[i] - nums[i - 1] != nums[1] - nums[0]:
            return False
    return True
== contains_sublist | digits,digits
> check whether the second list appears inside the first list as a contiguous block
> return True if the list b occurs in the list a as consecutive elements in the same order
def f(a, b):
    n = len(b)
    return any(a[i:i + n] == b for i in range(len(a) - n + 1))
--
def f(a, b):
    for i in range(len(a) - len(b) + 1):
        if all(a[i + j] == b[j] for j in range(len(b))):
            return True
    return False
== first_half_sum_larger | ints
> check whether the sum of the first half of a list is greater than the sum of its second half (the middle element of an odd-length list belongs to neither half)
> return True if the elements before the middle of a list add up to more than the elements after the middle
def f(nums):
    h = len(nums) // 2
    return sum(nums[:h]) > sum(nums[len(nums) - h:])
--
def f(nums):
    n = len(nums)
    left = right = 0
    for i in range(n // 2):
        left += nums[i]
        right += nums[n - 1 - i]
    return left > right
== more_evens_than_odds | ints
> check whether a list contains more even numbers than odd numbers
> return True if the even elements of a list outnumber the odd ones
def f(nums):
    evens = sum(1 for x in nums if x % 2 == 0)
    return evens > len(nums) - evens
--
def f(nums):
    balance = 0
    for x in nums:
        balance += 1 if x % 2 == 0 else -1
    return balance > 0
== sum_exceeds_value | ints,signed
> check whether the sum of the numbers of a list is greater than a given value
> return True if the total of a list of numbers exceeds x
def f(nums, x):
    return sum(nums) > x
--
def f(nums, x):
    total = 0
    for v in nums:
        total += v
    return total > x
== element_is_sum_of_rest | digits
> check whether some element of a list is equal to the sum of all the other elements
> return True if one of the numbers of a list equals the total of the remaining numbers
def f(nums):
    total = sum(nums)
    return any(2 * x == total for x in nums)
--
def f(nums):
    for i in range(len(nums)):
        if nums[i] == sum(nums[:i] + nums[i + 1:]):
            return True
    return False
== tuple_all_even | tup
> check whether all the elements of a tuple are even
> return True if every number of a tuple is divisible by 2
def f(tup):
    return all(x % 2 == 0 for x in tup)
--
def f(tup):
    for x in tup:
        if x % 2:
            return False
    return True
== tuple_max_at_end | tup
> check whether the last element of a tuple is its largest element
> return True if no element of a tuple is greater than its last element
def f(tup):
    return tup[-1] == max(tup)
--
def f(tup):
    return all(x <= tup[-1] for x in tup)
== pairs_all_ordered | pairs
> check whether the first element of every tuple of a list of pairs is not greater than its second element
> return True if every pair (a, b) of a list satisfies a <= b
def f(pairs):
    return all(a <= b for a, b in pairs)
--
def f(pairs):
    for a, b in pairs:
        if a > b:
            return False
    return True
== pair_sums_distinct | pairs
> check whether the sums of the tuples of a list of pairs are all different
> return True if no two pairs of a list have the same sum of elements
def f(pairs):
    sums = [a + b for a, b in pairs]
    return len(sums) == len(set(sums))
--
def f(pairs):
    seen = set()
    for a, b in pairs:
        if a + b in seen:
            return False
        seen.add(a + b)
    return True
== dict_values_all_positive | dict
> check whether all the values of a dictionary are positive
> return True if every value stored in a dictionary is greater than zero
def f(d):
    return all(v > 0 for v in d.values())
--
def f(d):
    for key in d:
        if d[key] <= 0:
            return False
    return True
== dict_has_value_above | dict,signed
> check whether a dictionary has at least one value greater than x
> return True if some value of a dictionary exceeds a given number
def f(d, x):
    return any(v > x for v in d.values())
--
def f(d, x):
    return max(d.values()) > x
== dicts_share_key | dict,dict2
> check whether two dictionaries have at least one key in common
> return True if some key of the first dictionary is also a key of the second one
def f(d, d2):
    return any(k in d2 for k in d)
--
def f(d, d2):
    return len(d.keys() & d2.keys()) > 0
== dict_values_unique | dict
> check whether all the values of a dictionary are different
> return True if no two keys of a dictionary map to the same value
def f(d):
    return len(set(d.values())) == len(d)
--
def f(d):
    return all(list(d.values()).count(v) == 1 for v in d.values())
== rows_same_length | matrix
> check whether all the rows of a list of lists have the same length
> return True if a list of lists is rectangular, every inner list being as long as the first
def f(matrix):
    return all(len(row) == len(matrix[0]) for row in matrix)
--
def f(matrix):
    return len(set(map(len, matrix))) == 1
== every_row_sorted | matrix
> check whether every row of a list of lists is sorted in non-decreasing order
> return True if each inner list of a matrix is in increasing order (equal neighbours allowed)
def f(matrix):
    return all(row == sorted(row) for row in matrix)
--
def f(matrix):
    for row in matrix:
        for i in range(len(row) - 1):
            if row[i] > row[i + 1]:
                return False
    return True
== matrix_contains_value | matrix,small
> check whether a value occurs anywhere in a list of lists
> return True if x is an element of some row of a matrix
def f(matrix, x):
    return any(x in row for row in matrix)
--
def f(matrix, x):
    return x in [v for row in matrix for v in row]
== some_row_all_positive | matrix
> check whether a list of lists has a row whose elements are all positive
> return True if at least one inner list of a matrix contains only numbers greater than zero
def f(matrix):
    return any(all(v > 0 for v in row) for row in matrix)
--
def f(matrix):
    for row in matrix:
        if min(row) > 0:
            return True
    return False
'''
