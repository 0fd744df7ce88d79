"""Exercise templates on strings (str methods, ``re``, ``string``) and numbers (``math``, integer
arithmetic, digits, bits, geometry and unit formulas, number sequences), in the same format as
:mod:`hrm_codegen.data.exercise_templates`. Written from the Python language and its standard
library documentation only."""

TEMPLATES_TEXT = r'''
== only_vowels | short
> check whether every character of a string is a vowel
> check if the given lower case string contains nothing but vowels
def f(s):
    return all(c in "aeiou" for c in s)
--
def f(s):
    for c in s:
        if c not in "aeiou":
            return False
    return True
--
import re
def f(s):
    return re.fullmatch(r"[aeiou]+", s) is not None
== is_all_letters | mixed
> check whether a string contains only letters
> check if all characters of the given string are alphabetic
def f(s):
    return s.isalpha()
--
import string
def f(s):
    return len(s) > 0 and all(c in string.ascii_letters for c in s)
--
import re
def f(s):
    return bool(re.fullmatch(r"[A-Za-z]+", s))
== count_substring | ab, short
> count the non-overlapping occurrences of a substring in a string
> find how many times a substring occurs in the given string, without overlaps
def f(s, sub):
    return s.count(sub)
--
import re
def f(s, sub):
    return len(re.findall(re.escape(sub), s))
--
def f(s, sub):
    count, i = 0, 0
    while i <= len(s) - len(sub):
        if s[i:i + len(sub)] == sub:
            count += 1
            i += len(sub)
        else:
            i += 1
    return count
== count_overlapping | ab, short
> count the occurrences of a substring in a string, overlapping ones included
> find how many positions of the given string start a copy of the substring
def f(s, sub):
    return sum(1 for i in range(len(s)) if s.startswith(sub, i))
--
def f(s, sub):
    count = 0
    for i in range(len(s) - len(sub) + 1):
        if s[i:i + len(sub)] == sub:
            count += 1
    return count
--
import re
def f(s, sub):
    return len(re.findall("(?=" + re.escape(sub) + ")", s))
== contains_substring | str, short
> check whether a string contains a given substring
> check if the second string occurs somewhere inside the first
def f(s, sub):
    return sub in s
--
def f(s, sub):
    return s.find(sub) != -1
--
def f(s, sub):
    for i in range(len(s) - len(sub) + 1):
        if s[i:i + len(sub)] == sub:
            return True
    return False
== first_char_index | str, char
> find the index of the first occurrence of a character in a string, or -1 if it is absent
> return the position where a character first appears in the given string (-1 when missing)
def f(s, c):
    return s.find(c)
--
def f(s, c):
    for i, ch in enumerate(s):
        if ch == c:
            return i
    return -1
--
def f(s, c):
    return s.index(c) if c in s else -1
== last_char_index | str, char
> find the index of the last occurrence of a character in a string, or -1 if it is absent
> return the position where a character appears for the last time in the given string (-1 when missing)
def f(s, c):
    return s.rfind(c)
--
def f(s, c):
    for i in range(len(s) - 1, -1, -1):
        if s[i] == c:
            return i
    return -1
--
def f(s, c):
    positions = [i for i, ch in enumerate(s) if ch == c]
    return positions[-1] if positions else -1
== char_positions | str, char
> find all the indices at which a character occurs in a string
> return the list of positions of a given character in the string
def f(s, c):
    return [i for i, ch in enumerate(s) if ch == c]
--
def f(s, c):
    out = []
    for i in range(len(s)):
        if s[i] == c:
            out.append(i)
    return out
--
import re
def f(s, c):
    return [m.start() for m in re.finditer(re.escape(c), s)]
== remove_odd_index_chars | str
> remove the characters at odd indices of a string
> keep only the characters of the given string that sit at even positions
def f(s):
    return s[::2]
--
def f(s):
    return "".join(c for i, c in enumerate(s) if i % 2 == 0)
--
def f(s):
    out = ""
    for i in range(0, len(s), 2):
        out += s[i]
    return out
== remove_even_index_chars | str
> remove the characters at even indices of a string
> keep only the characters of the given string that sit at odd positions
def f(s):
    return s[1::2]
--
def f(s):
    return "".join(c for i, c in enumerate(s) if i % 2 == 1)
--
def f(s):
    out = ""
    for i in range(1, len(s), 2):
        out += s[i]
    return out
== remove_digits | mixed
> remove all digits from a string
> delete every numeric character of the given string
import re
def f(s):
    return re.sub(r"\d", "", s)
--
def f(s):
    return "".join(c for c in s if not c.isdigit())
--
def f(s):
    out = ""
    for c in s:
        if c not in "0123456789":
            out += c
    return out
== keep_letters | mixed
> remove every character that is not a letter from a string
> keep only the alphabetic characters of the given string
import re
def f(s):
    return re.sub(r"[^A-Za-z]", "", s)
--
def f(s):
    return "".join(c for c in s if c.isalpha())
--
def f(s):
    return "".join(filter(str.isalpha, s))
== spaces_to_underscores | sentence
> replace every space of a string with an underscore
> turn the blanks of the given text into underscores
def f(s):
    return s.replace(" ", "_")
--
import re
def f(s):
    return re.sub(" ", "_", s)
--
def f(s):
    return "_".join(s.split(" "))
== capitalize_word_ends | sentence
> capitalise the first and the last letter of every word of a sentence
> upper-case the first and last characters of each word in the given text
def f(s):
    out = []
    for w in s.split():
        w = w.lower()
        out.append(w[0].upper() + w[1:-1] + w[-1].upper() if len(w) > 1 else w.upper())
    return " ".join(out)
--
def f(s):
    def fix(w):
        w = w.lower()
        if len(w) == 1:
            return w.upper()
        return w[0].upper() + w[1:-1] + w[-1].upper()
    return " ".join(fix(w) for w in s.split())
== char_at | str, idx
> return the character at a given index of a string
> find the k-th character (counting from 0) of the given string
def f(s, k):
    return s[k]
--
def f(s, k):
    for i, c in enumerate(s):
        if i == k:
            return c
    raise IndexError(k)
--
def f(s, k):
    return list(s)[k]
== string_to_chars | short
> split a string into a list of its characters
> convert the given string to a list of single characters
def f(s):
    return list(s)
--
def f(s):
    return [c for c in s]
--
def f(s):
    out = []
    for c in s:
        out.append(c)
    return out
== string_to_tuple | str
> convert a string to a tuple of its characters
> return the characters of the given string as a tuple
def f(s):
    return tuple(s)
--
def f(s):
    return tuple(c for c in s)
--
def f(s):
    out = ()
    for c in s:
        out += (c,)
    return out
== double_chars | short
> repeat every character of a string twice
> return the string in which each character of the input appears doubled
def f(s):
    return "".join(c * 2 for c in s)
--
def f(s):
    out = ""
    for c in s:
        out += c + c
    return out
--
def f(s):
    return "".join(a + b for a, b in zip(s, s))
== pad_left | short, small
> pad a string on the left with asterisks up to a given width
> right-align the given string in a field of width n, filling with '*'
def f(s, n):
    return s.rjust(n, "*")
--
def f(s, n):
    return "*" * (n - len(s)) + s
--
def f(s, n):
    while len(s) < n:
        s = "*" + s
    return s
== case_digit_counts | mixed
> count the upper case letters, lower case letters and digits of a string, returned as a tuple
> return a tuple with the numbers of capitals, small letters and digits in the given string
def f(s):
    upper = sum(1 for c in s if c.isupper())
    lower = sum(1 for c in s if c.islower())
    digits = sum(1 for c in s if c.isdigit())
    return (upper, lower, digits)
--
def f(s):
    upper = lower = digits = 0
    for c in s:
        if c.isupper():
            upper += 1
        elif c.islower():
            lower += 1
        elif c.isdigit():
            digits += 1
    return (upper, lower, digits)
--
import re
def f(s):
    return (len(re.findall(r"[A-Z]", s)), len(re.findall(r"[a-z]", s)), len(re.findall(r"[0-9]", s)))
== same_first_last | str
> check whether a string starts and ends with the same character
> check if the first and last characters of the given string are equal
def f(s):
    return s[0] == s[-1]
--
def f(s):
    return s.startswith(s[-1])
--
import re
def f(s):
    return re.fullmatch(r"(.).*\1|.", s) is not None
== ends_with_char | str, char
> check whether a string ends with a given character
> check if the last character of the given string is the given letter
def f(s, c):
    return s.endswith(c)
--
def f(s, c):
    return len(s) > 0 and s[-1] == c
--
import re
def f(s, c):
    return re.search(re.escape(c) + "$", s) is not None
== alternate_case | str
> upper-case the characters at even indices of a string and lower-case those at odd indices
> return the given string with its letters alternating upper and lower case, starting with upper case
def f(s):
    return "".join(c.upper() if i % 2 == 0 else c.lower() for i, c in enumerate(s))
--
def f(s):
    out = ""
    for i, c in enumerate(s):
        if i % 2 == 0:
            out += c.upper()
        else:
            out += c.lower()
    return out
== vowel_positions | str
> find the indices of the vowels in a string
> return the list of positions of the vowels of the given lower case word
def f(s):
    return [i for i, c in enumerate(s) if c in "aeiou"]
--
def f(s):
    out = []
    for i in range(len(s)):
        if s[i] in "aeiou":
            out.append(i)
    return out
--
import re
def f(s):
    return [m.start() for m in re.finditer(r"[aeiou]", s)]
== replace_vowels | str, char
> replace every vowel of a string with a given character
> return the string with each of its vowels changed into the given character
import re
def f(s, c):
    return re.sub(r"[aeiou]", c, s)
--
def f(s, c):
    return "".join(c if ch in "aeiou" else ch for ch in s)
--
def f(s, c):
    for v in "aeiou":
        s = s.replace(v, c)
    return s
== sum_digit_chars | mixed
> find the sum of all the digit characters in a string
> add up the digits that appear in the given string
def f(s):
    return sum(int(c) for c in s if c.isdigit())
--
def f(s):
    total = 0
    for c in s:
        if c in "0123456789":
            total += int(c)
    return total
--
import re
def f(s):
    return sum(map(int, re.findall(r"\d", s)))
== ascii_sum | str
> find the sum of the character codes of a string
> add up the ord values of all characters of the given string
def f(s):
    return sum(ord(c) for c in s)
--
def f(s):
    total = 0
    for c in s:
        total += ord(c)
    return total
--
def f(s):
    return sum(map(ord, s))
== has_no_repeats | str
> check whether all the characters of a string are different
> check if no character occurs twice in the given string
def f(s):
    return len(set(s)) == len(s)
--
def f(s):
    seen = set()
    for c in s:
        if c in seen:
            return False
        seen.add(c)
    return True
--
def f(s):
    return all(s.count(c) == 1 for c in s)
== join_chars_with_dash | short
> put a dash between every two consecutive characters of a string
> join the characters of the given string with '-'
def f(s):
    return "-".join(s)
--
def f(s):
    out = ""
    for i, c in enumerate(s):
        if i > 0:
            out += "-"
        out += c
    return out
== words_of_length | sentence, small
> find the words of a sentence that have exactly k letters
> return the words of the given text whose length is k, using regex
import re
def f(s, k):
    return re.findall(r"\b\w{" + str(k) + r"}\b", s)
--
def f(s, k):
    return [w for w in s.split() if len(w) == k]
--
def f(s, k):
    out = []
    for w in s.split():
        if len(w) == k:
            out.append(w)
    return out
== square_perimeter | side
> find the perimeter of a square given its side
> compute the perimeter of a square whose side length is given
def f(a):
    return 4 * a
--
def f(a):
    return a + a + a + a
== cube_surface_area | side
> find the surface area of a cube given its side
> compute the total area of the six faces of a cube
def f(a):
    return 6 * a * a
--
def f(a):
    face = a ** 2
    return 6 * face
== cube_volume | side
> find the volume of a cube given its side
> compute the volume of a cube whose edge length is given
def f(a):
    return a ** 3
--
def f(a):
    return a * a * a
--
import math
def f(a):
    return math.prod([a, a, a])
== sphere_volume | side
> find the volume of a sphere of radius r, rounded to 2 decimal places
> compute 4/3 * pi * r^3 for a given radius, rounded to two decimals
import math
def f(r):
    return round(4 / 3 * math.pi * r ** 3, 2)
--
import math
def f(r):
    volume = (4 * math.pi * r * r * r) / 3
    return round(volume, 2)
== sphere_surface_area | side
> find the surface area of a sphere of radius r, rounded to 2 decimal places
> compute 4 * pi * r^2 for a given radius, rounded to two decimals
import math
def f(r):
    return round(4 * math.pi * r ** 2, 2)
--
import math
def f(r):
    area = 4 * math.pi * r * r
    return round(area, 2)
== cylinder_volume | side, side2
> find the volume of a cylinder with radius r and height h, rounded to 2 decimal places
> compute pi * r^2 * h for a cylinder, rounded to two decimals
import math
def f(r, h):
    return round(math.pi * r ** 2 * h, 2)
--
import math
def f(r, h):
    base = math.pi * r * r
    return round(base * h, 2)
== trapezium_area | side, side2, side3
> find the area of a trapezium with parallel sides a and b and height h
> compute (a + b) / 2 * h for a trapezoid
def f(a, b, h):
    return (a + b) * h / 2
--
def f(a, b, h):
    average = (a + b) / 2
    return average * h
== rhombus_area | side, side2
> find the area of a rhombus given the lengths of its two diagonals
> compute half the product of the diagonals of a rhombus
def f(p, q):
    return p * q / 2
--
def f(p, q):
    return (p * q) / 2.0
== minutes_to_hours | big
> convert a number of minutes into a tuple of hours and remaining minutes
> split a duration given in minutes into whole hours and leftover minutes
def f(n):
    return divmod(n, 60)
--
def f(n):
    return (n // 60, n % 60)
--
def f(n):
    hours = 0
    while n >= 60:
        n -= 60
        hours += 1
    return (hours, n)
== seconds_to_hms | big
> convert a number of seconds into a tuple of hours, minutes and seconds
> split a duration in seconds into (hours, minutes, seconds)
def f(n):
    hours, rest = divmod(n, 3600)
    minutes, seconds = divmod(rest, 60)
    return (hours, minutes, seconds)
--
def f(n):
    return (n // 3600, n % 3600 // 60, n % 60)
== km_to_miles | pos
> convert kilometres to miles (1 km = 0.621371 miles), rounded to 2 decimal places
> change a distance in kilometres into miles, rounded to two decimals
def f(km):
    return round(km * 0.621371, 2)
--
def f(km):
    miles = km * 0.621371
    return round(miles, 2)
== pentagonal_number | pos
> find the n-th pentagonal number
> compute n * (3n - 1) / 2, the n-th pentagonal number
def f(n):
    return n * (3 * n - 1) // 2
--
def f(n):
    total = 0
    for i in range(1, n + 1):
        total += 3 * i - 2
    return total
== hexagonal_number | pos
> find the n-th hexagonal number
> compute n * (2n - 1), the n-th hexagonal number
def f(n):
    return n * (2 * n - 1)
--
def f(n):
    return sum(4 * i - 3 for i in range(1, n + 1))
== star_number | pos
> find the n-th star number
> compute the n-th centred hexagram number, 6n(n - 1) + 1
def f(n):
    return 6 * n * (n - 1) + 1
--
def f(n):
    total = 1
    for i in range(1, n):
        total += 12 * i
    return total
== sum_of_cubes_upto | pos
> find the sum of the cubes of the first n natural numbers
> compute 1^3 + 2^3 + ... + n^3
def f(n):
    return sum(i ** 3 for i in range(1, n + 1))
--
def f(n):
    return (n * (n + 1) // 2) ** 2
--
def f(n):
    total = 0
    for i in range(1, n + 1):
        total += i * i * i
    return total
== sum_first_evens | pos
> find the sum of the first n even natural numbers
> compute 2 + 4 + ... + 2n
def f(n):
    return n * (n + 1)
--
def f(n):
    return sum(range(2, 2 * n + 1, 2))
--
def f(n):
    total = 0
    for i in range(1, n + 1):
        total += 2 * i
    return total
== count_odd_digits | big
> count the odd digits of a positive integer
> find how many digits of the given number are odd
def f(n):
    return sum(1 for d in str(n) if int(d) % 2 == 1)
--
def f(n):
    count = 0
    while n > 0:
        if n % 10 % 2 == 1:
            count += 1
        n //= 10
    return count
--
def f(n):
    return len([d for d in str(n) if d in "13579"])
== alternating_digit_sum | big
> find the alternating sum of the digits of a number, adding the first digit, subtracting the second and so on
> compute d1 - d2 + d3 - d4 + ... over the digits of the given number from the left
def f(n):
    return sum(int(d) if i % 2 == 0 else -int(d) for i, d in enumerate(str(n)))
--
def f(n):
    total = 0
    sign = 1
    for d in str(n):
        total += sign * int(d)
        sign = -sign
    return total
--
def f(n):
    s = str(n)
    return sum(map(int, s[::2])) - sum(map(int, s[1::2]))
== largest_digit | big
> find the largest digit of a number
> return the biggest digit that appears in the given integer
def f(n):
    return max(int(d) for d in str(n))
--
def f(n):
    best = 0
    while n > 0:
        best = max(best, n % 10)
        n //= 10
    return best
--
def f(n):
    return int(max(str(n)))
== is_number_palindrome | int
> check whether a number reads the same forwards and backwards
> check if the digits of the given integer form a palindrome
def f(n):
    return str(n) == str(n)[::-1]
--
def f(n):
    rev, m = 0, n
    while m > 0:
        rev = rev * 10 + m % 10
        m //= 10
    return rev == n
== digital_root | big
> repeatedly add the digits of a number until a single digit remains
> find the digital root of the given positive integer
def f(n):
    while n >= 10:
        n = sum(int(d) for d in str(n))
    return n
--
def f(n):
    return 0 if n == 0 else 1 + (n - 1) % 9
== sum_digit_squares | big
> find the sum of the squares of the digits of a number
> add up the squares of every digit of the given integer
def f(n):
    return sum(int(d) ** 2 for d in str(n))
--
def f(n):
    total = 0
    while n > 0:
        total += (n % 10) ** 2
        n //= 10
    return total
== toggle_bits | bits
> flip all the bits of an 8-bit number
> toggle every bit of the given number between 0 and 255, keeping eight bits
def f(n):
    return n ^ 0xFF
--
def f(n):
    return 255 - n
--
def f(n):
    bits = format(n, "08b")
    return int("".join("1" if b == "0" else "0" for b in bits), 2)
== kth_bit_set | bits, idx
> check whether the k-th bit (counting from 0 at the right) of a number is set
> check if bit number k of the given integer is 1
def f(n, k):
    return (n >> k) & 1 == 1
--
def f(n, k):
    return n & (1 << k) != 0
--
def f(n, k):
    return bin(n)[2:].zfill(k + 1)[-(k + 1)] == "1"
== set_kth_bit | bits, idx
> set the k-th bit (counting from 0 at the right) of a number
> return the number with bit k turned on
def f(n, k):
    return n | (1 << k)
--
def f(n, k):
    return n if (n >> k) & 1 else n + 2 ** k
== zero_bits_8 | bits
> count the zero bits in the 8-bit binary representation of a number
> find how many 0s appear when the given number is written with eight binary digits
def f(n):
    return format(n, "08b").count("0")
--
def f(n):
    return 8 - bin(n).count("1")
--
def f(n):
    count = 0
    for i in range(8):
        if not (n >> i) & 1:
            count += 1
    return count
== to_hex | bits
> convert a number to its hexadecimal representation as a lower case string without prefix
> return the hexadecimal digits of the given non-negative integer
def f(n):
    return format(n, "x")
--
def f(n):
    return hex(n)[2:]
--
def f(n):
    digits = "0123456789abcdef"
    out = ""
    while True:
        out = digits[n % 16] + out
        n //= 16
        if n == 0:
            return out
== to_octal | bits
> convert a number to its octal representation as a string without prefix
> return the base 8 digits of the given non-negative integer
def f(n):
    return oct(n)[2:]
--
def f(n):
    return format(n, "o")
--
def f(n):
    out = ""
    while True:
        out = str(n % 8) + out
        n //= 8
        if n == 0:
            return out
== is_perfect_square | int
> check whether a number is a perfect square
> check if the given non-negative integer is the square of an integer
import math
def f(n):
    return math.isqrt(n) ** 2 == n
--
def f(n):
    i = 0
    while i * i < n:
        i += 1
    return i * i == n
--
def f(n):
    return int(n ** 0.5) ** 2 == n
== parity_name | signed
> return 'even' or 'odd' depending on the parity of a number
> find whether the given integer is even or odd, as a word
def f(n):
    return "even" if n % 2 == 0 else "odd"
--
def f(n):
    return "odd" if n & 1 else "even"
== divisible_by_both | pos, small, small
> check whether a number is divisible by both of two given numbers
> check if n is a multiple of a and also a multiple of b
def f(n, a, b):
    return n % a == 0 and n % b == 0
--
import math
def f(n, a, b):
    return n % math.lcm(a, b) == 0
== multiples_upto | small, pos
> find the multiples of k that do not exceed n
> list k, 2k, 3k, ... up to n inclusive
def f(k, n):
    return list(range(k, n + 1, k))
--
def f(k, n):
    return [i for i in range(1, n + 1) if i % k == 0]
--
def f(k, n):
    out = []
    m = k
    while m <= n:
        out.append(m)
        m += k
    return out
== permutations_count | small, idx
> find the number of ways to arrange k items chosen from n
> compute n! / (n - k)!, the number of k-permutations of n items
import math
def f(n, k):
    return math.perm(n, k)
--
def f(n, k):
    result = 1
    for i in range(k):
        result *= n - i
    return result
== ceil_divide | big, small
> divide two positive integers, rounding the quotient up
> find the ceiling of a / b for positive integers a and b
def f(a, b):
    return -(-a // b)
--
def f(a, b):
    return (a + b - 1) // b
--
def f(a, b):
    q, r = divmod(a, b)
    return q + 1 if r else q
== average_first_n | pos
> find the average of the first n natural numbers
> compute the mean of 1, 2, ..., n
def f(n):
    return sum(range(1, n + 1)) / n
--
def f(n):
    return (n + 1) / 2
== gcd_of_list | pos_ints
> find the greatest common divisor of all numbers in a list
> compute the gcd of the given list of positive integers
import math
def f(nums):
    return math.gcd(*nums)
--
import math
from functools import reduce
def f(nums):
    return reduce(math.gcd, nums)
--
def f(nums):
    g = 0
    for x in nums:
        a, b = g, x
        while b:
            a, b = b, a % b
        g = a
    return g
== lcm_of_list | pos_ints
> find the least common multiple of all numbers in a list
> compute the smallest number divisible by every element of the given list of positive integers
import math
def f(nums):
    return math.lcm(*nums)
--
import math
def f(nums):
    result = 1
    for x in nums:
        result = result * x // math.gcd(result, x)
    return result
== count_multiples | ints, small
> count the elements of a list that are divisible by k
> find how many numbers of the given list are multiples of k
def f(nums, k):
    return sum(1 for x in nums if x % k == 0)
--
def f(nums, k):
    count = 0
    for x in nums:
        if x % k == 0:
            count += 1
    return count
--
def f(nums, k):
    return len([x for x in nums if x % k == 0])
== round_down_multiple | big, small
> round a number down to the nearest multiple of k
> find the largest multiple of k that is not greater than n
def f(n, k):
    return n - n % k
--
def f(n, k):
    return n // k * k
== sum_between | signed, signed2
> find the sum of all integers between two numbers, both included, in either order
> add up every integer from the smaller to the larger of two given numbers
def f(a, b):
    return sum(range(min(a, b), max(a, b) + 1))
--
def f(a, b):
    lo, hi = sorted((a, b))
    return (lo + hi) * (hi - lo + 1) // 2
--
def f(a, b):
    if a > b:
        a, b = b, a
    total = 0
    for i in range(a, b + 1):
        total += i
    return total
== factorial_trailing_zeros | pos
> count the trailing zeros of n factorial
> find how many zeros the decimal representation of n! ends with
def f(n):
    count = 0
    while n >= 5:
        n //= 5
        count += n
    return count
--
import math
def f(n):
    s = str(math.factorial(n))
    return len(s) - len(s.rstrip("0"))
'''
