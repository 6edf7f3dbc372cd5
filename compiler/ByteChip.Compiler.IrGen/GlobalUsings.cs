global using ByteChip.Compiler.Syntax.Ast;
