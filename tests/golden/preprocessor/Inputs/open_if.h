// Included by conditional_unterminated_header.cu: an #if still open at its end.
#if 1
#define HEADER_VALUE 2
