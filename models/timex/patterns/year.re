# A four-digit year between 1000 and 2099.
1[0-9]{3}
20[0-9]{2}
