"""Exercise templates on conversions and formatting, integer sequences and series, recursion classics and dates.

Same compact format and input kinds as :mod:`hrm_codegen.data.exercise_templates` (see
:mod:`hrm_codegen.data.exercises`). Written from the Python language and standard library documentation
only (bin/oct/hex/int, f-strings, str.format, str methods, math, calendar, datetime); no MBPP test or
validation task was used. Solutions are deterministic and return small non-None values.
"""

TEMPLATES_TEXT = r'''
== int_to_roman | pos
> convert an integer to a roman numeral
> write a positive integer as a string of roman numerals
def f(n):
    vals = [(1000, 'M'), (900, 'CM'), (500, 'D'), (400, 'CD'), (100, 'C'), (90, 'XC'),
            (50, 'L'), (40, 'XL'), (10, 'X'), (9, 'IX'), (5, 'V'), (4, 'IV'), (1, 'I')]
    out = ''
    for v, sym in vals:
        while n >= v:
            out += sym
            n -= v
    return out
== hex_string_to_int | short
> convert a hexadecimal string to a decimal integer
> find the integer value of a string of hexadecimal digits
def f(s):
    return int(s, 16)
--
def f(s):
    value = 0
    for ch in s:
        value = value * 16 + '0123456789abcdef'.index(ch.lower())
    return value
== binary_padded_8 | bits
> convert a number from 0 to 255 to an 8-character binary string padded with leading zeros
> write a byte as exactly eight binary digits
def f(n):
    return format(n, '08b')
--
def f(n):
    return bin(n)[2:].zfill(8)
== reverse_binary_value | bits
> find the number whose binary representation is the reverse of the binary representation of n
> reverse the binary digits of a non-negative integer and return the resulting number
def f(n):
    return int(bin(n)[2:][::-1], 2)
--
def f(n):
    if n == 0:
        return 0
    result = 0
    while n:
        result = result * 2 + (n & 1)
        n >>= 1
    return result
== hex_with_prefix_upper | bits
> convert a number to an upper case hexadecimal string with a '0x' prefix, like '0xFF'
> format a non-negative integer as '0x' followed by its hexadecimal digits in capitals
def f(n):
    return '0x' + format(n, 'X')
--
def f(n):
    return '0x' + hex(n)[2:].upper()
== octal_digit_sum | big
> find the sum of the digits of a number written in octal
> add up the base 8 digits of a positive integer
def f(n):
    return sum(int(c) for c in oct(n)[2:])
--
def f(n):
    total = 0
    while n:
        total += n % 8
        n //= 8
    return total
== fahrenheit_to_celsius | signed
> convert a temperature from Fahrenheit to Celsius, rounded to one decimal
> convert degrees Fahrenheit into degrees Celsius, rounding to 1 decimal place
def f(x):
    return round((x - 32) * 5 / 9, 1)
--
def f(x):
    celsius = (x - 32) / 1.8
    return round(celsius, 1)
== celsius_to_kelvin | signed
> convert a temperature from Celsius to Kelvin, rounded to two decimals
> find the temperature in Kelvin for a temperature given in degrees Celsius
def f(x):
    return round(x + 273.15, 2)
--
def f(x):
    kelvin = x + 273.15
    return round(kelvin, 2)
== miles_to_km | pos
> convert miles to kilometres (1 mile = 1.609344 km), rounded to 2 decimal places
> find how many kilometres a distance given in miles is, to two decimals
def f(n):
    return round(n * 1.609344, 2)
--
def f(n):
    km = n * 1.609344
    return round(km, 2)
== cm_to_inches | pos
> convert centimetres to inches (1 inch = 2.54 cm), rounded to 2 decimal places
> find the length in inches of a length given in centimetres, to two decimals
def f(n):
    return round(n / 2.54, 2)
--
def f(n):
    inches = n / 2.54
    return round(inches, 2)
== hms_to_seconds | int, int, int
> convert hours, minutes and seconds into a total number of seconds
> find how many seconds there are in h hours, m minutes and s seconds
def f(h, m, s):
    return h * 3600 + m * 60 + s
--
def f(h, m, s):
    return (h * 60 + m) * 60 + s
== seconds_to_clock | big
> format a number of seconds as a clock string 'h:mm:ss', with minutes and seconds padded to two digits
> write a duration given in seconds in the form hours:minutes:seconds, like '1:05:09'
def f(n):
    h, rest = divmod(n, 3600)
    m, s = divmod(rest, 60)
    return f'{h}:{m:02d}:{s:02d}'
--
def f(n):
    return '{}:{:02d}:{:02d}'.format(n // 3600, n % 3600 // 60, n % 60)
== minutes_to_days_hours_minutes | big
> convert a number of minutes into a tuple of days, hours and minutes
> split a duration in minutes into whole days, remaining hours and remaining minutes
def f(n):
    days, rest = divmod(n, 1440)
    hours, minutes = divmod(rest, 60)
    return (days, hours, minutes)
--
def f(n):
    return (n // 1440, n % 1440 // 60, n % 60)
== twelve_hour_label | int
> convert an hour of the 24-hour clock (0 to 23) to a 12-hour label such as '12 AM' or '3 PM'
> write an hour from 0 to 23 in 12-hour form with 'AM' or 'PM'
def f(n):
    if not 0 <= n <= 23:
        raise ValueError(n)
    suffix = 'AM' if n < 12 else 'PM'
    hour = n % 12 or 12
    return f'{hour} {suffix}'
== signed_string | signed
> format an integer as a string that always shows its sign, like '+5', '-3' or '+0'
> convert a number to a string with an explicit plus sign for non-negative values
def f(x):
    return f'{x:+d}'
--
def f(x):
    return ('+' if x >= 0 else '') + str(x)
== scientific_notation | big
> format a number in scientific notation with two decimals, like '1.23e+04'
> write a positive integer in exponent form with two digits after the point
def f(n):
    return f'{n:.2e}'
--
def f(n):
    return '{:.2e}'.format(n)
== ratio_two_decimals | signed, pos
> divide two numbers and return the quotient as a string with exactly two decimals
> format a divided by b as a string with two digits after the decimal point
def f(x, y):
    return f'{x / y:.2f}'
--
def f(x, y):
    return '{:.2f}'.format(x / y)
== center_with_stars | short, small
> center a string in a field of the given width, filling both sides with asterisks (the right side gets the extra one)
> pad a string with '*' on both sides so it is centred in a given width, any odd extra asterisk going on the right
def f(s, n):
    return f'{s:*^{n}}'
--
def f(s, n):
    return '{:*^{}}'.format(s, n)
== iso_date_string | year, small, small
> format a year, a month and a day as a date string 'YYYY-MM-DD' with zero padding
> build the ISO date string of a date given as year, month and day numbers
def f(year, m, d):
    return f'{year:04d}-{m:02d}-{d:02d}'
--
import datetime
def f(year, m, d):
    return datetime.date(year, m, d).isoformat()
== number_to_words | int
> write a number from 0 to 99 in English words, like 'twenty one'
> convert a small number to its name in English words
def f(n):
    ones = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
            'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen',
            'eighteen', 'nineteen']
    tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']
    if n < 20:
        return ones[n]
    t, o = divmod(n, 10)
    return tens[t] if o == 0 else tens[t] + ' ' + ones[o]
== digits_to_words | big
> spell out each digit of a number in English, separated by spaces, like 'one two three'
> convert every digit of a number to its English name and join the names with spaces
def f(n):
    names = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']
    return ' '.join(names[int(c)] for c in str(n))
--
def f(n):
    names = 'zero one two three four five six seven eight nine'.split()
    words = []
    for c in str(n):
        words.append(names[int(c)])
    return ' '.join(words)
== ordinal_string | pos
> write a positive integer as an English ordinal, like '1st', '2nd', '3rd', '11th' or '22nd'
> add the ordinal suffix st, nd, rd or th to a number
def f(n):
    if 10 <= n % 100 <= 20:
        suffix = 'th'
    else:
        suffix = {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')
    return str(n) + suffix
--
def f(n):
    ends = ['th', 'st', 'nd', 'rd'] + ['th'] * 6
    return str(n) + ('th' if n % 100 in (11, 12, 13) else ends[n % 10])
== numbers_to_csv | ints
> convert a list of numbers into a single string with the numbers separated by commas
> join the elements of a list of integers into a comma-separated string
def f(nums):
    return ','.join(map(str, nums))
--
def f(nums):
    return ','.join(str(x) for x in nums)
== digits_to_string | digits
> convert a list of digits into a string of those digits
> join a list of single digits into one string, like [1, 0, 3] to '103'
def f(digits):
    return ''.join(map(str, digits))
--
def f(digits):
    s = ''
    for d in digits:
        s += str(d)
    return s
== words_with_and | words
> join a list of words into an English list like 'a, b and c' (a single word stays as it is)
> combine the words of a list with commas and put 'and' before the last one
def f(words):
    if len(words) == 1:
        return words[0]
    return ', '.join(words[:-1]) + ' and ' + words[-1]
--
def f(words):
    *head, last = words
    return ' and '.join([', '.join(head), last]) if head else last
== centered_square_number | pos
> find the n-th centered square number (1, 5, 13, 25, ...)
> compute the n-th term of the centered square numbers, n squared plus (n - 1) squared
def f(n):
    return n * n + (n - 1) * (n - 1)
--
def f(n):
    total = 1
    for k in range(1, n):
        total += 4 * k
    return total
== centered_hexagonal_number | pos
> find the n-th centered hexagonal number (1, 7, 19, 37, ...)
> compute the n-th centered hexagonal number 3n(n - 1) + 1
def f(n):
    return 3 * n * (n - 1) + 1
--
def f(n):
    total = 1
    for k in range(1, n):
        total += 6 * k
    return total
== centered_triangular_number | pos
> find the n-th centered triangular number (1, 4, 10, 19, ...)
> compute the n-th term of the centered triangular numbers
def f(n):
    return (3 * n * n - 3 * n + 2) // 2
--
def f(n):
    total = 1
    for k in range(1, n):
        total += 3 * k
    return total
== tetrahedral_number | pos
> find the n-th tetrahedral number (1, 4, 10, 20, ...)
> find the sum of the first n triangular numbers
def f(n):
    return n * (n + 1) * (n + 2) // 6
--
def f(n):
    return sum(k * (k + 1) // 2 for k in range(1, n + 1))
== heptagonal_number | pos
> find the n-th heptagonal number (1, 7, 18, 34, ...)
> compute the n-th heptagonal number n(5n - 3) / 2
def f(n):
    return n * (5 * n - 3) // 2
--
def f(n):
    total = 0
    for k in range(1, n + 1):
        total += 5 * k - 4
    return total
== lucas_number | int
> find the n-th Lucas number, where L(0) = 2, L(1) = 1 and L(n) = L(n - 1) + L(n - 2)
> compute the n-th term of the Lucas sequence 2, 1, 3, 4, 7, 11, ...
def f(n):
    a, b = 2, 1
    for _ in range(n):
        a, b = b, a + b
    return a
--
def f(n):
    seq = [2, 1]
    while len(seq) <= n:
        seq.append(seq[-1] + seq[-2])
    return seq[n]
== jacobsthal_number | int
> find the n-th Jacobsthal number, where J(0) = 0, J(1) = 1 and J(n) = J(n - 1) + 2 * J(n - 2)
> compute the n-th term of the Jacobsthal sequence 0, 1, 1, 3, 5, 11, 21, ...
def f(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, b + 2 * a
    return a
--
def f(n):
    return (2 ** n - (-1) ** n) // 3
== padovan_number | int
> find the n-th Padovan number, where P(0) = P(1) = P(2) = 1 and P(n) = P(n - 2) + P(n - 3)
> compute the n-th term of the Padovan sequence 1, 1, 1, 2, 2, 3, 4, 5, 7, ...
def f(n):
    seq = [1, 1, 1]
    while len(seq) <= n:
        seq.append(seq[-2] + seq[-3])
    return seq[n]
--
def f(n):
    a, b, c = 1, 1, 1
    for _ in range(n):
        a, b, c = b, c, a + b
    return a
== sum_first_odds | pos
> find the sum of the first n odd natural numbers
> add up 1 + 3 + 5 + ... for the first n odd numbers
def f(n):
    return sum(range(1, 2 * n, 2))
--
def f(n):
    return n * n
== sum_inverse_squares | pos
> find the sum 1 + 1/4 + 1/9 + ... + 1/n**2, rounded to 4 decimal places
> compute the sum of the reciprocals of the first n squares, to four decimals
def f(n):
    return round(sum(1 / (k * k) for k in range(1, n + 1)), 4)
--
def f(n):
    total = 0.0
    for k in range(1, n + 1):
        total += 1 / k ** 2
    return round(total, 4)
== halving_series_sum | pos
> find the sum 1 + 1/2 + 1/4 + ... of the first n terms of the halving series, rounded to 4 decimal places
> add up the first n powers of one half, starting from 1, to four decimals
def f(n):
    return round(sum(1 / 2 ** k for k in range(n)), 4)
--
def f(n):
    return round(2 - 1 / 2 ** (n - 1), 4)
== euler_series | small
> approximate e by the sum 1/0! + 1/1! + ... + 1/n!, rounded to 6 decimal places
> find the sum of the reciprocals of the factorials from 0! to n!, to six decimals
import math
def f(n):
    return round(sum(1 / math.factorial(k) for k in range(n + 1)), 6)
--
def f(n):
    total, term = 1.0, 1.0
    for k in range(1, n + 1):
        term /= k
        total += term
    return round(total, 6)
== alternating_harmonic_sum | pos
> find the sum 1 - 1/2 + 1/3 - 1/4 + ... up to the term 1/n, rounded to 4 decimal places
> compute the first n terms of the alternating harmonic series added together, to four decimals
def f(n):
    return round(sum((-1) ** (k + 1) / k for k in range(1, n + 1)), 4)
--
def f(n):
    total = 0.0
    sign = 1
    for k in range(1, n + 1):
        total += sign / k
        sign = -sign
    return round(total, 4)
== sum_consecutive_products | pos
> find the sum 1*2 + 2*3 + ... + n*(n + 1)
> add up the products k * (k + 1) for k from 1 to n
def f(n):
    return sum(k * (k + 1) for k in range(1, n + 1))
--
def f(n):
    return n * (n + 1) * (n + 2) // 3
== geometric_nth_term | small, small, small
> find the n-th term of a geometric progression with first term a and common ratio r
> compute a * r ** (n - 1), the n-th term of a geometric sequence
def f(a, r, n):
    return a * r ** (n - 1)
--
def f(a, r, n):
    term = a
    for _ in range(n - 1):
        term *= r
    return term
== power_recursive | signed, small
> compute x raised to the power n using recursion
> find the n-th power of a number recursively, without the ** operator
def f(x, n):
    if n == 0:
        return 1
    return x * f(x, n - 1)
--
def f(x, n):
    if n == 0:
        return 1
    half = f(x, n // 2)
    return half * half if n % 2 == 0 else half * half * x
== combinations_with_repetition | small, small
> count the ways to choose k items from n kinds when the same kind may be chosen more than once
> find the number of multisets of size k drawn from n different elements
import math
def f(n, k):
    return math.comb(n + k - 1, k)
--
def f(n, k):
    if k == 0:
        return 1
    if n == 0:
        return 0
    return f(n, k - 1) + f(n - 1, k)
== derangements_count | small
> count the derangements of n items, the permutations in which no item stays in its place
> find the number of ways to rearrange n elements so that none is in its original position
def f(n):
    if n == 0:
        return 1
    if n == 1:
        return 0
    return (n - 1) * (f(n - 1) + f(n - 2))
--
def f(n):
    a, b = 1, 0
    if n == 0:
        return 1
    for k in range(2, n + 1):
        a, b = b, (k - 1) * (a + b)
    return b
== hanoi_moves | small
> find the minimum number of moves needed to solve the tower of Hanoi with n disks
> count the moves of the recursive tower of Hanoi solution for n disks
def f(n):
    if n == 0:
        return 0
    return 2 * f(n - 1) + 1
--
def f(n):
    return 2 ** n - 1
== binary_strings_no_adjacent_ones | small
> count the binary strings of length n that have no two consecutive 1s
> find how many strings of n zeros and ones contain no '11'
def f(n):
    a, b = 1, 2
    for _ in range(n - 1):
        a, b = b, a + b
    return b
--
import itertools
def f(n):
    return sum(1 for bits in itertools.product('01', repeat=n) if '11' not in ''.join(bits))
== weekday_of_date | year, small, small
> find the English name of the weekday of a date given as year, month and day
> return the day of the week, like 'Monday', on which a given date falls
import datetime
def f(year, m, d):
    return datetime.date(year, m, d).strftime('%A')
--
import calendar
def f(year, m, d):
    return calendar.day_name[calendar.weekday(year, m, d)]
== day_of_year | year, small, pos
> find the day of the year (1 for January 1) of a date given as year, month and day
> compute the ordinal day within its year of a given date
import datetime
def f(year, m, d):
    return datetime.date(year, m, d).timetuple().tm_yday
--
import calendar
def f(year, m, d):
    if d > calendar.monthrange(year, m)[1]:
        raise ValueError(d)
    return sum(calendar.monthrange(year, k)[1] for k in range(1, m)) + d
== days_left_in_year | year, small, small
> find how many days remain in the year after a given date
> count the days from a given date to December 31 of the same year, the date itself excluded
import datetime
def f(year, m, d):
    return (datetime.date(year, 12, 31) - datetime.date(year, m, d)).days
--
import calendar
def f(year, m, d):
    total = 366 if calendar.isleap(year) else 365
    return total - sum(calendar.monthrange(year, k)[1] for k in range(1, m)) - d
== leap_years_between | year, year
> count the leap years between two years, both included, given in either order
> find how many leap years lie in the range of years from the smaller to the larger year
import calendar
def f(year, y):
    lo, hi = min(year, y), max(year, y)
    return calendar.leapdays(lo, hi + 1)
--
def f(year, y):
    lo, hi = min(year, y), max(year, y)
    return sum(1 for k in range(lo, hi + 1) if k % 4 == 0 and (k % 100 != 0 or k % 400 == 0))
== iso_week_number | year, small, small
> find the ISO week number of a date given as year, month and day
> return the week of the year, counted the ISO way, in which a date falls
import datetime
def f(year, m, d):
    return datetime.date(year, m, d).isocalendar()[1]
--
import datetime
def f(year, m, d):
    return int(datetime.date(year, m, d).strftime('%V'))
== count_weekday_in_month | year, small
> count the Mondays in a given month of a given year
> find how many Mondays a month has, the month given as a number from 1 to 12
import calendar
def f(year, m):
    return sum(1 for week in calendar.monthcalendar(year, m) if week[0] != 0)
--
import datetime
import calendar
def f(year, m):
    days = calendar.monthrange(year, m)[1]
    return sum(1 for d in range(1, days + 1) if datetime.date(year, m, d).weekday() == 0)
== months_starting_sunday | year
> count the months of a given year whose first day is a Sunday
> find how many months of a year begin on a Sunday
import datetime
def f(year):
    return sum(1 for m in range(1, 13) if datetime.date(year, m, 1).weekday() == 6)
--
import calendar
def f(year):
    return [calendar.weekday(year, m, 1) for m in range(1, 13)].count(6)
== month_quarter | small
> find the quarter of the year (1 to 4) that a month, given as a number from 1 to 12, belongs to
> return which three-month quarter a given month number falls in
def f(n):
    return (n - 1) // 3 + 1
--
import math
def f(n):
    return math.ceil(n / 3)
'''
