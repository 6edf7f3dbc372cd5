/*
 * The CUDA subset accepted by bytechipcc (see compiler/docs/frontend.md).
 *
 * The parser never sees raw text: TokenClassifier turns the preprocessor's tokens into these token types. The
 * lexer rules below exist only to name the token types (the generated lexer is not used).
 *
 * Typedef ambiguity (T * x;  (T)(x);  T(x)): decided before parsing. TokenClassifier keeps a scope table of
 * type names (typedef, struct/union/enum/class names, template type parameters scoped to their template,
 * `using X =` aliases and the built-in vector types) and emits TypeName for those identifiers, TemplateName
 * for names of function templates. The grammar therefore has no semantic predicates, SLL prediction stays
 * exact, and every statement has one reading: `T * x;` with T a TypeName is a declaration, with T an
 * Identifier a multiplication. A local variable or parameter that shadows a type name (`int count = 0;` with a
 * struct `count` in scope) is an Identifier from its declarator to the end of its scope, as in C++.
 *
 * Host code: TokenClassifier replaces bodies of host functions by one HostBody token and top-level host-only
 * constructs (namespaces, classes, std:: declarations, templates without __device__/__global__) by one
 * HostCode token, so `kernel<<<g, b>>>(...)`, iostreams and std::vector never reach this grammar.
 */
grammar Cuda;

// Every context derives from CudaRuleContext (Syntax/CudaRuleContext.cs), whose non-virtual child accessors the
// generated ones bind to instead of ANTLR's generic virtual GetRuleContext<T> (slow to resolve in NativeAOT).
options { contextSuperClass = CudaRuleContext; }

tokens { TypeName, TemplateName, HostCode, HostBody, PragmaUnroll, PragmaUnrollCount, PragmaEnd, PragmaOther }

// ------------------------------------------------------------------ top level

translationUnit
    : externalDeclaration* EOF
    ;

externalDeclaration
    : HostCode
    | PragmaUnroll
    | PragmaUnrollCount pragmaArgument
    | PragmaOther
    | linkageSpecification
    | templatePrefix? functionDefinition
    | templatePrefix? declaration
    | ';'
    ;

linkageSpecification
    : 'extern' StringLiteral '{' externalDeclaration* '}'
    ;

templatePrefix
    : 'template' '<' (templateParameter (',' templateParameter)*)? '>'
    ;

templateParameter
    : ('typename' | 'class') TypeName ('=' typeName)?
    | declSpecifiers Identifier ('=' templateArgument)?
    ;

functionDefinition
    : declSpecifiers declarator functionBody
    ;

functionBody
    : compoundStatement
    | HostBody
    ;

// ------------------------------------------------------------------ declarations

declaration
    : declSpecifiers initDeclaratorList? ';'
    | 'using' TypeName '=' typeName ';'
    | 'static_assert' '(' conditionalExpression (',' StringLiteral+)? ')' ';'
    ;

declSpecifiers
    : declSpecifier+
    ;

declSpecifier
    : storageClassSpecifier
    | typeSpecifier
    | typeQualifier
    | functionSpecifier
    | attributeSpecifier
    ;

storageClassSpecifier
    : 'typedef'
    | 'extern' StringLiteral?
    | 'static'
    | 'register'
    | 'constexpr'
    | '__shared__'
    | '__constant__'
    | '__managed__'
    ;

functionSpecifier
    : '__global__'
    | '__device__'
    | '__host__'
    | '__forceinline__'
    | '__noinline__'
    | 'inline'
    | '__inline__'
    | 'virtual'
    | 'explicit'
    ;

attributeSpecifier
    : '__launch_bounds__' '(' argumentList ')'
    | '__align__' '(' expression ')'
    | 'alignas' '(' (expression | typeName) ')'
    | '__attribute__' '(' '(' balancedTokens* ')' ')'
    ;

balancedTokens
    : '(' balancedTokens* ')'
    | ~('(' | ')')
    ;

typeQualifier
    : 'const'
    | 'volatile'
    | '__restrict__'
    | '__restrict'
    | 'restrict'
    ;

typeSpecifier
    : 'void'
    | 'char'
    | 'short'
    | 'int'
    | 'long'
    | 'float'
    | 'double'
    | 'signed'
    | 'unsigned'
    | 'bool'
    | '_Bool'
    | '__half'
    | 'auto'
    | structSpecifier
    | enumSpecifier
    | typenameSpecifier
    ;

typenameSpecifier
    : 'typename'? nestedNameSpecifier? TypeName templateArguments?
    ;

nestedNameSpecifier
    : ((Identifier | TypeName) '::')+
    | '::'
    ;

templateArguments
    : '<' (templateArgument (',' templateArgument)*)? '>'
    ;

// A type, or a value: an expression in which, as in C++, the first `>` outside brackets closes the argument list
// (`f<A == B>`, `g<N - 1>`, `h<(A > B)>`: `>` and `>>` are no operators here). The alternatives share no first token
// but a type name (a type, or a functional cast `T(x)`), so prediction looks one or two tokens ahead.
templateArgument
    : typeName
    | templateArgumentExpression
    ;

templateArgumentExpression
    : castExpression
    | templateArgumentExpression op=('*' | '/' | '%') templateArgumentExpression
    | templateArgumentExpression op=('+' | '-') templateArgumentExpression
    | templateArgumentExpression op='<<' templateArgumentExpression
    | templateArgumentExpression op=('<' | '<=' | '>=') templateArgumentExpression
    | templateArgumentExpression op=('==' | '!=') templateArgumentExpression
    | templateArgumentExpression op='&' templateArgumentExpression
    | templateArgumentExpression op='^' templateArgumentExpression
    | templateArgumentExpression op='|' templateArgumentExpression
    | templateArgumentExpression op='&&' templateArgumentExpression
    | templateArgumentExpression op='||' templateArgumentExpression
    ;

structSpecifier
    : structKey attributeSpecifier* TypeName? '{' memberDeclaration* '}'
    | structKey attributeSpecifier* TypeName
    ;

structKey
    : 'struct'
    | 'union'
    ;

memberDeclaration
    : HostCode
    | accessSpecifier ':'
    | templatePrefix? functionDefinition
    | constructorDefinition
    | declaration
    | PragmaOther
    | ';'
    ;

accessSpecifier
    : 'public'
    | 'private'
    | 'protected'
    ;

constructorDefinition
    : (functionSpecifier | attributeSpecifier)* TypeName '(' parameterList? ')' constructorInitializer? (functionBody | ';' | '=' 'default' ';')
    ;

constructorInitializer
    : ':' memberInitializer (',' memberInitializer)*
    ;

memberInitializer
    : Identifier '(' argumentList? ')'
    | Identifier bracedInitList
    ;

enumSpecifier
    : 'enum' ('class' | 'struct')? TypeName? (':' declSpecifiers)? '{' (enumerator (',' enumerator)* ','?)? '}'
    | 'enum' ('class' | 'struct')? TypeName
    ;

enumerator
    : Identifier ('=' conditionalExpression)?
    ;

initDeclaratorList
    : initDeclarator (',' initDeclarator)*
    ;

// A brace initializer follows only a declarator that is not a function's (C++: a function declarator has no
// initializer), so `void f(int* o) { o[0] = 1 }` is a function whose body lacks a `;`, not a declaration with a brace
// initializer; this also ends the function-definition-or-declaration decision at the body's `{`.
initDeclarator
    : declarator ('=' initializer | '(' argumentList ')')?
    | objectDeclarator bracedInitList
    ;

objectDeclarator
    : pointerOperator* objectDirectDeclarator
    ;

objectDirectDeclarator
    : declaratorId
    | '(' declarator ')'
    | objectDirectDeclarator '[' expression? ']'
    ;

declarator
    : pointerOperator* directDeclarator
    ;

pointerOperator
    : '*' typeQualifier*
    | '&'
    | '&&'
    ;

directDeclarator
    : declaratorId
    | '(' declarator ')'
    | directDeclarator '[' expression? ']'
    | directDeclarator '(' parameterList? ')' typeQualifier*
    ;

declaratorId
    : nestedNameSpecifier? Identifier
    | nestedNameSpecifier? TemplateName
    | nestedNameSpecifier? 'operator' overloadableOperator
    ;

overloadableOperator
    : '+' | '-' | '*' | '/' | '%' | '^' | '&' | '|' | '~' | '!' | '=' | '<' | '>' | '+=' | '-=' | '*=' | '/='
    | '%=' | '^=' | '&=' | '|=' | '<<' | '>>' | '>>=' | '<<=' | '==' | '!=' | '<=' | '>=' | '&&' | '||'
    | '++' | '--' | ',' | '->' | '(' ')' | '[' ']'
    ;

parameterList
    : parameterDeclaration (',' parameterDeclaration)* (',' '...')?
    | '...'
    ;

parameterDeclaration
    : declSpecifiers (declarator | abstractDeclarator)? ('=' initializer)?
    ;

typeName
    : declSpecifiers abstractDeclarator?
    ;

abstractDeclarator
    : pointerOperator+ directAbstractDeclarator?
    | directAbstractDeclarator
    ;

directAbstractDeclarator
    : '(' abstractDeclarator ')'
    | '[' expression? ']'
    | directAbstractDeclarator '[' expression? ']'
    | '(' parameterList? ')'
    | directAbstractDeclarator '(' parameterList? ')'
    ;

initializer
    : assignmentExpression
    | bracedInitList
    ;

bracedInitList
    : '{' (initializerItem (',' initializerItem)* ','?)? '}'
    ;

initializerItem
    : designator+ '=' initializer
    | initializer
    ;

designator
    : '.' Identifier
    | '[' expression ']'
    ;

// ------------------------------------------------------------------ statements

statement
    : PragmaUnroll statement
    | PragmaUnrollCount pragmaArgument statement
    | PragmaOther
    | Identifier ':' statement
    | 'case' expression ':' statement
    | 'default' ':' statement
    | compoundStatement
    | declaration
    | expression? ';'
    | 'if' '(' expression ')' statement ('else' statement)?
    | 'switch' '(' expression ')' statement
    | 'while' '(' expression ')' statement
    | 'do' statement 'while' '(' expression ')' ';'
    | 'for' '(' forInit expression? ';' expression? ')' statement
    | 'goto' Identifier ';'
    | 'continue' ';'
    | 'break' ';'
    | 'return' (expression | bracedInitList)? ';'
    ;

compoundStatement
    : '{' statement* '}'
    ;

// `#pragma unroll N`: TokenClassifier turns the pragma into PragmaUnrollCount, the tokens of N and PragmaEnd. N is
// an integral constant expression (a template parameter, a constexpr) evaluated by the semantic analysis; tokens
// that are no expression take the second alternative (the first wins when both read the tokens) and are reported.
pragmaArgument
    : conditionalExpression PragmaEnd
    | (~PragmaEnd)* PragmaEnd
    ;

forInit
    : declaration
    | expression? ';'
    ;

// ------------------------------------------------------------------ expressions

expression
    : assignmentExpression (',' assignmentExpression)*
    ;

// One alternative with an optional tail: two alternatives sharing the conditionalExpression prefix make SLL
// prediction pick the shorter one and bail out on every assignment.
assignmentExpression
    : conditionalExpression (assignmentOperator (assignmentExpression | bracedInitList))?
    ;

assignmentOperator
    : '=' | '*=' | '/=' | '%=' | '+=' | '-=' | '<<=' | '>>=' | '&=' | '^=' | '|='
    ;

conditionalExpression
    : binaryExpression ('?' expression ':' assignmentExpression)?
    ;

// C's precedence, tightest first; ANTLR resolves the left recursion by the order of the alternatives.
binaryExpression
    : castExpression
    | binaryExpression op=('*' | '/' | '%') binaryExpression
    | binaryExpression op=('+' | '-') binaryExpression
    | binaryExpression op=('<<' | '>>') binaryExpression
    | binaryExpression op=('<' | '>' | '<=' | '>=') binaryExpression
    | binaryExpression op=('==' | '!=') binaryExpression
    | binaryExpression op='&' binaryExpression
    | binaryExpression op='^' binaryExpression
    | binaryExpression op='|' binaryExpression
    | binaryExpression op='&&' binaryExpression
    | binaryExpression op='||' binaryExpression
    ;

castExpression
    : '(' typeName ')' castExpression
    | unaryExpression
    ;

unaryExpression
    : postfixExpression
    | op=('++' | '--') unaryExpression
    | op=('&' | '*' | '+' | '-' | '~' | '!') castExpression
    | 'sizeof' unaryExpression
    | 'sizeof' '(' typeName ')'
    | ('alignof' | '__alignof__') '(' typeName ')'
    ;

postfixExpression
    : primaryExpression postfixSuffix*
    ;

postfixSuffix
    : '[' expression ']'
    | '(' argumentList? ')'
    | op=('.' | '->') memberName
    | op=('++' | '--')
    ;

memberName
    : Identifier
    | TemplateName
    | TypeName
    ;

argumentList
    : assignmentExpression (',' assignmentExpression)*
    ;

primaryExpression
    : nestedNameSpecifier? Identifier
    | nestedNameSpecifier? TemplateName templateArguments?
    | constant
    | StringLiteral+
    | '(' expression ')'
    | 'true'
    | 'false'
    | 'nullptr'
    | 'this'
    | castKeyword '<' typeName '>' '(' expression ')'
    | functionalCastType '(' argumentList? ')'
    | functionalCastType bracedInitList
    ;

castKeyword
    : 'static_cast'
    | 'reinterpret_cast'
    | 'const_cast'
    ;

functionalCastType
    : typenameSpecifier
    | 'char' | 'short' | 'int' | 'long' | 'float' | 'double' | 'signed' | 'unsigned' | 'bool' | '__half'
    | 'unsigned' ('char' | 'short' | 'int' | 'long' | 'long' 'long')
    | 'long' 'long'
    ;

constant
    : IntegerConstant
    | FloatingConstant
    | CharacterConstant
    ;

// ------------------------------------------------------------------ token names (lexer unused)

Identifier          : [a-zA-Z_$] [a-zA-Z_$0-9]* ;
IntegerConstant     : [0-9] [0-9a-zA-Z]* ;
FloatingConstant    : [0-9]* '.' [0-9]+ ([eE] [+-]? [0-9]+)? [fFlL]? ;
CharacterConstant   : '\'' (~['\\\r\n] | '\\' .)+ '\'' ;
StringLiteral       : '"' (~["\\\r\n] | '\\' .)* '"' ;
Unknown             : '\u0001' ;
Whitespace          : [ \t\r\n]+ -> skip ;
