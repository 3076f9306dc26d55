# Minutes, two digits.
[0-5][0-9]
