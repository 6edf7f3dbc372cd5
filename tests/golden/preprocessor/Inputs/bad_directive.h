#define OK 1
#frobnicate
