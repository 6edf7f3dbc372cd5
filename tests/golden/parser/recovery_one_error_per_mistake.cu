// Statement-level recovery: each mistake gives one error at its own token, with no follow-on errors, and
// parsing resumes at the next statement, so later independent mistakes are reported where they are.
// RUN: not bytechipcc -fsyntax-only %s | verify
__global__ void missingSemicolon(int* out)
{
    int x = 3;
    out[0] = x
} // expected-error BC2001 {{expected ';' before '}'}}

__global__ void missingParen(int* out, int n)
{
    if (n > 0 { // expected-error BC2001 {{expected ')' before '{'}}
        out[0] = 1;
    }
    out[1] = 2;
}

__global__ void strayTokenInDeclaration(int* out)
{
    int 3x = 4; // expected-error BC2001 {{unexpected '3x'}}
    out[0] = 1;
}

__global__ void unclosedParen(int* out)
{
    out[0] = (1 + (2 * 3); // expected-error BC2001 {{expected ')' before ';'}}
    out[1] = 4;
}

__global__ void extraParen(int* out)
{
    out[0] = 1); // expected-error BC2001 {{expected ';' before ')'}}
    out[1] = 2;
}

__global__ void badForClause(int* out, int n)
{
    for (int i = 0; i < n +; i++) { out[i] = 1; } // expected-error BC2001 {{unexpected ';'}}
    out[0] = 1;
}

__global__ void badStatementMidFunction(int* out)
{
    out[0] = 1;
    out[1] = = 2; // expected-error BC2001 {{unexpected '='}}
    out[2] = 3;
    else out[3] = 4; // expected-error BC2001 {{unexpected 'else'}}
    out[4] = 5;
}

struct Pair
{
    int first;
    int 2; // expected-error BC2001 {{unexpected '2'}}
    float second;
};

__device__ int sum(int x)
{
    int y = x;
    y += 1;
    return y ]; // expected-error BC2001 {{expected ';' before ']'}}
}
