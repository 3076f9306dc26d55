# A quantity: digits (with a decimal comma) or a number word.
[0-9]+(?:,[0-9]+)?
%fraction
%number
