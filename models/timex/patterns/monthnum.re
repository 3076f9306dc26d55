# Month number, 1-12, with an optional leading zero.
0?[1-9]
1[0-2]
