"""Exercise templates modelled on the *shapes* of MBPP **train** tasks 788-974 and the prompt tasks 1-10.

Same compact format and input kinds as :mod:`hrm_codegen.data.exercise_templates` (see
:mod:`hrm_codegen.data.exercises`). Each template is a *new*, short, textbook-style program of a train
task's shape (the same operation on another data type, another aggregation or predicate, the inverse,
or a combination), for operations the shipped templates lack; no MBPP solution was copied and no MBPP
test or validation task was used. Solutions are deterministic, agree on every input, never return None
or hash-ordered sets of strings, and keep results small. The comment block above
:data:`TEMPLATES_TEXT` lists the MBPP task ids each template follows.
"""

# Template key: MBPP train / prompt task id(s) whose shape it follows
#   tuple_from_words_and_string: 788   regular_polygon_perimeter: 789   odd_indices_hold_odd: 790
#   last_index_in_sorted: 793   starts_a_ends_b_regex: 794,879   lowest_score_names: 795,10
#   sum_odd_in_range: 797   sum_even_in_range: 962   rotate_byte_left: 799   index_of_minimum: 802
#   is_triangular_number: 803   product_is_even: 804   row_with_largest_sum: 805
#   longest_upper_run: 806   last_odd_number: 807   truncate_words: 812   count_non_space_chars: 813
#   counting_sort_digits: 815   multiples_of_both: 883   count_letters_digits_others: 818,828
#   month_has_31_days: 820,866   starts_with_substring: 823   round_up_multiple: 830
#   largest_number_in_text: 832   keys_with_even_values: 833   min_subarray_sum: 836
#   sum_odd_cubes_upto: 837   count_inversions: 841   odds_before_evens: 844
#   negatives_before_others: 915   factorial_digit_count: 845   sum_odd_divisors: 853
#   has_even_parity: 855   top_k_words: 862   longest_consecutive_sequence: 863
#   last_word_length: 868   is_string_rotation: 871   reverse_each_row: 889   last_of_each_row: 893
#   max_non_adjacent_sum: 895   sentence_has_word: 897   previous_palindrome: 909
#   max_product_of_three: 911   has_triplet_with_sum: 916   coin_change_ways: 918
#   lists_share_element: 942   chinese_zodiac_animal: 950   discriminant: 963
#   contains_all_vowels: 967   same_digit_count: 891   is_isomorphic: 885

TEMPLATES_TEXT = r'''
== tuple_from_words_and_string | words, str
> create a new tuple from a list of strings followed by a given string
> build a tuple holding the words of a list and then the string s at the end
def f(words, s):
    return tuple(words + [s])
--
def f(words, s):
    result = tuple(words)
    return result + (s,)
== regular_polygon_perimeter | small, side
> calculate the perimeter of a regular polygon with n sides of length s
> find the perimeter of a regular polygon given the number of its sides and the length of one side
def f(n, s):
    return n * s
--
def f(n, s):
    total = 0
    for _ in range(n):
        total += s
    return total
== odd_indices_hold_odd | ints
> check whether every odd index of a list contains an odd number
> check whether all the elements at odd positions of a list are odd
def f(nums):
    return all(nums[i] % 2 == 1 for i in range(1, len(nums), 2))
--
def f(nums):
    for x in nums[1::2]:
        if x % 2 == 0:
            return False
    return True
== last_index_in_sorted | sorted, int
> find the last position of an element in a sorted list, or -1 if it is absent
> find the index of the last occurrence of x in a sorted list, returning -1 when x does not occur
def f(arr, x):
    for i in range(len(arr) - 1, -1, -1):
        if arr[i] == x:
            return i
    return -1
--
import bisect
def f(arr, x):
    i = bisect.bisect_right(arr, x) - 1
    return i if i >= 0 and arr[i] == x else -1
== starts_a_ends_b_regex | ab
> check whether a string starts with an 'a', has anything in the middle and ends in 'b', using regex
> match a string that begins with 'a' and ends with 'b' using a regular expression
import re
def f(text):
    return re.fullmatch(r'a.*b', text) is not None
--
def f(text):
    return len(text) >= 2 and text[0] == 'a' and text[-1] == 'b'
== lowest_score_names | named, small
> find the names of the n lowest scores in a list of (name, score) tuples, lowest first
> get the names of the n cheapest items from a list of (name, price) tuples, cheapest first
import heapq
def f(records, n):
    return [name for name, score in heapq.nsmallest(n, records, key=lambda r: r[1])]
--
def f(records, n):
    ordered = sorted(records, key=lambda r: r[1])
    return [r[0] for r in ordered[:n]]
== sum_odd_in_range | int, pos
> find the sum of all odd natural numbers within the range l and r, both included
> add up the odd numbers from l to r inclusive
def f(l, r):
    return sum(x for x in range(l, r + 1) if x % 2 == 1)
--
def f(l, r):
    total = 0
    for x in range(l, r + 1):
        if x % 2:
            total += x
    return total
== sum_even_in_range | int, pos
> find the sum of all even natural numbers within the range l and r, both included
> add up the even numbers from l to r inclusive
def f(l, r):
    return sum(x for x in range(l, r + 1) if x % 2 == 0)
--
def f(l, r):
    start = l if l % 2 == 0 else l + 1
    return sum(range(start, r + 1, 2))
== rotate_byte_left | bits, small
> rotate the 8 bits of a number between 0 and 255 to the left by k positions
> left rotate the bits of an 8-bit number by k places (bits leaving on the left come back on the right)
def f(n, k):
    k %= 8
    return ((n << k) | (n >> (8 - k))) & 255
--
def f(n, k):
    s = format(n, '08b')
    k %= 8
    return int(s[k:] + s[:k], 2)
== index_of_minimum | ints
> find the index of the smallest element of a list (the first one on ties)
> find the position of the minimum value in a list
def f(nums):
    return nums.index(min(nums))
--
def f(nums):
    best = 0
    for i in range(1, len(nums)):
        if nums[i] < nums[best]:
            best = i
    return best
== is_triangular_number | pos
> check whether a number is a triangular number (1, 3, 6, 10, ...)
> check whether n can be written as 1 + 2 + ... + k for some k
def f(n):
    total = k = 0
    while total < n:
        k += 1
        total += k
    return total == n
--
def f(n):
    return any(k * (k + 1) // 2 == n for k in range(1, n + 1))
== product_is_even | ints
> check whether the product of the numbers of a list is even
> find out whether multiplying all the elements of a list gives an even number
def f(nums):
    return any(x % 2 == 0 for x in nums)
--
import math
def f(nums):
    return math.prod(nums) % 2 == 0
== row_with_largest_sum | matrix
> find the list in a list of lists whose sum of elements is the highest (the first one on ties)
> return the inner list with the largest total
def f(lists):
    return max(lists, key=sum)
--
def f(lists):
    best = lists[0]
    for row in lists[1:]:
        if sum(row) > sum(best):
            best = row
    return best
== longest_upper_run | mixed
> find the length of the longest run of consecutive upper case characters in a string
> find the maximum run of uppercase letters in a given string
def f(s):
    best = run = 0
    for ch in s:
        run = run + 1 if ch.isupper() else 0
        best = max(best, run)
    return best
--
import re
def f(s):
    return max((len(m) for m in re.findall(r'[A-Z]+', s)), default=0)
== last_odd_number | ints
> find the last odd number in a list, or -1 if there is none
> return the odd number that occurs last in a given list, and -1 when the list has no odd number
def f(nums):
    for x in reversed(nums):
        if x % 2 != 0:
            return x
    return -1
--
def f(nums):
    odds = [x for x in nums if x % 2 != 0]
    return odds[-1] if odds else -1
== truncate_words | sentence, small
> shorten every word of a sentence to at most k characters
> cut each word of a sentence down to its first k letters, keeping single spaces between the words
def f(text, k):
    return ' '.join(w[:k] for w in text.split())
--
def f(text, k):
    words = []
    for w in text.split():
        words.append(w[:k])
    return ' '.join(words)
== count_non_space_chars | sentence
> find the length of a string without counting its spaces
> count the characters of a sentence that are not spaces
def f(text):
    return len(text.replace(' ', ''))
--
def f(text):
    return sum(1 for ch in text if ch != ' ')
== counting_sort_digits | digits
> sort a list of digits (0 to 9) without using any sorting function, by counting each digit
> sort a list of single digits in increasing order using counting sort
def f(digits):
    counts = [0] * 10
    for d in digits:
        counts[d] += 1
    result = []
    for d in range(10):
        result += [d] * counts[d]
    return result
--
def f(digits):
    return [d for d in range(10) for _ in range(digits.count(d))]
== multiples_of_both | ints, small, small
> find the numbers of a list that are divisible by both m and n, in their original order
> keep the elements of a list that are multiples of m and also of n
def f(nums, m, n):
    return [x for x in nums if x % m == 0 and x % n == 0]
--
def f(nums, m, n):
    return list(filter(lambda x: x % m == 0 and x % n == 0, nums))
== count_letters_digits_others | mixed
> count the letters, the digits and the other characters of a string, returned as a tuple
> find how many alphabets, digits and special characters a given string has
def f(s):
    letters = sum(ch.isalpha() for ch in s)
    digits = sum(ch.isdigit() for ch in s)
    return (letters, digits, len(s) - letters - digits)
--
def f(s):
    a = d = o = 0
    for ch in s:
        if ch.isalpha():
            a += 1
        elif ch.isdigit():
            d += 1
        else:
            o += 1
    return (a, d, o)
== month_has_31_days | small
> check whether the given month number (1 to 12) has 31 days
> check whether a month, given as a number, contains 31 days
def f(m):
    return m in (1, 3, 5, 7, 8, 10, 12)
--
import calendar
def f(m):
    return calendar.monthrange(2023, m)[1] == 31
== starts_with_substring | str, short
> check whether a string starts with a given substring
> check whether the string s begins with the string t, using regex
def f(s, t):
    return s.startswith(t)
--
import re
def f(s, t):
    return re.match(re.escape(t), s) is not None
--
def f(s, t):
    return s[:len(t)] == t
== round_up_multiple | big, small
> round a number up to the nearest multiple of k
> find the smallest multiple of k that is greater than or equal to n
def f(n, k):
    return -(-n // k) * k
--
def f(n, k):
    if n % k == 0:
        return n
    return n + k - n % k
== largest_number_in_text | mixed
> extract the largest number written in a string, using regex, or -1 if it has no digits
> find the maximum numeric value in a string
import re
def f(s):
    return max((int(x) for x in re.findall(r'\d+', s)), default=-1)
--
def f(s):
    best, cur = -1, ''
    for ch in s + ' ':
        if ch.isdigit():
            cur += ch
        elif cur:
            best, cur = max(best, int(cur)), ''
    return best
== keys_with_even_values | dict
> get the keys of a dictionary whose values are even, as a list in the dictionary's order
> find the keys of a dictionary that map to an even number
def f(d):
    return [k for k, v in d.items() if v % 2 == 0]
--
def f(d):
    keys = []
    for k in d:
        if d[k] % 2 == 0:
            keys.append(k)
    return keys
== min_subarray_sum | ints
> find the smallest sum of a contiguous sublist of a list
> find the minimum sum of any non-empty run of consecutive elements of a list
def f(nums):
    best = cur = nums[0]
    for x in nums[1:]:
        cur = min(x, cur + x)
        best = min(best, cur)
    return best
--
def f(nums):
    n = len(nums)
    return min(sum(nums[i:j]) for i in range(n) for j in range(i + 1, n + 1))
== sum_odd_cubes_upto | pos
> find the cube sum of the first n odd natural numbers
> add up the cubes of 1, 3, 5, ... taking the first n odd numbers
def f(n):
    return sum((2 * i - 1) ** 3 for i in range(1, n + 1))
--
def f(n):
    total = 0
    for x in range(1, 2 * n, 2):
        total += x * x * x
    return total
== count_inversions | ints
> count the inversions of a list: the pairs of positions i < j with nums[i] > nums[j]
> count the number of inversions in the given list
def f(nums):
    n = len(nums)
    return sum(1 for i in range(n) for j in range(i + 1, n) if nums[i] > nums[j])
--
def f(nums):
    count = 0
    for i, x in enumerate(nums):
        for y in nums[i + 1:]:
            if x > y:
                count += 1
    return count
== odds_before_evens | ints
> rearrange a list so that its odd numbers come first and its even numbers after them, each group keeping its order
> move all the even elements of a list behind the odd ones without changing their relative order
def f(nums):
    return [x for x in nums if x % 2] + [x for x in nums if x % 2 == 0]
--
def f(nums):
    return sorted(nums, key=lambda x: x % 2 == 0)
== negatives_before_others | ints
> rearrange a list so that the negative numbers come before the others, keeping the order within each group
> move all negative elements of a list to its front, keeping the relative order of all elements
def f(nums):
    return sorted(nums, key=lambda x: x >= 0)
--
def f(nums):
    neg = [x for x in nums if x < 0]
    rest = [x for x in nums if x >= 0]
    return neg + rest
== factorial_digit_count | int
> count the number of digits in the factorial of a given number
> find how many decimal digits n factorial has
import math
def f(n):
    return len(str(math.factorial(n)))
== sum_odd_divisors | pos
> find the sum of the odd factors of a number
> add up all the odd divisors of n, including 1 and n itself when it is odd
def f(n):
    return sum(d for d in range(1, n + 1, 2) if n % d == 0)
--
def f(n):
    total = 0
    for d in range(1, n + 1):
        if n % d == 0 and d % 2 == 1:
            total += d
    return total
== has_even_parity | bits
> check whether a number has even parity, that is an even number of 1 bits
> check for even parity of a given number
def f(n):
    return bin(n).count('1') % 2 == 0
--
def f(n):
    parity = 0
    while n:
        parity ^= n & 1
        n >>= 1
    return parity == 0
== top_k_words | sentence, small
> find the k most common words of a text with their counts, most common first (ties in order of first appearance)
> find the occurrences of the n most common words in a given text as (word, count) pairs
from collections import Counter
def f(text, k):
    return Counter(text.split()).most_common(k)
--
def f(text, k):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return sorted(counts.items(), key=lambda kv: -kv[1])[:k]
== longest_consecutive_sequence | digits
> find the length of the longest run of consecutive integers that can be formed from the values of a list
> find the size of the longest set of consecutive numbers contained in a list, in any order
def f(nums):
    values = set(nums)
    best = 0
    for x in values:
        if x - 1 not in values:
            y = x
            while y in values:
                y += 1
            best = max(best, y - x)
    return best
== last_word_length | sentence
> find the length of the last word in a given string
> count the letters of the final word of a sentence
def f(text):
    return len(text.split()[-1])
--
def f(text):
    return len(text.strip().rsplit(' ', 1)[-1])
== is_string_rotation | short, short
> check whether two strings are rotations of each other
> check whether the string t can be obtained by rotating the string s
def f(s, t):
    return len(s) == len(t) and t in s + s
--
def f(s, t):
    return len(s) == len(t) and any(s[i:] + s[:i] == t for i in range(len(s)))
== reverse_each_row | matrix
> reverse each list in a given list of lists
> reverse the order of the elements inside every inner list of a list of lists
def f(lists):
    return [row[::-1] for row in lists]
--
def f(lists):
    return [list(reversed(row)) for row in lists]
== last_of_each_row | matrix
> get the last element of each sublist of a list of lists
> collect the final item of every inner list into a new list
def f(lists):
    return [row[-1] for row in lists]
--
def f(lists):
    out = []
    for row in lists:
        out.append(row[len(row) - 1])
    return out
== max_non_adjacent_sum | nats
> find the maximum sum of elements of a list such that no two chosen elements are adjacent
> find the largest total of a subsequence of a list that never takes two neighbouring elements
def f(nums):
    take, skip = 0, 0
    for x in nums:
        take, skip = skip + x, max(take, skip)
    return max(take, skip)
--
def f(nums):
    best = [0] * (len(nums) + 2)
    for i in range(len(nums) - 1, -1, -1):
        best[i] = max(best[i + 1], nums[i] + best[i + 2])
    return best[0]
== sentence_has_word | sentence, str
> check whether a word is present in a given sentence
> check whether the string w occurs as a whole word in a sentence
def f(text, w):
    return w in text.split()
--
def f(text, w):
    for word in text.split(' '):
        if word == w:
            return True
    return False
== previous_palindrome | pos
> find the largest palindromic number smaller than n
> find the previous palindrome of a specified number
def f(n):
    for x in range(n - 1, -1, -1):
        if str(x) == str(x)[::-1]:
            return x
    return -1
== max_product_of_three | ints
> find the maximum product of three numbers at different positions of a list (it has at least three)
> compute the largest product that can be made from three elements of a list of integers
def f(nums):
    if len(nums) < 3:
        raise ValueError('need three numbers')
    a = sorted(nums)
    return max(a[-1] * a[-2] * a[-3], a[0] * a[1] * a[-1])
--
from itertools import combinations
def f(nums):
    return max(x * y * z for x, y, z in combinations(nums, 3))
== has_triplet_with_sum | digits, pos
> check whether three elements of a list at different positions add up to a given value
> find if there is a triplet in a list whose sum is equal to the target
from itertools import combinations
def f(nums, target):
    return any(sum(c) == target for c in combinations(nums, 3))
--
def f(nums, target):
    n = len(nums)
    for i in range(n):
        for j in range(i + 1, n):
            for k in range(j + 1, n):
                if nums[i] + nums[j] + nums[k] == target:
                    return True
    return False
== coin_change_ways | pos_ints, pos
> count the ways to make an amount from the distinct coin values of a list, each coin usable any number of times
> count the coin change combinations for a given amount (the order of the coins does not matter)
def f(coins, amount):
    ways = [1] + [0] * amount
    for c in set(coins):
        for v in range(c, amount + 1):
            ways[v] += ways[v - c]
    return ways[amount]
== lists_share_element | ints, ints2
> check whether any element of one list is present in another list
> check whether two lists have at least one value in common
def f(a, b):
    return any(x in b for x in a)
--
def f(a, b):
    return len(set(a) & set(b)) > 0
== chinese_zodiac_animal | year
> find the sign of the Chinese zodiac for a given year (2020 is the year of the Rat)
> return the Chinese zodiac animal of a year, one of twelve animals starting from Rat in 2020
def f(year):
    animals = ['Rat', 'Ox', 'Tiger', 'Rabbit', 'Dragon', 'Snake', 'Horse', 'Goat', 'Monkey', 'Rooster', 'Dog', 'Pig']
    return animals[(year - 2020) % 12]
== discriminant | side, signed, signed2
> calculate the discriminant b*b - 4*a*c of the quadratic equation a*x**2 + b*x + c = 0
> find the discriminant value of a quadratic equation with coefficients a, b and c
def f(a, b, c):
    return b * b - 4 * a * c
--
def f(a, b, c):
    return b ** 2 - 4 * a * c
== contains_all_vowels | sentence
> check whether a string contains all five vowels a, e, i, o and u (ignoring case)
> check whether every vowel appears at least once in a sentence
def f(text):
    return set('aeiou') <= set(text.lower())
--
def f(text):
    return all(v in text.lower() for v in 'aeiou')
== same_digit_count | big, big
> check whether two given numbers have the same number of digits
> check whether two positive integers are equally long when written in decimal
def f(a, b):
    return len(str(a)) == len(str(b))
--
def f(a, b):
    while a > 0 and b > 0:
        a //= 10
        b //= 10
    return a == b == 0
== is_isomorphic | short, short
> check whether two strings are isomorphic: each character of s can be replaced to get t, consistently and one to one
> check whether two strings of the same pattern of repeated characters are isomorphic to each other
def f(s, t):
    return len(s) == len(t) and len(set(s)) == len(set(t)) == len(set(zip(s, t)))
--
def f(s, t):
    return [s.index(c) for c in s] == [t.index(c) for c in t]
'''
