# Hour of the day, 0-24.
[01]?[0-9]
2[0-4]
