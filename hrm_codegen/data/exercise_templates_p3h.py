"""Exercise templates on dictionaries, sets, collections, matrices and tuples of pairs.

Same compact format and input kinds as :mod:`hrm_codegen.data.exercise_templates` (see
:mod:`hrm_codegen.data.exercises`). Written from the Python language and standard library
documentation (dict methods get/setdefault/update/pop/items, dict and set comprehensions, set
operators, collections.Counter/defaultdict/deque, nested lists) as simple textbook operations that
the other template modules do not cover yet. No MBPP test or validation task was used; solutions
are deterministic, return small values (never None), and return sorted lists instead of sets of
strings, so nothing depends on string hashing.
"""

TEMPLATES_TEXT = r'''
== key_of_min_value | dict
> find the key with the smallest value in a dictionary (the first one in the dictionary's order on ties)
> return the key of a dictionary whose value is the lowest
def f(d):
    return min(d, key=d.get)
--
def f(d):
    return sorted(d.items(), key=lambda kv: kv[1])[0][0]
== keys_with_max_value | dict
> find all the keys of a dictionary that hold its largest value, as a sorted list
> return the sorted list of keys whose value equals the maximum value of a dictionary
def f(d):
    top = max(d.values())
    return sorted(k for k, v in d.items() if v == top)
--
def f(d):
    return sorted(k for k in d if d[k] == max(d.values()))
== top_k_value_keys | dict, small
> find the keys of the k largest values of a dictionary, largest first (equal values keep the dictionary's order)
> return the keys of a dictionary with the k highest values, from the highest down
def f(d, k):
    return sorted(d, key=lambda x: -d[x])[:k]
--
import heapq
def f(d, k):
    return heapq.nlargest(k, d, key=d.get)
== items_by_value_desc | dict
> sort the items of a dictionary by value from largest to smallest, breaking ties by key, as a list of (key, value) tuples
> return the (key, value) pairs of a dictionary ordered by decreasing value, and by key for equal values
def f(d):
    return sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))
--
def f(d):
    items = sorted(d.items())
    items.sort(key=lambda kv: kv[1], reverse=True)
    return items
== lookup_words_default | dict, words
> look up each word of a list in a dictionary, returning the list of values with -1 for words that are not keys
> map every word of a list to its value in a dictionary, using -1 when the word is missing
def f(d, words):
    return [d.get(w, -1) for w in words]
--
def f(d, words):
    return [d[w] if w in d else -1 for w in words]
== update_dict_with_pairs | dict2, named
> update a dictionary with a list of (key, value) tuples, where later pairs replace earlier values, and return the result
> add the (key, value) tuples of a list to a copy of a dictionary, overwriting existing keys
def f(d, pairs):
    out = dict(d)
    out.update(pairs)
    return out
--
def f(d, pairs):
    return {**d, **dict(pairs)}
== remove_listed_keys | dict, words
> remove the keys given in a list from a dictionary, returning a new dictionary
> delete from a dictionary every key that occurs in a list of words
def f(d, words):
    return {k: v for k, v in d.items() if k not in words}
--
def f(d, words):
    out = dict(d)
    for w in words:
        out.pop(w, None)
    return out
== invert_dict_grouped | dict
> invert a dictionary so that each value maps to the sorted list of keys that have it, values in increasing order
> map every value of a dictionary to the sorted keys holding that value, with the values sorted
def f(d):
    out = {}
    for k, v in d.items():
        out.setdefault(v, []).append(k)
    return {v: sorted(out[v]) for v in sorted(out)}
--
def f(d):
    return {v: sorted(k for k in d if d[k] == v) for v in sorted(set(d.values()))}
== sum_values_by_initial | dict, char
> add up the values of the dictionary entries whose key starts with a given letter
> find the sum of the values of a dictionary for the keys beginning with the character c
def f(d, c):
    return sum(v for k, v in d.items() if k.startswith(c))
--
def f(d, c):
    return sum(d[k] for k in d if k[0] == c)
== merge_dicts_override | dict2, dict2
> merge two dictionaries into a new one, where the second dictionary's value wins for shared keys
> combine two dictionaries, letting the values of the second replace those of the first on common keys
def f(d, other):
    return {**d, **other}
--
def f(d, other):
    out = dict(d)
    out.update(other)
    return out
== product_of_dict_values | dict
> multiply all the values of a dictionary together
> find the product of the values of a dictionary
import math
def f(d):
    return math.prod(d.values())
--
from functools import reduce
def f(d):
    return reduce(lambda a, b: a * b, d.values(), 1)
== average_dict_value | dict
> find the average of the values of a dictionary, rounded to 2 decimal places
> compute the mean of a dictionary's values rounded to two decimals
def f(d):
    return round(sum(d.values()) / len(d), 2)
--
import statistics
def f(d):
    return round(statistics.fmean(d.values()), 2)
== value_count_map | dict
> count how many keys hold each value of a dictionary, as a dictionary with values in order of first appearance
> map each value of a dictionary to the number of keys that have it
from collections import Counter
def f(d):
    return dict(Counter(d.values()))
--
def f(d):
    return {v: list(d.values()).count(v) for v in d.values()}
== dict_keys_upper | dict
> build a new dictionary with every key of the given dictionary converted to upper case
> convert the keys of a dictionary to upper case, keeping their values and order
def f(d):
    return {k.upper(): v for k, v in d.items()}
--
def f(d):
    return dict((k.upper(), v) for k, v in d.items())
== clip_negative_values | dict
> replace the negative values of a dictionary with 0, keeping its keys in order
> return a copy of a dictionary in which every value below zero becomes zero
def f(d):
    return {k: max(v, 0) for k, v in d.items()}
--
def f(d):
    return {k: (v if v > 0 else 0) for k, v in d.items()}
== has_all_keys | dict, words
> check whether every word of a list is a key of a dictionary
> test whether a dictionary contains all the keys given in a list
def f(d, words):
    return all(w in d for w in words)
--
def f(d, words):
    return set(words) <= d.keys()
== keys_only_in_one | dict, dict2
> find the keys that belong to exactly one of two dictionaries, as a sorted list
> return the sorted keys that appear in one dictionary but not in both
def f(d, other):
    return sorted(d.keys() ^ other.keys())
--
def f(d, other):
    out = [k for k in d if k not in other] + [k for k in other if k not in d]
    return sorted(out)
== dict_entries_in_range | dict, int, pos
> keep the entries of a dictionary whose values lie between lo and hi inclusive
> filter a dictionary to the items with a value from lo to hi (both included)
def f(d, lo, hi):
    return {k: v for k, v in d.items() if lo <= v <= hi}
--
def f(d, lo, hi):
    return dict((k, v) for k, v in d.items() if v in range(lo, hi + 1))
== count_by_initial | words
> count how many words of a list start with each letter, as a dictionary sorted by letter
> map every first letter of a list of words to the number of words beginning with it, letters in alphabetical order
from collections import Counter
def f(words):
    return dict(sorted(Counter(w[0] for w in words).items()))
--
def f(words):
    return {c: sum(w[0] == c for w in words) for c in sorted({w[0] for w in words})}
== char_mapping_dict | str, str2
> build a dictionary that maps each character of the first string to the character at the same position of the second, stopping at the shorter string (later positions win for repeated characters)
> pair the characters of two strings position by position into a dictionary
def f(s, t):
    return dict(zip(s, t))
--
def f(s, t):
    return {a: b for a, b in zip(s, t)}
== longest_word_per_initial | words
> map each first letter to the longest word of a list that starts with it (the first one on ties), letters in order of first appearance
> for every initial letter of a list of words find its longest word, as a dictionary
def f(words):
    out = {}
    for w in words:
        if w[0] not in out or len(w) > len(out[w[0]]):
            out[w[0]] = w
    return out
--
def f(words):
    out = {}
    for w in words:
        out[w[0]] = max(out.get(w[0], ''), w, key=len)
    return out
== group_by_sign | ints
> split a list into a dictionary with the keys 'negative', 'zero' and 'positive' holding the matching numbers in order
> group the numbers of a list by their sign into a dictionary of three lists
def f(nums):
    return {'negative': [x for x in nums if x < 0], 'zero': [x for x in nums if x == 0], 'positive': [x for x in nums if x > 0]}
--
def f(nums):
    out = {'negative': [], 'zero': [], 'positive': []}
    for x in nums:
        key = 'negative' if x < 0 else 'zero' if x == 0 else 'positive'
        out[key].append(x)
    return out
== vowel_count_map | words
> map each word of a list to the number of vowels it contains
> build a dictionary from every word of a list to its count of vowels
def f(words):
    return {w: sum(ch in 'aeiou' for ch in w) for w in words}
--
def f(words):
    return {w: len([c for c in w if c in 'aeiou']) for w in words}
== char_last_index | str
> map each character of a string to the index of its last occurrence, characters in order of first appearance
> build a dictionary giving the last position of every character of a string
def f(s):
    return {ch: i for i, ch in enumerate(s)}
--
def f(s):
    out = {}
    for ch in s:
        out[ch] = s.rindex(ch)
    return out
== letter_positions_map | short
> map each letter of a string to the list of positions where it occurs, letters in order of first appearance
> build a dictionary from every character of a string to the indexes at which it appears
def f(s):
    out = {}
    for i, ch in enumerate(s):
        out.setdefault(ch, []).append(i)
    return out
--
def f(s):
    return {ch: [i for i, c in enumerate(s) if c == ch] for ch in dict.fromkeys(s)}
== group_by_last_letter | words
> group a list of words by their last letter into a dictionary of lists, letters in sorted order
> collect the words of a list under their final letter, returning a dictionary with sorted keys
def f(words):
    out = {}
    for w in words:
        out.setdefault(w[-1], []).append(w)
    return dict(sorted(out.items()))
--
def f(words):
    return {c: [w for w in words if w[-1] == c] for c in sorted({w[-1] for w in words})}
== common_of_three | digits, digits, digits
> find the values that occur in all three lists, in increasing order
> return the sorted distinct elements common to three lists
def f(a, b, c):
    return sorted(set(a) & set(b) & set(c))
--
def f(a, b, c):
    return sorted(set(a).intersection(b, c))
== union_count | ints, ints2
> count the distinct values that occur in at least one of two lists
> find the size of the union of the values of two lists
def f(a, b):
    return len(set(a) | set(b))
--
def f(a, b):
    return len(set(a + b))
== jaccard_similarity | digits, digits
> find the Jaccard similarity of two lists: the number of distinct shared values divided by the number of distinct values overall, rounded to 2 decimals
> compute the size of the intersection over the size of the union of the value sets of two lists, rounded to two decimal places
def f(a, b):
    sa, sb = set(a), set(b)
    return round(len(sa & sb) / len(sa | sb), 2)
--
def f(a, b):
    union = set(a).union(b)
    shared = set(a).intersection(b)
    return round(len(shared) / len(union), 2)
== sum_distinct | ints
> find the sum of the distinct values of a list, counting each value once
> add up the different numbers of a list, ignoring repeats
def f(nums):
    return sum(set(nums))
--
def f(nums):
    return sum(dict.fromkeys(nums))
== is_proper_subset | digits, digits
> check whether the set of values of the first list is a proper subset of the set of values of the second list
> test whether every value of the first list occurs in the second list while the second list has some value the first does not
def f(a, b):
    return set(a) < set(b)
--
def f(a, b):
    sa, sb = set(a), set(b)
    return sa.issubset(sb) and sa != sb
== missing_upto_n | nats, small
> find the numbers from 1 to n that do not occur in a list, in increasing order
> return the sorted list of integers between 1 and n that are missing from a list
def f(nums, n):
    return sorted(set(range(1, n + 1)) - set(nums))
--
def f(nums, n):
    return [i for i in range(1, n + 1) if i not in nums]
== count_members | ints, ints2
> count the elements of the first list, with repeats, whose value also occurs in the second list
> find how many items of one list are present in another list
def f(a, b):
    sb = set(b)
    return sum(1 for x in a if x in sb)
--
def f(a, b):
    return len([x for x in a if x in b])
== multiset_difference | digits, digits
> remove from the first list one occurrence of each element of the second list (where present), keeping the order of the rest
> subtract a list from another as multisets, deleting one matching element for every element of the second list
def f(a, b):
    left = list(a)
    for x in b:
        if x in left:
            left.remove(x)
    return left
--
from collections import Counter
def f(a, b):
    remove = Counter(b)
    out = []
    for x in a:
        if remove[x] > 0:
            remove[x] -= 1
        else:
            out.append(x)
    return out
== same_multiset | digits, digits
> check whether two lists hold the same values with the same counts, in any order
> test whether one list is a rearrangement of another
def f(a, b):
    return sorted(a) == sorted(b)
--
from collections import Counter
def f(a, b):
    return Counter(a) == Counter(b)
== word_counts_sorted | words
> count the occurrences of each word of a list, returned as (word, count) tuples sorted by count from highest to lowest and then by word
> list the distinct words of a list with their counts, most frequent first and alphabetical among equal counts
from collections import Counter
def f(words):
    return sorted(Counter(words).items(), key=lambda p: (-p[1], p[0]))
--
def f(words):
    return sorted(((w, words.count(w)) for w in set(words)), key=lambda p: (-p[1], p[0]))
== length_histogram | sentence
> count how many words of a sentence have each length, as a dictionary sorted by length
> map every word length of a text to the number of words with that length, lengths in increasing order
from collections import Counter
def f(text):
    return dict(sorted(Counter(len(w) for w in text.split()).items()))
--
def f(text):
    lengths = [len(w) for w in text.split()]
    return {n: lengths.count(n) for n in sorted(set(lengths))}
== common_letters_with_repeats | str, str2
> find the letters two strings have in common, each repeated as many times as it occurs in both, as a sorted string
> return the sorted multiset intersection of the characters of two strings as a string
from collections import Counter
def f(s, t):
    return ''.join(sorted((Counter(s) & Counter(t)).elements()))
--
def f(s, t):
    return ''.join(sorted(ch * min(s.count(ch), t.count(ch)) for ch in set(s)))
== adjacency_lists | pairs
> treat each pair as an undirected edge between two nodes and map every node to the sorted list of its distinct neighbours, nodes in increasing order
> build the adjacency lists of an undirected graph given as a list of edges, as a dictionary with sorted keys and sorted neighbour lists
def f(pairs):
    adj = {}
    for a, b in pairs:
        adj.setdefault(a, set()).add(b)
        adj.setdefault(b, set()).add(a)
    return {n: sorted(adj[n]) for n in sorted(adj)}
--
def f(pairs):
    nodes = sorted({x for p in pairs for x in p})
    return {n: sorted({b for a, b in pairs if a == n} | {a for a, b in pairs if b == n}) for n in nodes}
== node_degrees | pairs
> treat each pair as an undirected edge and count the edges at each node (a loop (a, a) counts twice), as a dictionary in increasing node order
> find the degree of every node of a graph given as a list of edges, returned as a dictionary sorted by node
from collections import Counter
def f(pairs):
    c = Counter()
    for a, b in pairs:
        c[a] += 1
        c[b] += 1
    return dict(sorted(c.items()))
--
def f(pairs):
    nodes = sorted({x for p in pairs for x in p})
    return {n: sum(p.count(n) for p in pairs) for n in nodes}
== window_maxima | ints, small
> find the maximum of every window of k consecutive elements of a list, in order
> return the largest value of each run of k neighbouring elements of a list
def f(nums, k):
    return [max(nums[i:i + k]) for i in range(len(nums) - k + 1)]
--
from collections import deque
def f(nums, k):
    window = deque(maxlen=k)
    out = []
    for x in nums:
        window.append(x)
        if len(window) == k:
            out.append(max(window))
    return out
== zigzag_from_ends | ints
> reorder a list by taking elements alternately from the front and the back: first, last, second, second to last, and so on
> build a new list by picking from the two ends of a list in turn, starting with the first element
from collections import deque
def f(nums):
    d = deque(nums)
    out = []
    while d:
        out.append(d.popleft())
        if d:
            out.append(d.pop())
    return out
--
def f(nums):
    n = len(nums)
    return [nums[i // 2] if i % 2 == 0 else nums[n - 1 - i // 2] for i in range(n)]
== dedupe_keep_last | digits
> remove duplicate values from a list, keeping the last occurrence of each, in the order of those occurrences
> drop every element of a list that appears again later in the list
def f(nums):
    return [x for i, x in enumerate(nums) if x not in nums[i + 1:]]
--
def f(nums):
    seen = set()
    out = []
    for x in reversed(nums):
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out[::-1]
== get_cell | square, idx, idx
> get the element at row i and column j of a square matrix, or -1 when the position lies outside it
> return matrix[i][j] of a square matrix, using -1 for indexes that are too large
def f(m, i, j):
    return m[i][j] if i < len(m) and j < len(m) else -1
--
def f(m, i, j):
    return m[i][j] if max(i, j) < len(m) else -1
== row_ranges | matrix
> find the difference between the largest and the smallest element of each row of a list of lists
> return the range (maximum minus minimum) of every inner list of a list of lists
def f(m):
    return [max(r) - min(r) for r in m]
--
def f(m):
    return list(map(lambda r: max(r) - min(r), m))
== delete_column | matrix, idx
> remove the element at index k from every row of a list of lists (rows that are too short stay unchanged)
> delete column k of a list of lists, returning a new list of lists
def f(m, k):
    return [r[:k] + r[k + 1:] for r in m]
--
def f(m, k):
    return [[x for j, x in enumerate(r) if j != k] for r in m]
== column_major_flatten | square
> flatten a square matrix column by column into one list
> read the elements of a square matrix going down each column from left to right
def f(m):
    return [x for col in zip(*m) for x in col]
--
def f(m):
    return [m[i][j] for j in range(len(m)) for i in range(len(m))]
== position_of_max | matrix
> find the (row, column) position of the largest element of a list of lists, the first one in reading order on ties
> return the row and column indexes of the maximum of a list of lists as a tuple
def f(m):
    best = max(map(max, m))
    return next((i, r.index(best)) for i, r in enumerate(m) if best in r)
--
def f(m):
    cells = [(i, j) for i, r in enumerate(m) for j in range(len(r))]
    return max(cells, key=lambda p: m[p[0]][p[1]])
== find_in_matrix | matrix, int
> find all (row, column) positions of a value in a list of lists, in reading order
> return the list of (row, column) tuples where x occurs in a list of lists
def f(m, x):
    return [(i, j) for i, r in enumerate(m) for j, v in enumerate(r) if v == x]
--
def f(m, x):
    return [(i, j) for i in range(len(m)) for j in range(len(m[i])) if m[i][j] == x]
== border_sum | square
> find the sum of the elements on the border (first and last row and column) of a square matrix
> add up the outer ring of a square matrix
def f(m):
    n = len(m)
    return sum(m[i][j] for i in range(n) for j in range(n) if i in (0, n - 1) or j in (0, n - 1))
--
def f(m):
    return sum(map(sum, m)) - sum(sum(r[1:-1]) for r in m[1:-1])
== upper_triangle_sum | square
> find the sum of the elements on and above the main diagonal of a square matrix
> add up the upper triangular part of a square matrix, the diagonal included
def f(m):
    return sum(sum(r[i:]) for i, r in enumerate(m))
--
def f(m):
    return sum(m[i][j] for i in range(len(m)) for j in range(i, len(m)))
== sort_rows_by_column | square, idx
> sort the rows of a square matrix by their element in column k, keeping the order of rows with equal values
> order the rows of a matrix by the value in a given column
def f(m, k):
    return sorted(m, key=lambda r: r[k])
--
from operator import itemgetter
def f(m, k):
    return sorted(m, key=itemgetter(k))
== append_row_sums | matrix
> append to every row of a list of lists the sum of its elements, returning a new list of lists
> extend each inner list of a list of lists with its total
def f(m):
    return [r + [sum(r)] for r in m]
--
def f(m):
    return [[*r, sum(r)] for r in m]
== identity_matrix | idx
> build the n by n identity matrix as a list of lists
> create a square matrix of size n with ones on the main diagonal and zeros elsewhere
def f(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]
--
def f(n):
    return [[0] * i + [1] + [0] * (n - i - 1) for i in range(n)]
== common_to_all_rows | matrix
> find the values that occur in every row of a list of lists, in increasing order
> return the sorted elements common to all the inner lists of a list of lists
def f(m):
    return sorted(set(m[0]).intersection(*m))
--
def f(m):
    return sorted({x for x in m[0] if all(x in r for r in m)})
== order_each_pair | pairs
> rewrite every tuple of a list of pairs as (smaller, larger)
> sort the two elements inside each pair of a list of pairs
def f(pairs):
    return [(min(a, b), max(a, b)) for a, b in pairs]
--
def f(pairs):
    return [tuple(sorted(p)) for p in pairs]
== pairs_elementwise_sum | pairs
> add up the first elements and the second elements of a list of pairs separately, returning a tuple of the two sums
> find the totals of the first and of the second components of a list of pairs
def f(pairs):
    return tuple(map(sum, zip(*pairs)))
--
def f(pairs):
    return (sum(a for a, _ in pairs), sum(b for _, b in pairs))
== pairs_component_maxima | pairs
> find the largest first element and the largest second element of a list of pairs, returned as a tuple
> return a tuple of the maximum of the first components and the maximum of the second components of a list of pairs
def f(pairs):
    return tuple(map(max, zip(*pairs)))
--
def f(pairs):
    return (max(a for a, _ in pairs), max(b for _, b in pairs))
'''
