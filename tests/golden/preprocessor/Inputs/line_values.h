// Included by line_through_include.cu: __LINE__ and __FILE__ of a header.
int header_line = __LINE__;
const char* header_file = __FILE__;
