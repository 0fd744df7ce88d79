"""Exercise templates on lists and lists of words, written from the Python language documentation.

Same compact format and input kinds as :mod:`hrm_codegen.data.exercise_templates` (see
:mod:`hrm_codegen.data.exercises`): ``== key | kind, ...``, description paraphrases (``> ...``, without
the "Write a function to" prefix), then reference solutions with canonical names separated by ``--``.
The operations come from the tutorial's sections on lists and sequences (list methods, slicing,
``sorted`` with ``key=``, reversing, grouping, ``zip``, ``min``/``max`` with ``key=``, filtering by
position or value, counting, removing and inserting at positions, merging sorted lists) and are the
short textbook exercises a beginner's Python book asks for. Every solution is deterministic, returns a
small value (never ``None``, never a set of strings) and only raises on a few draws of its inputs; no
MBPP test or validation task was used.
"""

TEMPLATES_TEXT = r'''
== reverse_list | ints
> reverse the order of the elements of a list
> return a new list with the elements of the given list in reverse order
def f(nums):
    return nums[::-1]
--
def f(nums):
    return list(reversed(nums))
== reverse_in_groups | ints, small
> reverse every group of k consecutive elements of a list (the last group may be shorter)
> split a list into groups of size k and reverse each group in place
def f(nums, k):
    out = []
    for i in range(0, len(nums), k):
        out.extend(reversed(nums[i:i + k]))
    return out
--
def f(nums, k):
    return [x for i in range(0, len(nums), k) for x in nums[i:i + k][::-1]]
== reverse_first_k_elements | ints, small
> reverse the first k elements of a list and keep the rest in order
> return the list with its first k elements in reverse order followed by the remaining elements
def f(nums, k):
    return nums[:k][::-1] + nums[k:]
--
def f(nums, k):
    head = nums[:k]
    head.reverse()
    return head + nums[k:]
== odd_position_elements | ints
> return the elements of a list at odd indices (index 1, 3, 5, ...)
> extract every second element of a list starting from the second one
def f(nums):
    return nums[1::2]
--
def f(nums):
    return [x for i, x in enumerate(nums) if i % 2 == 1]
== alternating_list_sum | ints
> find the sum of the elements at even indices minus the sum of the elements at odd indices of a list
> compute the alternating sum of a list: add the first element, subtract the second, add the third and so on
def f(nums):
    return sum(nums[::2]) - sum(nums[1::2])
--
def f(nums):
    total = 0
    for i, x in enumerate(nums):
        if i % 2 == 0:
            total += x
        else:
            total -= x
    return total
== split_list_at | ints, idx
> split a list into two parts at index k and return both parts as a list of two lists
> return the elements before index k and the elements from index k on as two lists
def f(nums, k):
    return [nums[:k], nums[k:]]
--
def f(nums, k):
    first = []
    second = []
    for i, x in enumerate(nums):
        if i < k:
            first.append(x)
        else:
            second.append(x)
    return [first, second]
== middle_elements | ints
> find the middle element of a list, or the two middle elements when its length is even, as a list
> return a list with the middle element of a list of odd length or the two middle elements of a list of even length
def f(nums):
    n = len(nums)
    if n % 2 == 1:
        return [nums[n // 2]]
    return nums[n // 2 - 1:n // 2 + 1]
--
def f(nums):
    n = len(nums)
    return nums[(n - 1) // 2:n // 2 + 1]
== second_smallest | ints
> find the second smallest distinct number in a list
> return the second smallest value of a list, ignoring repeated values
def f(nums):
    return sorted(set(nums))[1]
--
def f(nums):
    distinct = []
    for x in sorted(nums):
        if x not in distinct:
            distinct.append(x)
    return distinct[1]
== replace_value | digits, idx, small
> replace every occurrence of the value a in a list with the value b
> return a copy of a list in which each element equal to a is changed to b
def f(nums, a, b):
    return [b if x == a else x for x in nums]
--
def f(nums, a, b):
    out = list(nums)
    for i in range(len(out)):
        if out[i] == a:
            out[i] = b
    return out
== last_index_of | digits, idx
> find the index of the last occurrence of a value in a list, or -1 if it does not occur
> return the last position at which x appears in a list (-1 when x is absent)
def f(nums, x):
    for i in range(len(nums) - 1, -1, -1):
        if nums[i] == x:
            return i
    return -1
--
def f(nums, x):
    if x not in nums:
        return -1
    return len(nums) - 1 - nums[::-1].index(x)
== swap_positions | ints, idx, idx
> swap the elements at positions i and j of a list
> interchange the elements at two given indices of a list and return the list
def f(nums, i, j):
    nums = list(nums)
    nums[i], nums[j] = nums[j], nums[i]
    return nums
--
def f(nums, i, j):
    a = nums[i]
    b = nums[j]
    return [b if p == i else a if p == j else x for p, x in enumerate(nums)]
== delete_slice | ints, idx, idx
> delete the elements from index i up to but not including index j of a list
> remove the slice from position i to position j (exclusive) of a list
def f(nums, i, j):
    nums = list(nums)
    del nums[i:j]
    return nums
--
def f(nums, i, j):
    return nums[:i] + nums[max(i, j):]
== remove_every_kth | ints, small
> remove every k-th element of a list (the k-th, the 2k-th and so on)
> delete the elements at positions k, 2k, 3k, ... (counting from 1) of a list
def f(nums, k):
    return [x for i, x in enumerate(nums, 1) if i % k != 0]
--
def f(nums, k):
    out = []
    for i in range(len(nums)):
        if (i + 1) % k:
            out.append(nums[i])
    return out
== insert_in_middle | ints, signed
> insert a value in the middle of a list (after the first half of its elements)
> put x at position len // 2 of a list and return the new list
def f(nums, x):
    mid = len(nums) // 2
    return nums[:mid] + [x] + nums[mid:]
--
def f(nums, x):
    out = list(nums)
    out.insert(len(nums) // 2, x)
    return out
== remove_smallest_once | ints
> remove the first occurrence of the smallest element of a list
> delete one copy of the minimum value from a list, keeping the others in order
def f(nums):
    out = list(nums)
    out.remove(min(out))
    return out
--
def f(nums):
    i = nums.index(min(nums))
    return nums[:i] + nums[i + 1:]
== move_max_to_front | ints
> move the largest element of a list to the front, keeping the other elements in order
> return a list that starts with the (first) maximum of a list followed by the remaining elements
def f(nums):
    i = nums.index(max(nums))
    return [nums[i]] + nums[:i] + nums[i + 1:]
--
def f(nums):
    out = list(nums)
    m = max(out)
    out.remove(m)
    return [m] + out
== sort_by_last_digit | nats
> sort a list of non-negative numbers by their last digit, keeping the order of equal last digits
> order the numbers of a list by their units digit
def f(nums):
    return sorted(nums, key=lambda x: x % 10)
--
def f(nums):
    return [x for d in range(10) for x in nums if x % 10 == d]
== max_by_absolute_value | ints
> find the element of a list with the largest absolute value (the first one on ties)
> return the number of a list that is farthest from zero
def f(nums):
    return max(nums, key=abs)
--
def f(nums):
    best = nums[0]
    for x in nums[1:]:
        if abs(x) > abs(best):
            best = x
    return best
== max_by_digit_sum | nats
> find the number of a list whose digits have the largest sum (the first one on ties)
> return the element of a list of non-negative numbers with the greatest digit sum
def f(nums):
    return max(nums, key=lambda x: sum(int(d) for d in str(x)))
--
def f(nums):
    sums = [sum(map(int, str(x))) for x in nums]
    return nums[sums.index(max(sums))]
== suffix_sums | ints
> compute the suffix sums of a list: element i is the sum of the elements from index i to the end
> return a list whose i-th value is the sum of nums[i:]
def f(nums):
    return [sum(nums[i:]) for i in range(len(nums))]
--
def f(nums):
    out = []
    total = 0
    for x in reversed(nums):
        total += x
        out.append(total)
    return out[::-1]
== differences_from_min | ints
> subtract the smallest element of a list from every element
> return how much each element of a list exceeds the minimum of the list
def f(nums):
    m = min(nums)
    return [x - m for x in nums]
--
def f(nums):
    return list(map(lambda x: x - min(nums), nums))
== adjacent_pairs | ints
> return the pairs of adjacent elements of a list as tuples
> list every two neighbouring elements of a list as a tuple, in order
def f(nums):
    return list(zip(nums, nums[1:]))
--
def f(nums):
    return [(nums[i], nums[i + 1]) for i in range(len(nums) - 1)]
== adjacent_maxima | ints
> find the larger of every two adjacent elements of a list
> return a list with the maximum of each pair of neighbouring elements
def f(nums):
    return [max(a, b) for a, b in zip(nums, nums[1:])]
--
def f(nums):
    out = []
    for i in range(1, len(nums)):
        out.append(nums[i] if nums[i] > nums[i - 1] else nums[i - 1])
    return out
== elementwise_min | ints, ints2
> find the element-wise minimum of two lists (up to the length of the shorter one)
> return the smaller of the two elements at each position of two lists
def f(a, b):
    return [min(x, y) for x, y in zip(a, b)]
--
def f(a, b):
    return list(map(min, a, b))
== abs_differences_lists | ints, ints2
> find the absolute difference of the elements at each position of two lists
> return |a[i] - b[i]| for every index i shared by two lists
def f(a, b):
    return [abs(x - y) for x, y in zip(a, b)]
--
def f(a, b):
    n = min(len(a), len(b))
    return [a[i] - b[i] if a[i] > b[i] else b[i] - a[i] for i in range(n)]
== squared_distance | ints, ints2
> find the sum of the squared differences of the elements at the same positions of two lists
> compute the squared euclidean distance between two lists of numbers (over their common length)
def f(a, b):
    return sum((x - y) ** 2 for x, y in zip(a, b))
--
def f(a, b):
    total = 0
    for i in range(min(len(a), len(b))):
        total += (a[i] - b[i]) * (a[i] - b[i])
    return total
== element_at_wrapped_index | ints, pos
> return the element of a list at index n, wrapping around to the start when n is past the end
> find the element at position n of a list treated as circular
def f(nums, n):
    return nums[n % len(nums)]
--
from itertools import cycle, islice
def f(nums, n):
    return next(islice(cycle(nums), n, None))
== mirror_pair_sums | ints
> add the first and the last element, the second and the second to last, and so on, of a list
> return the sums of the pairs of elements at mirrored positions of a list (the middle one of an odd list is left out)
def f(nums):
    n = len(nums)
    return [nums[i] + nums[n - 1 - i] for i in range(n // 2)]
--
def f(nums):
    half = len(nums) // 2
    return [a + b for a, b in zip(nums[:half], nums[::-1][:half])]
== count_of_maximum | digits
> count how many times the largest value occurs in a list
> find the number of elements of a list that are equal to its maximum
def f(nums):
    return nums.count(max(nums))
--
def f(nums):
    m = max(nums)
    return sum(1 for x in nums if x == m)
== positions_of_max | digits
> find all the indices at which the maximum of a list occurs
> return the list of positions of the largest element of a list
def f(nums):
    m = max(nums)
    return [i for i, x in enumerate(nums) if x == m]
--
def f(nums):
    out = []
    for i in range(len(nums)):
        if nums[i] == max(nums):
            out.append(i)
    return out
== greater_than_previous | ints
> return the elements of a list that are greater than the element just before them
> find every element of a list that is bigger than its left neighbour
def f(nums):
    return [b for a, b in zip(nums, nums[1:]) if b > a]
--
def f(nums):
    return [nums[i] for i in range(1, len(nums)) if nums[i] > nums[i - 1]]
== keep_above_average | ints
> return the elements of a list that are greater than the average of the list
> filter a list to the numbers strictly above its mean
def f(nums):
    return [x for x in nums if x * len(nums) > sum(nums)]
--
def f(nums):
    avg = sum(nums) / len(nums)
    return list(filter(lambda x: x > avg, nums))
== elements_divisible_by | ints, small
> return the elements of a list that are divisible by k
> find all numbers of a list that are multiples of a given number k
def f(nums, k):
    return [x for x in nums if x % k == 0]
--
def f(nums, k):
    out = []
    for x in nums:
        if x % k == 0:
            out.append(x)
    return out
== count_below_average | ints
> count the elements of a list that are smaller than the average of the list
> find how many numbers of a list lie strictly below its mean
def f(nums):
    return sum(1 for x in nums if x * len(nums) < sum(nums))
--
def f(nums):
    avg = sum(nums) / len(nums)
    return len([x for x in nums if x < avg])
== sum_last_k | ints, small
> find the sum of the last k elements of a list (the whole list when it is shorter than k)
> add up the final k numbers of a list
def f(nums, k):
    return sum(nums[-k:])
--
def f(nums, k):
    total = 0
    for x in nums[max(0, len(nums) - k):]:
        total += x
    return total
== join_numbers_with_commas | ints
> join the numbers of a list into one string separated by commas
> convert a list of integers to a comma-separated string
def f(nums):
    return ",".join(str(x) for x in nums)
--
def f(nums):
    return ",".join(map(str, nums))
== sublist_lengths | matrix
> find the length of every list in a list of lists
> return the sizes of the inner lists of a nested list
def f(lists):
    return [len(row) for row in lists]
--
def f(lists):
    return list(map(len, lists))
== rows_all_positive | matrix
> return the lists in a list of lists whose elements are all positive
> keep only the inner lists of a nested list in which every number is greater than zero
def f(lists):
    return [row for row in lists if all(x > 0 for x in row)]
--
def f(lists):
    out = []
    for row in lists:
        if min(row) > 0:
            out.append(row)
    return out
== flatten_and_sort | matrix
> flatten a list of lists into one sorted list
> collect all the numbers of a nested list into a single list in ascending order
def f(lists):
    return sorted(x for row in lists for x in row)
--
def f(lists):
    out = []
    for row in lists:
        out.extend(row)
    out.sort()
    return out
== merged_kth_smallest | sorted, sorted, idx
> find the element at index k of the sorted list obtained by merging two sorted lists
> merge two sorted lists and return the k-th smallest element (counting from 0)
def f(a, b, k):
    return sorted(a + b)[k]
--
import heapq
def f(a, b, k):
    return list(heapq.merge(a, b))[k]
== words_ending_with_vowel | words
> return the words of a list that end with a vowel
> keep only the words of a list whose last letter is a, e, i, o or u
def f(words):
    return [w for w in words if w[-1] in "aeiou"]
--
def f(words):
    return list(filter(lambda w: w.endswith(("a", "e", "i", "o", "u")), words))
== words_with_max_length | words
> find all the words of a list that have the greatest length, in order
> return every longest word of a list of words
def f(words):
    n = max(len(w) for w in words)
    return [w for w in words if len(w) == n]
--
def f(words):
    out = []
    for w in words:
        if not out or len(w) > len(out[0]):
            out = [w]
        elif len(w) == len(out[0]):
            out.append(w)
    return out
== unique_words_in_order | words
> remove the repeated words from a list, keeping the first occurrence of each in order
> return the distinct words of a list in the order they first appear
def f(words):
    out = []
    for w in words:
        if w not in out:
            out.append(w)
    return out
--
def f(words):
    return list(dict.fromkeys(words))
== index_of_longest_word | words
> find the index of the longest word in a list of words (the first one on ties)
> return the position of the word with the most letters in a list
def f(words):
    return max(range(len(words)), key=lambda i: len(words[i]))
--
def f(words):
    best = 0
    for i, w in enumerate(words):
        if len(w) > len(words[best]):
            best = i
    return best
== words_longer_than_average | words
> return the words of a list that are longer than the average word length
> keep the words of a list whose length is strictly above the mean length
def f(words):
    total = sum(len(w) for w in words)
    return [w for w in words if len(w) * len(words) > total]
--
def f(words):
    avg = sum(map(len, words)) / len(words)
    return [w for w in words if len(w) > avg]
== sort_words_by_length_then_alpha | words
> sort a list of words by length, and words of the same length alphabetically
> order the words of a list from shortest to longest, breaking ties in alphabetical order
def f(words):
    return sorted(words, key=lambda w: (len(w), w))
--
def f(words):
    return sorted(sorted(words), key=len)
== sorted_unique_words | words
> return the distinct words of a list in alphabetical order
> sort a list of words and drop the duplicates
def f(words):
    return sorted(set(words))
--
def f(words):
    out = []
    for w in sorted(words):
        if not out or out[-1] != w:
            out.append(w)
    return out
== words_with_even_length | words
> return the words of a list that have an even number of letters
> keep only the words of even length from a list of words
def f(words):
    return [w for w in words if len(w) % 2 == 0]
--
def f(words):
    out = []
    for w in words:
        if not len(w) % 2:
            out.append(w)
    return out
== total_vowels_in_words | words
> count the vowels in all the words of a list together
> find the total number of vowels in a list of words
def f(words):
    return sum(1 for w in words for c in w if c in "aeiou")
--
def f(words):
    return sum(sum(w.count(v) for v in "aeiou") for w in words)
== pluralize_words | words
> add the letter s to the end of every word in a list
> return the list of the words with an 's' appended to each
def f(words):
    return [w + "s" for w in words]
--
def f(words):
    return list(map(lambda w: w + "s", words))
== words_with_repeated_letter | words
> return the words of a list that contain some letter more than once
> find the words of a list in which at least one letter is repeated
def f(words):
    return [w for w in words if len(set(w)) < len(w)]
--
def f(words):
    out = []
    for w in words:
        if any(w.count(c) > 1 for c in w):
            out.append(w)
    return out
== word_with_most_distinct_letters | words
> find the word of a list with the most distinct letters (the first one on ties)
> return the word of a list that uses the largest number of different letters
def f(words):
    return max(words, key=lambda w: len(set(w)))
--
def f(words):
    best = words[0]
    for w in words[1:]:
        if len(set(w)) > len(set(best)):
            best = w
    return best
== sort_words_by_vowel_count | words
> sort a list of words by the number of vowels they contain, keeping the order of ties
> order the words of a list from fewest to most vowels
def f(words):
    return sorted(words, key=lambda w: sum(c in "aeiou" for c in w))
--
def f(words):
    counts = [len([c for c in w if c in "aeiou"]) for w in words]
    return [w for n in range(max(counts) + 1) for w, c in zip(words, counts) if c == n]
'''
