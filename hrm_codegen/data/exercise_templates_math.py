"""Exercise templates on numbers (``math``, integer arithmetic, digits, bits, geometry and unit
formulas, number sequences), in the format of :mod:`hrm_codegen.data.exercise_templates`. Written
from the Python language and its standard library documentation only."""

TEMPLATES_TEXT = r'''
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
