# Day of the month, 1-31, with an optional leading zero.
0?[1-9]
[12][0-9]
3[01]
