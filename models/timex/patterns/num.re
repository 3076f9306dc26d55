# A quantity: digits (with a decimal comma) or a number word.
[0-9]{1,4}(?:,[0-9]{1,2})?
%fraction
%number
