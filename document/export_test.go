package document

// RefAppendJSON lets the tests on 10kGNAD records (package document_test,
// which may import extract) hold AppendJSON to its reference.
var RefAppendJSON = refAppendJSON
